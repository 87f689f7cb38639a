package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path folder;

  @Test
  void demo_printsTheProgrammeAtAGlanceAndWritesTheReport() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), "demo", "--out",
        folder.resolve("insight-demo").toString());

    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .contains("source study      13", "focus group        4", "board meeting     31")
        .contains("Stakeholders heard individually: 23 from 15 organisations")
        .contains("not reached: Armed forces members and families")
        .contains("759 responses in the data (759 stated), 180 open comments")
        .contains("In contact with service users, patients or the public: 501 (66%)")
        .contains("Workforce                         448   59%")
        .contains("4. Representatives of parents, children and young people")
        .contains("5. Are the draft priorities the right ones?")
        .contains("read and coded the 4 focus-group transcripts into a framework matrix of 11 themes")
        .contains("wrote the tables as XLSX");
    assertThat(folder.resolve("insight-demo/report.html")).exists();
    assertThat(folder.resolve("insight-demo/analysis.json")).exists();
    assertThat(dev.insight.core.consideration.ConsiderationLog.read(folder.resolve(
        "insight-demo/consideration-log.json")).verify().entries()).isEqualTo(5);
    assertThat(folder.resolve("insight-demo/tables.xlsx")).exists();
  }

  @Test
  void everySubcommand_hasHelp() {
    StringWriter out = new StringWriter();

    int code = Insight.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "demo", "--help");

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("Usage: insight demo");
  }

  @Test
  void unknownSubcommand_failsWithUsageOnStandardError() {
    StringWriter err = new StringWriter();

    int code = Insight.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "dmeo");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'dmeo'");
  }
}
