package dev.insight.examples.cli.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.examples.casestudy.CaseStudyFiles;
import dev.insight.examples.cli.Insight;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done when: a new user goes from an uncoded comment column to a report with a themes table and a note on how the
 * comments were coded, through the review API, code learn, code predict and report, editing no file by hand. The
 * case study's own coders' labels stand in for the person at the review page.
 */
class CommentToReportEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void uncodedComments_reviewLearnPredictReport_givesThemesAndHowTheyWereCoded() throws Exception {
    Path survey = dir.resolve("survey.csv");
    writeWithoutCodeColumns(CaseStudyFiles.text(CaseStudyFiles.SURVEY), survey);
    Path frameFile = dir.resolve("codeframe.json");
    Files.writeString(frameFile, CaseStudyFiles.text("comment-codeframe.json"));
    for (String name : List.of(CaseStudyFiles.PROGRAMME, CaseStudyFiles.MARGINS)) {
      Files.writeString(dir.resolve(name), CaseStudyFiles.text(name));
    }
    Map<String, List<String>> person = peopleCodes(CaseStudyFiles.text("staff-comments.csv"));
    Codeframe frame = CodeframeFiles.read(frameFile);
    Path review = dir.resolve("review.csv");

    // 1. a person codes 60 comments on the review page's API, in the order it offers them
    try (ReviewState state = new ReviewState(frame, CommentsFile.read(survey, "id", "comment", null)
        .withText(), review, 0.9, 42, Clock.systemUTC(), ReviewState.FIRST_MODEL_AT,
        ReviewState.SUGGESTIONS_FROM);
        ReviewServer server = new ReviewServer(state, 0)) {
      HttpClient http = HttpClient.newHttpClient();
      URI base = server.address();
      for (int i = 0; i < 60; i++) {
        JsonNode next = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/next?tab=t")).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        String id = next.path("id").asText();
        String body = JSON.writeValueAsString(Map.of("id", id, "codes", person.get(id), "coder", "ann"));
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(base.resolve("/api/code"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      }
      state.awaitTraining(Duration.ofSeconds(60));
    }
    assertThat(CodedFileReader.read(review, frame).units()).hasSize(60);

    // 2. the model learns from the person's codes
    Path model = dir.resolve("comments.model");
    run("code", "learn", "--train", survey.toString(), "--text", "comment", "--id", "id", "--coding",
        review.toString(), "--codeframe", frameFile.toString(), "--model", model.toString());

    // 3. and codes the rest, keeping the person's codes
    Path all = dir.resolve("coded.csv");
    run("code", "predict", "--model", model.toString(), "--data", survey.toString(), "--text", "comment", "--id",
        "id", "--codeframe", frameFile.toString(), "--coding", all.toString(), "--reviewed", review.toString());
    Coding coded = CodedFileReader.read(all, frame);
    assertThat(coded.unitsBySource().person()).isEqualTo(60);
    assertThat(coded.unitsBySource().model()).isPositive();

    // 4. the report joins the coded file by id
    Path report = dir.resolve("report");
    run("report", "--programme", dir.resolve(CaseStudyFiles.PROGRAMME).toString(), "--data", survey.toString(),
        "--id", "id", "--margins", dir.resolve(CaseStudyFiles.MARGINS).toString(), "--priorities",
        "pri_workforce,pri_mental_health,pri_healthy_weight,pri_addiction", "--comment", "comment",
        "--coding", all.toString(), "--codeframe", frameFile.toString(), "--out", report.toString());

    String html = Files.readString(report.resolve("report.html"));
    assertThat(html).contains("Codes in the open comments (base: " + coded.units().size() + " who commented)")
        .contains("Needs adequate staff and skills")
        .contains("Coding the open comments")
        .contains("Of the " + coded.units().size() + " comments, 60 read and coded by a person and "
            + coded.unitsBySource().model() + " coded by a learned model, with a codeframe of "
            + frame.codable().size() + " codes.");
  }

  private void run(String... args) {
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(String.join(" ", args) + "\n" + err + out).isZero();
  }

  /** The survey as a new user has it: the comment column, no code columns. */
  static void writeWithoutCodeColumns(String csv, Path file) throws Exception {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv);
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer);
      List<Integer> keep = null;
      for (CsvRecord row : reader) {
        if (keep == null) {
          keep = new ArrayList<>();
          for (int i = 0; i < row.getFieldCount(); i++) {
            if (!row.getField(i).startsWith("code_")) {
              keep.add(i);
            }
          }
        }
        List<String> fields = new ArrayList<>();
        keep.forEach(i -> fields.add(row.getField(i)));
        out.writeRecord(fields);
      }
    }
  }

  /** The case study coders' codes of each comment (the columns after id and comment). */
  static Map<String, List<String>> peopleCodes(String csv) {
    Map<String, List<String>> codes = new HashMap<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      List<String> header = null;
      for (CsvRecord row : reader) {
        if (header == null) {
          header = row.getFields();
          continue;
        }
        List<String> given = new ArrayList<>();
        for (int i = 2; i < row.getFieldCount(); i++) {
          if (row.getField(i).equals("1")) {
            given.add(header.get(i));
          }
        }
        codes.put(row.getField(0), given);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return codes;
  }
}
