package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.examples.casestudy.CaseStudyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command writes all its outputs or none: when a later output cannot be written or a later step fails, no
 * new file (not even a temporary one) is left in the output folder and an existing file there is untouched.
 */
class AllOrNothingTest {
  @TempDir
  Path in;
  @TempDir
  Path out;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  /** A folder that does not exist: an output there cannot be written. */
  private Path unwritable;

  @BeforeEach
  void folders() {
    unwritable = out.resolve("no-such-folder");
  }

  private Path copy(String resource) throws IOException {
    Path target = in.resolve(Path.of(resource).getFileName().toString());
    try (InputStream stream = Objects.requireNonNull(getClass().getResourceAsStream("/" + resource), resource)) {
      Files.copy(stream, target);
    }
    return target;
  }

  private int run(String... args) {
    return Insight.run(new PrintWriter(stdout), new PrintWriter(stderr), args);
  }

  private List<String> leftInOut() throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(p -> !p.equals(out)).map(p -> out.relativize(p).toString()).sorted().toList();
    }
  }

  private void assertFailedNaming(int code, String what) {
    assertThat(code).as(stdout.toString()).isEqualTo(1);
    assertThat(stderr.toString()).contains(what);
  }

  @Test
  void weight_reportCannotBeWritten_leavesNoWeights() throws IOException {
    int code = run("weight", "--data", copy("weighting/staff_survey.csv").toString(), "--id", "id", "--margins",
        copy("weighting/margins.csv").toString(), "--out", out.resolve("w.csv").toString(), "--report",
        unwritable.resolve("r.json").toString());

    assertFailedNaming(code, "r.json");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void estimate_failingSubgroup_leavesTheExistingOutputUntouched() throws IOException {
    Path estimates = out.resolve("e.csv");
    Files.writeString(estimates, "earlier results");

    int code = run("estimate", "--data", copy("weighting/staff_survey.csv").toString(), "--id", "id", "--margins",
        copy("weighting/margins.csv").toString(), "--proportion", "pri_workforce", "--by", "no_such_column",
        "--out", estimates.toString());

    assertFailedNaming(code, "no_such_column");
    assertThat(leftInOut()).containsExactly("e.csv");
    assertThat(Files.readString(estimates)).isEqualTo("earlier results");
  }

  @Test
  void table_outputIsAFolder_failsAndLeavesNothing() throws IOException {
    Files.createDirectory(out.resolve("t.csv"));

    int code = run("table", "--data", copy("tables/staff_survey.csv").toString(), "--id", "id", "--weights",
        copy("tables/expected_rake_weights.csv").toString(), "--rows", "contact", "--banner", "sector", "--out",
        out.resolve("t.csv").toString());

    assertFailedNaming(code, "t.csv is a folder, not a file");
    assertThat(leftInOut()).containsExactly("t.csv");
  }

  @Test
  void codeApply_explainCannotBeWritten_leavesNoCoding() throws IOException {
    int code = run("code", "apply", "--codeframe", copy("qual/codeframe.csv").toString(), "--data",
        copy("qual/comments.csv").toString(), "--id", "id", "--text", "comment", "--out",
        out.resolve("coded.csv").toString(), "--explain", unwritable.resolve("explain.csv").toString());

    assertFailedNaming(code, "explain.csv");
    assertThat(leftInOut()).isEmpty();
  }

  private Path training() throws IOException {
    StringBuilder csv = new StringBuilder("id,comment,Parking,Waiting\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i).append(',').append(i % 2 == 0 ? "no parking at the car park " : "waited hours for a long wait ")
          .append(i).append(',').append(i % 2 == 0 ? "1,0" : "0,1").append('\n');
    }
    Path file = in.resolve("train.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void codeLearn_oneFold_failsAndSavesNoModel() throws IOException {
    int code = run("code", "learn", "--train", training().toString(), "--text", "comment", "--code-columns",
        "Parking,Waiting", "--model", out.resolve("m.model").toString(), "--folds", "1");

    assertFailedNaming(code, "fold");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void codeLearn_reportCannotBeWritten_savesNoModel() throws IOException {
    int code = run("code", "learn", "--train", training().toString(), "--text", "comment", "--code-columns",
        "Parking,Waiting", "--model", out.resolve("m.model").toString(), "--folds", "2", "--report",
        unwritable.resolve("r.json").toString());

    assertFailedNaming(code, "r.json");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void codePredict_outputCannotBeWritten_failsNamingIt() throws IOException {
    Path model = in.resolve("m.model");
    assertThat(run("code", "learn", "--train", training().toString(), "--text", "comment", "--code-columns",
        "Parking,Waiting", "--model", model.toString())).as(stderr.toString()).isZero();

    int code = run("code", "predict", "--model", model.toString(), "--data", training().toString(), "--text",
        "comment", "--out", unwritable.resolve("p.csv").toString());

    assertFailedNaming(code, "p.csv");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void codeSuggest_outputCannotBeWritten_failsNamingIt() throws IOException {
    int code = run("code", "suggest", "--data", training().toString(), "--text", "comment", "--groups", "2",
        "--out", unwritable.resolve("s.json").toString());

    assertFailedNaming(code, "s.json");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void transcript_reportCannotBeWritten_leavesNeitherMatrixNorProject() throws IOException {
    int code = run("transcript", "--in", copy("qual/group4.vtt").toString(), "--speakers",
        copy("qual/speakers.csv").toString(), "--codeframe", copy("qual/codeframe.csv").toString(), "--out",
        out.resolve("matrix.csv").toString(), "--qdpx", out.resolve("fg.qdpx").toString(), "--report",
        unwritable.resolve("r.json").toString());

    assertFailedNaming(code, "r.json");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void redact_reportCannotBeWritten_leavesNoRedactedFile_andTheOldOneUntouched() throws IOException {
    Path redacted = out.resolve("redacted.csv");
    Files.writeString(redacted, "earlier run");

    int code = run("redact", "--in", copy("qual/comments.csv").toString(), "--text", "comment", "--out",
        redacted.toString(), "--report", unwritable.resolve("r.json").toString());

    assertFailedNaming(code, "r.json");
    assertThat(leftInOut()).containsExactly("redacted.csv");
    assertThat(Files.readString(redacted)).isEqualTo("earlier run");
  }

  @Test
  void report_lastFileCannotBeWritten_leavesNoReport() throws IOException {
    for (String name : List.of(CaseStudyFiles.PROGRAMME, CaseStudyFiles.SURVEY, CaseStudyFiles.MARGINS)) {
      Files.writeString(in.resolve(name), CaseStudyFiles.text(name));
    }
    Files.createDirectory(out.resolve("tables.xlsx"));
    List<String> args = new ArrayList<>(List.of("report", "--programme", in.resolve("programme.json").toString(),
        "--data", in.resolve("staff-survey.csv").toString(), "--id", "id", "--margins",
        in.resolve("margins.csv").toString(), "--priorities",
        "pri_workforce,pri_mental_health,pri_healthy_weight,pri_addiction", "--comment", "comment", "--codes",
        "code_positive,code_staff_skills,code_delivery_detail,code_funding", "--group-by", "sector", "--out",
        out.toString()));

    int code = run(args.toArray(String[]::new));

    assertFailedNaming(code, "tables.xlsx is a folder, not a file");
    assertThat(leftInOut()).containsExactly("tables.xlsx");
    assertThat(stdout.toString()).doesNotContain("wrote the report");
  }

  @Test
  void demo_secondFileCannotBeWritten_leavesNoReport() throws IOException {
    Files.createDirectory(out.resolve("analysis.json"));

    int code = run("demo", "--quiet", "--out", out.toString());

    assertFailedNaming(code, "analysis.json is a folder, not a file");
    assertThat(leftInOut()).containsExactly("analysis.json");
  }
}
