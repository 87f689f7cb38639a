package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.examples.casestudy.CaseStudyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsiderationLogCommandTest {
  @TempDir
  Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path programme() throws IOException {
    Path file = dir.resolve("programme.json");
    Files.writeString(file, CaseStudyFiles.generated().get(CaseStudyFiles.PROGRAMME));
    return file;
  }

  @Test
  void log_thenVerify_isIntact_andLoggingAgainAddsNothing() throws IOException {
    Path programme = programme();
    Path log = dir.resolve("log.json");

    assertThat(run("log", programme.toString(), "--out", log.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith(log + ": 5 new entries, 5 in all; head ");
    assertThat(run("log", programme.toString(), "--out", log.toString())).isZero();
    assertThat(out.toString()).startsWith(log + ": 0 new entries, 5 in all; head ");

    assertThat(run("verify-log", log.toString())).isZero();
    assertThat(out.toString()).startsWith(log + ": 5 entries, chain intact; head ");
  }

  @Test
  void verifyLog_afterAnEdit_exits1NamingTheFirstBrokenEntry() throws IOException {
    Path log = dir.resolve("log.json");
    run("log", programme().toString(), "--out", log.toString());
    Files.writeString(log, Files.readString(log).replace("Six priorities agreed.", "Ten priorities kept."));

    assertThat(run("verify-log", log.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("insight verify-log: " + log + ": chain broken at entry 2 (response "
        + "YSWD-1) was changed after it was written: its content hashes to ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void log_ofAProgrammeWhoseConsiderationNamesMissingEvidence_failsNamingIt() throws IOException {
    Path programme = programme();
    Files.writeString(programme, Files.readString(programme).replace("\"P-focus\" ]", "\"P-nowhere\" ]"));

    assertThat(run("log", programme.toString(), "--out", dir.resolve("log.json").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("response YSWD-1 (considered by Integrated care partnership (strategy "
        + "development group) on 2022-10-20) refers to prevalence P-nowhere, which the programme does not define");
    assertThat(dir.resolve("log.json")).doesNotExist();
  }

  @Test
  void verifyLog_ofSomethingElse_failsNamingTheFile() throws IOException {
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"hello\": 1}");

    assertThat(run("verify-log", other.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(other.toString()).contains("not a consideration log");
  }
}
