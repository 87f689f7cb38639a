package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.examples.casestudy.CaseStudyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir
  Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws IOException {
    for (String name : List.of(CaseStudyFiles.PROGRAMME, CaseStudyFiles.SURVEY, CaseStudyFiles.MARGINS)) {
      Files.writeString(folder.resolve(name), CaseStudyFiles.text(name));
    }
  }

  private int run(String... extra) {
    return runWithComment("comment", extra);
  }

  private int runWithComment(String commentColumn, String... extra) {
    List<String> args = new ArrayList<>(List.of("report", "--programme", folder.resolve("programme.json").toString(),
        "--data", folder.resolve("staff-survey.csv").toString(), "--id", "id",
        "--margins", folder.resolve("margins.csv").toString(),
        "--priorities", "pri_workforce,pri_mental_health,pri_healthy_weight,pri_addiction",
        "--comment", commentColumn, "--codes", "code_positive,code_staff_skills,code_delivery_detail,code_funding",
        "--group-by", "sector"));
    args.addAll(List.of(extra));
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
  }

  @Test
  void report_onTheCaseStudyFiles_writesTheReportAndAnalysis() throws IOException {
    int code = run("--out", folder.resolve("out").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(folder.resolve("out/report.html"))).contains("Percentages are of all 759 "
        + "respondents, weighted").doesNotContain("sam.taylor@example.org");
    assertThat(folder.resolve("out/analysis.json")).exists();
    assertThat(out.toString()).contains("(759 respondents)").contains("wrote the report");
  }

  @Test
  void report_missingColumn_failsNamingItAndWritesNothing() {
    int code = runWithComment("remarks", "--out", folder.resolve("out").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("insight report: " + folder.resolve("staff-survey.csv")
        + ":1: column \"remarks\", missing column;");
    assertThat(folder.resolve("out")).doesNotExist();
  }

  @Test
  void report_internalUseOnly_saysSoAndKeepsPersonalData() throws IOException {
    int code = run("--internal-use-only", "coding review", "--out", folder.resolve("out").toString());

    assertThat(code).isZero();
    assertThat(Files.readString(folder.resolve("out/report.html")))
        .contains("INTERNAL USE ONLY: quotes and comments are not redacted (coding review)");
  }
}
