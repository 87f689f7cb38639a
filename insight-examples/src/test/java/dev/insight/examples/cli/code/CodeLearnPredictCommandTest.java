package dev.insight.examples.cli.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.examples.cli.Insight;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeLearnPredictCommandTest {
  private static final String[][] WORDS = {
      {"parking", "car park", "no parking space", "parked"},
      {"rude staff", "nurse", "friendly staff", "doctor"},
      {"waiting", "waited hours", "long wait", "delay"}};

  @TempDir
  Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A multi-label file with 0/1 columns (a code name with a comma, as real codeframes have) and a label file. */
  private Path coded(String name, boolean single) throws IOException {
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder(single ? "id,comment,code\n" : "id,comment,Parking,\"Staff, attitude\","
        + "Waiting\n");
    for (int i = 0; i < 90; i++) {
      int c = i % 3;
      String text = WORDS[c][random.nextInt(4)] + " and the visit " + WORDS[c][random.nextInt(4)];
      csv.append(i).append(',').append(text).append(',');
      csv.append(single ? new String[] {"pk", "st", "wt"}[c] : (c == 0 ? "1,0,0" : c == 1 ? "0,1,0" : "0,0,1"));
      csv.append('\n');
    }
    Path file = folder.resolve(name);
    Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private int run(String... args) {
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void learnThenPredict_multiLabel_writesCodesAndConfidencesInInputOrder() throws IOException {
    Path train = coded("train.csv", false);
    Path model = folder.resolve("m.model");
    Path data = folder.resolve("new.csv");
    Files.writeString(data, "comment,other\nnowhere to park in the car park,x\nthe nurse was rude staff,y\n");
    Path predicted = folder.resolve("p.csv");

    int learned = run("code", "learn", "--train", train.toString(), "--text", "comment", "--code-columns",
        "Parking..Waiting", "--model", model.toString());
    int coded = run("code", "predict", "--model", model.toString(), "--data", data.toString(), "--text", "comment",
        "--out", predicted.toString());

    assertThat(learned).as(err.toString()).isZero();
    assertThat(coded).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(predicted);
    assertThat(lines.get(0)).isEqualTo("row,Parking,\"Staff, attitude\",Waiting,Parking confidence,"
        + "\"Staff, attitude confidence\",Waiting confidence,confidence,abstained");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("1,1,0,0,");
    assertThat(lines.get(2)).startsWith("2,0,1,0,");
    assertThat(out.toString()).contains("trained on 90 comments, 3 codes (multi-label)")
        .contains("coded 2 of 2 comments");
  }

  @Test
  void learnWithEmbeddings_thenPredict_findsTheEmbedderAgainAndCodesAParaphrase() throws IOException {
    Path train = coded("train.csv", false);
    Path model = folder.resolve("e.model");
    Path data = folder.resolve("new.csv");
    // "vehicle" and "space to leave it" are in no training comment: the n-grams alone have little to go on
    Files.writeString(data, "comment\nthere was no space to leave my vehicle\nwe waited hours\n");
    Path predicted = folder.resolve("p.csv");

    int learned = run("code", "learn", "--train", train.toString(), "--text", "comment", "--code-columns",
        "Parking..Waiting", "--model", model.toString(), "--embeddings");
    int coded = run("code", "predict", "--model", model.toString(), "--data", data.toString(), "--text", "comment",
        "--out", predicted.toString());

    assertThat(learned).as(err.toString()).isZero();
    assertThat(coded).as(err.toString()).isZero();
    assertThat(out.toString()).contains("embedding 90 comments with bge-small-en-v1.5-q");
    List<String> lines = Files.readAllLines(predicted);
    assertThat(lines.get(1)).startsWith("1,1,0,0,");
    assertThat(lines.get(2)).startsWith("2,0,0,1,");
  }

  @Test
  void predictWithId_thenAgree_comparesTheModelWithAPerson() throws IOException {
    Path model = folder.resolve("m.model");
    run("code", "learn", "--train", coded("train.csv", false).toString(), "--text", "comment", "--code-columns",
        "Parking..Waiting", "--model", model.toString());
    // a person's coding of new comments, with the comment and a column the model does not have
    Path people = folder.resolve("people.csv");
    Files.writeString(people, "id,comment,Parking,\"Staff, attitude\",Waiting,coder\n"
        + "c1,no parking space at all,1,0,0,ann\n"
        + "c2,the doctor was kind,0,1,0,ann\n"
        + "c3,waited hours,0,0,1,ann\n");
    Path predicted = folder.resolve("p.csv");
    run("code", "predict", "--model", model.toString(), "--data", people.toString(), "--text", "comment", "--id",
        "id", "--out", predicted.toString());
    out.getBuffer().setLength(0);

    int code = run("code", "agree", "--a", people.toString(), "--b", predicted.toString(), "--id", "id");

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(predicted)).element(1).asString().startsWith("1,c1,1,0,0,");
    assertThat(out.toString())
        .contains("codes: the 3 columns both files have; not compared: only in A [comment, coder]")
        .contains("3 units compared")
        .contains("B against A: micro precision 1.000, recall 1.000, F1 1.000");
  }

  @Test
  void agree_rowsThePredictionLeftForAPerson_areNotCompared() throws IOException {
    Path people = folder.resolve("people.csv");
    Files.writeString(people, "id,Parking,Waiting\nc1,1,0\nc2,0,1\nc3,1,1\n");
    Path predicted = folder.resolve("p.csv");
    Files.writeString(predicted, "row,id,Parking,Waiting,Parking confidence,Waiting confidence,confidence,abstained\n"
        + "1,c1,1,0,0.9,0.1,0.81,0\n"
        + "2,c2,0,1,0.2,0.9,0.72,0\n"
        + "3,c3,1,0,0.6,0.4,0.36,1\n");

    int code = run("code", "agree", "--a", people.toString(), "--b", predicted.toString(), "--id", "id");

    assertThat(code).as(err.toString()).isZero();
    // c3's guess (Parking only) would have missed Waiting: left out, B agrees with A everywhere else
    assertThat(out.toString()).contains(predicted + ": 1 unit left for a person (abstained) is not compared")
        .contains("2 units compared, 1 only in A, 0 only in B")
        .contains("B against A: micro precision 1.000, recall 1.000, F1 1.000");
  }

  @Test
  void agree_filesWithNoCodeColumnInCommon_failsListingBoth() throws IOException {
    Path a = folder.resolve("a.csv");
    Path b = folder.resolve("b.csv");
    Files.writeString(a, "id,Parking\nc1,1\n");
    Files.writeString(b, "id,Waiting\nc1,0\n");

    int code = run("code", "agree", "--a", a.toString(), "--b", b.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(b + ":1: no code column in common with " + a + " (other than the id \"id\"); "
        + "the columns of A are [id, Parking], of B [id, Waiting]");
  }

  @Test
  void learnWithContext_thenPredict_readsTheQuestionAgainAndCodesByIt() throws IOException {
    StringBuilder csv = new StringBuilder("comment,question,code\n");
    for (int i = 0; i < 60; i++) {
      csv.append(i % 2 == 0 ? "Nothing,What was good?,complaint\n" : "Nothing.,What could we do better?,praise\n");
      csv.append(i % 2 == 0 ? "parking was hard,What could we do better?,parking\n"
          : "no car park spaces,What was good?,parking\n");
    }
    Path train = folder.resolve("q.csv");
    Files.writeString(train, csv.toString());
    Path model = folder.resolve("q.model");

    int learned = run("code", "learn", "--train", train.toString(), "--text", "comment", "--label", "code",
        "--context", "question", "--model", model.toString());
    List<String> lines = predictLines(model, "question,comment\nWhat was good?,nothing\n"
        + "What could we do better?,Nothing at all\n");

    assertThat(learned).as(err.toString()).isZero();
    assertThat(lines.get(1)).startsWith("1,complaint,");
    assertThat(lines.get(2)).startsWith("2,praise,");
  }

  @Test
  void predict_contextModelOnDataWithoutTheContextColumn_failsNamingIt() throws IOException {
    Path train = folder.resolve("q.csv");
    Files.writeString(train, "comment,question,code\nNothing,What was good?,complaint\nNothing,Better?,praise\n"
        + "Nothing,What was good?,complaint\nNothing,Better?,praise\n");
    Path model = folder.resolve("q.model");
    run("code", "learn", "--train", train.toString(), "--text", "comment", "--label", "code", "--context",
        "question", "--model", model.toString());

    assertPredictFails(model, "comment\nnothing\n", "new.csv:1: column \"question\", no such column in the header");
  }

  @Test
  void suggest_groupsCommentsAndRedactsTheExamples() throws IOException {
    StringBuilder csv = new StringBuilder("id,comment\n");
    for (int i = 0; i < 10; i++) {
      csv.append("f").append(i).append(",the food was cold and the food portions small ").append(i)
          .append(" email me at jo.bloggs@example.com").append('\n');
      csv.append("w").append(i).append(",wifi signal terrible no wifi in the ward ").append(i).append('\n');
    }
    Path data = folder.resolve("uncoded.csv");
    Files.writeString(data, csv.toString());
    Path json = folder.resolve("s.json");

    int code = run("code", "suggest", "--data", data.toString(), "--text", "comment", "--groups", "2", "--out",
        json.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("2 candidate codes for 20 of 20 comments (grouped by words; examples redacted)")
        .contains("(10 comments, cohesion").contains("words: food").contains("email me at [email]")
        .doesNotContain("jo.bloggs@example.com");
    String written = Files.readString(json);
    assertThat(written).contains("\"groupedBy\" : \"words\"").contains("\"redacted\" : true")
        .contains("\"rows\" : [ 1, 3, 5").contains("[email]").doesNotContain("jo.bloggs@example.com");
  }

  @Test
  void learn_withFolds_printsTheTableAndWritesTheJsonReport() throws IOException {
    Path train = coded("train.csv", true);
    Path report = folder.resolve("r.json");

    int code = run("code", "learn", "--train", train.toString(), "--text", "comment", "--label", "code", "--model",
        folder.resolve("m.model").toString(), "--folds", "3", "--report", report.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("3-fold cross-validation of 90 comments (single-label")
        .contains("accuracy");
    assertThat(Files.readString(report)).contains("\"mode\" : \"SINGLE_LABEL\"").contains("\"macroF1\"");
  }

  @Test
  void predict_singleLabel_writesACodeColumn() throws IOException {
    Path model = folder.resolve("m.model");
    run("code", "learn", "--train", coded("train.csv", true).toString(), "--text", "comment", "--label", "code",
        "--model", model.toString());

    List<String> lines = predictLines(model, "comment\nwe waited hours\n");

    assertThat(lines.get(0)).isEqualTo("row,code,confidence,abstained");
    assertThat(lines.get(1)).startsWith("1,wt,");
  }

  @Test
  void learn_missingTextColumn_failsNamingItAndWritesNoModel() throws IOException {
    Path model = folder.resolve("m.model");

    int code = run("code", "learn", "--train", coded("train.csv", true).toString(), "--text", "feedback",
        "--label", "code", "--model", model.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("train.csv:1: column \"feedback\", no such column in the header");
    assertThat(model).doesNotExist();
  }

  @Test
  void predict_missingTextColumn_failsAndWritesNoOutput() throws IOException {
    Path model = folder.resolve("m.model");
    run("code", "learn", "--train", coded("train.csv", true).toString(), "--text", "comment", "--label", "code",
        "--model", model.toString());

    assertPredictFails(model, "text\nwe waited hours\n", "new.csv:1: column \"comment\", no such column in the "
        + "header");
  }

  /** Predicts the comments of {@code csv} (column "comment"), checks it succeeded and gives the output's lines. */
  private List<String> predictLines(Path model, String csv) throws IOException {
    Path data = folder.resolve("new.csv");
    Files.writeString(data, csv);
    Path predicted = folder.resolve("p.csv");

    int code = run("code", "predict", "--model", model.toString(), "--data", data.toString(), "--text", "comment",
        "--out", predicted.toString());

    assertThat(code).as(err.toString()).isZero();
    return Files.readAllLines(predicted);
  }

  /** Predicts the comments of {@code csv} (column "comment") and checks it fails with the message, writing nothing. */
  private void assertPredictFails(Path model, String csv, String message) throws IOException {
    Path data = folder.resolve("new.csv");
    Files.writeString(data, csv);
    Path predicted = folder.resolve("p.csv");

    int code = run("code", "predict", "--model", model.toString(), "--data", data.toString(), "--text", "comment",
        "--out", predicted.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(message);
    assertThat(predicted).doesNotExist();
  }

  @Test
  void predict_modelFromAnotherFormatVersion_failsClearly() throws IOException {
    Path model = folder.resolve("m.model");
    run("code", "learn", "--train", coded("train.csv", true).toString(), "--text", "comment", "--label", "code",
        "--model", model.toString());
    byte[] bytes = Files.readAllBytes(model);
    bytes[11] = 3; // the format version follows the 8-byte magic: a model of the previous version
    Files.write(model, bytes);
    Path data = folder.resolve("new.csv");
    Files.writeString(data, "comment\nwe waited hours\n");

    int code = run("code", "predict", "--model", model.toString(), "--data", data.toString(), "--text", "comment",
        "--out", folder.resolve("p.csv").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("m.model: model format version 3, but this version of insight reads "
        + "version 4; train the model again with this version");
  }

  @Test
  void learn_codeColumnRangeWithUnknownEnd_failsListingTheColumns() throws IOException {
    int code = run("code", "learn", "--train", coded("train.csv", false).toString(), "--text", "comment",
        "--code-columns", "Parking..Nope", "--model", folder.resolve("m.model").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--code-columns Parking..Nope: no column \"Nope\"")
        .contains("[id, comment, Parking, Staff, attitude, Waiting]");
  }

  @Test
  void learn_codeColumnCellNotZeroOrOne_failsNamingFileLineColumnAndValueAndWritesNoModel() throws IOException {
    Path train = coded("train.csv", false);
    Files.writeString(train, Files.readString(train).replaceFirst("\n4,([^,]*),0,1,0\n", "\n4,$1,0,yes,0\n"));
    Path model = folder.resolve("m.model");

    int code = run("code", "learn", "--train", train.toString(), "--text", "comment", "--code-columns",
        "Parking..Waiting", "--model", model.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(train + ":6: column \"Staff, attitude\", value \"yes\", a code column must "
        + "hold 1 (coded), 0 or blank (not coded)");
    assertThat(model).doesNotExist();
  }

  @Test
  void learn_codedFileWithAnIdNotInTheData_failsNamingFileLineAndId() throws IOException {
    Path train = coded("train.csv", false);
    Path frame = folder.resolve("frame.json");
    dev.insight.codeframe.interchange.CodeframeFiles.write(dev.insight.codeframe.Codeframe.builder("visits")
        .version("1").code("pk", "Parking", null).build(), frame);
    Path review = folder.resolve("review.csv");
    Files.writeString(review, "id,code,by,source,confidence,at,evidence\n"
        + "1,pk,human,ann,,2026-12-01T10:00:00Z,\n"
        + "R999,pk,human,ann,,2026-12-01T10:00:00Z,\n");
    Path model = folder.resolve("m.model");

    int code = run("code", "learn", "--train", train.toString(), "--text", "comment", "--id", "id", "--coding",
        review.toString(), "--codeframe", frame.toString(), "--model", model.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(review + ":3: column \"id\", value \"R999\", not an id of " + train
        + ": a coded comment must be one of the data's");
    assertThat(model).doesNotExist();
  }
}
