package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Triple-S survey ({@code .sss} metadata with its fixed-width data) goes through every command that reads
 * {@code --data}, as any export does; {@code convert --out OUT.sss} writes one.
 */
class TripleSCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path survey() throws IOException {
    for (String name : List.of("visits.sss", "visits.asc")) {
      try (InputStream in = getClass().getResourceAsStream("/exports/" + name)) {
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir.resolve("visits.sss");
  }

  @Test
  void describeSaysWhatTheMetadataDeclares() throws IOException {
    Run run = run("describe", "--data", survey().toString(), "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.path("format").asText()).isEqualTo("triple-s");
    assertThat(root.path("encoding").asText()).isEqualTo("Triple-S 2.0, fixed-width data visits.asc in UTF-8");
    assertThat(root.path("respondents").asInt()).isEqualTo(6);
    JsonNode q1 = root.path("variables").get(1);
    assertThat(q1.path("name").asText()).isEqualTo("Q1");
    assertThat(q1.path("label").asText()).isEqualTo("Number of visits");
    assertThat(q1.path("type").asText()).isEqualTo("single");
    assertThat(q1.path("categories").toString()).isEqualTo("[{\"code\":\"1\",\"label\":\"First visit\"},"
        + "{\"code\":\"2\",\"label\":\"Visited before within the year\"},{\"code\":\"3\",\"label\":\"Visited "
        + "before that\"}]");
    JsonNode q2 = root.path("variables").get(2);
    assertThat(q2.path("type").asText()).isEqualTo("multiple");
    assertThat(q2.path("columns").toString()).isEqualTo("[\"Q2_1\",\"Q2_2\",\"Q2_3\",\"Q2_4\",\"Q2_5\",\"Q2_9\"]");
    assertThat(root.path("variables").get(0).path("type").asText()).isEqualTo("id");
  }

  @Test
  void tableCountsAgreeWithTheRawFile() throws IOException {
    Path out = dir.resolve("t.csv");
    Run run = run("table", "--data", survey().toString(), "--id", "RESP", "--unweighted", "--rows", "Q1",
        "--rows", "Q2*", "--banner", "Q6", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    String table = Files.readString(out);
    // counted by hand from visits.asc: Q1 1 = R001, R004; 2 = R002, R006; 3 = R003; R005 blank
    assertThat(table).contains("First visit").contains("Visited before within the year")
        .contains("Nottingham Castle").contains("\"Friar Tuck\" Restaurant".replace("\"", "\"\""));
    assertThat(run.err()).contains("visits.sss: variable Q7 has a <filter>");
  }

  @Test
  void weightAndEstimateReadTheSurveyAndItsMissingCodes() throws IOException {
    Path data = survey();
    Path margins = dir.resolve("margins.csv");
    Files.writeString(margins, "variable,category,target\nQ6,0,0.5\nQ6,1,0.5\n");
    Path weights = dir.resolve("w.csv");
    Run weight = run("weight", "--data", data.toString(), "--id", "RESP", "--margins", margins.toString(),
        "--out", weights.toString(), "--missing", "exclude");
    assertThat(weight.code()).as(weight.err()).isZero();
    Path table = dir.resolve("t.csv");
    Run weighted = run("table", "--data", data.toString(), "--id", "RESP", "--weights", weights.toString(),
        "--rows", "Q6", "--out", table.toString());
    assertThat(weighted.code()).as(weighted.err()).isZero();
    // raked to half and half: the weighted shares of Q6 are the margins'
    assertThat(Files.readString(table)).contains("Q6,0,No,category,,Total,Total,,5,5,").contains(",50,");
    Path estimate = dir.resolve("e.csv");
    Run run = run("estimate", "--data", data.toString(), "--id", "RESP", "--weights", weights.toString(), "--mean", "Q5",
        "--out", estimate.toString());
    assertThat(run.code()).as(run.err()).isZero();
    // 999 "Not stated" is Q5's missing code: the mean of 23, 150 and 500 (weights 5/6) and 7 (weight 5/4)
    assertThat(Files.readString(estimate)).as(run.err()).contains(",151.888888");
  }

  @Test
  void aBadDataLineIsAClearErrorWithoutAStackTrace() throws IOException {
    Path data = survey();
    Files.writeString(dir.resolve("visits.asc"), Files.readString(dir.resolve("visits.asc")).replace("R0022",
        "R0027"));
    Run run = run("table", "--data", data.toString(), "--id", "RESP", "--unweighted", "--rows", "Q1", "--out",
        dir.resolve("t.csv").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("visits.asc:2: column \"Q1\", value \"7\", character 5: not a declared value of "
        + "Q1 (the metadata declares 1, 2, 3)").doesNotContain("\tat ");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void convertWritesTripleSThatDescribesAsTheOriginal() throws IOException {
    Path data = survey();
    Path out = dir.resolve("copy.sss");
    Run convert = run("convert", "--data", data.toString(), "--out", out.toString());
    assertThat(convert.code()).as(convert.err()).isZero();
    assertThat(dir.resolve("copy.asc")).exists();
    JsonNode original = JSON.readTree(run("describe", "--data", data.toString(), "--json").out()).path("variables");
    JsonNode copy = JSON.readTree(run("describe", "--data", out.toString(), "--json").out()).path("variables");
    assertThat(copy.size()).isEqualTo(original.size());
    for (int i = 0; i < original.size(); i++) {
      assertThat(copy.get(i).path("name")).isEqualTo(original.get(i).path("name"));
      assertThat(copy.get(i).path("label")).isEqualTo(original.get(i).path("label"));
      assertThat(copy.get(i).path("type")).isEqualTo(original.get(i).path("type"));
      assertThat(copy.get(i).path("categories").findValuesAsText("label"))
          .isEqualTo(original.get(i).path("categories").findValuesAsText("label"));
    }
  }

  @Test
  void convertToTripleSIsAllOrNothing() throws IOException {
    Path data = dir.resolve("survey.csv");
    Files.writeString(data, "id,sector\n1,NHS\n2,Police\n");
    Path codebook = dir.resolve("codebook.csv");
    Files.writeString(codebook, "variable,code,label\nsector,NHS,NHS\n");
    Path out = dir.resolve("out.sss");
    Run run = run("convert", "--data", data.toString(), "--codebook", codebook.toString(), "--out", out.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("survey.csv:3: column \"sector\", value \"Police\", not a category of sector");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("out.asc")).doesNotExist();
  }

  @Test
  void formatTripleSReadsMetadataWhateverItsName() throws IOException {
    Path data = survey();
    Path renamed = dir.resolve("visits.xml");
    Files.move(data, renamed);
    Files.move(dir.resolve("visits.asc"), dir.resolve("visits.dat"));
    Run run = run("describe", "--data", renamed.toString(), "--format", "triple-s");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(renamed + ": triple-s export, Triple-S 2.0, fixed-width data visits.dat in "
        + "UTF-8; 6 respondents, 12 variables");
  }

  @Test
  void reportReadsASurveyConvertedToTripleS() throws IOException {
    for (String name : List.of("programme.json", "survey.csv", "margins.csv")) {
      try (InputStream in = getClass().getResourceAsStream("/other-programme/" + name)) {
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path sss = dir.resolve("parks.sss");
    Run convert = run("convert", "--data", dir.resolve("survey.csv").toString(), "--id", "respondent", "--out",
        sss.toString());
    assertThat(convert.code()).as(convert.err()).isZero();
    // the 0/1 option columns are multiple-response variables, numbered 1, 2, ... in Triple-S
    Run report = run("report", "--programme", dir.resolve("programme.json").toString(), "--data", sss.toString(),
        "--id", "respondent", "--margins", dir.resolve("margins.csv").toString(),
        "--priorities", "imp_1,imp_2,imp_3,imp_4,imp_5,imp_6", "--comment", "remarks",
        "--codes", "code_1,code_2,code_3,code_4,code_5", "--group-by", "ward", "--banner", "ward,age_band",
        "--coded-by", "rules", "--out", dir.resolve("out").toString());
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out()).contains("(420 respondents)");
    assertThat(Files.readString(dir.resolve("out/report.html"))).contains("Riverside");
  }
}
