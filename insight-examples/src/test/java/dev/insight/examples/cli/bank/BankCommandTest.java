package dev.insight.examples.cli.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.examples.casestudy.CaseStudyFiles;
import dev.insight.examples.cli.Insight;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankCommandTest {
  @TempDir
  Path dir;
  private Path programme;
  private Path comments;
  private Path codeframe;
  private Path bank;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws IOException {
    Map<String, String> generated = CaseStudyFiles.generated();
    programme = dir.resolve("programme.json");
    Files.writeString(programme, generated.get(CaseStudyFiles.PROGRAMME));
    comments = dir.resolve("staff-comments.csv");
    Files.writeString(comments, generated.get("staff-comments.csv"));
    codeframe = dir.resolve("comment-codeframe.json");
    try (var in = CaseStudyFiles.class.getResourceAsStream("comment-codeframe.json")) {
      Files.write(codeframe, in.readAllBytes());
    }
    bank = dir.resolve("bank");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private int add(String... extra) {
    String[] base = {"bank", "add", programme.toString(), "--bank", bank.toString(), "--words-only"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return run(all);
  }

  @Test
  void add_withCodedComments_thenSearch_showsTheRedactedCommentWithItsBase() {
    assertThat(add("--data", comments.toString(), "--text", "comment", "--coding", comments.toString(),
        "--codeframe", codeframe.toString(), "--activity", "staff-survey", "--question",
        "Any comments on the priorities overall?", "--comment-consent", "given")).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("added hwb-strategy-2022 as version 1 in " + bank + ": 13 studies, ")
        .contains("180 comments").contains("(search by words only)")
        .contains("note: quote Q-fg-families-2 left out: consent not recorded");

    assertThat(run("bank", "search", "vacancies", "--bank", bank.toString(), "--kind", "comment")).isZero();
    assertThat(out.toString()).contains("[comment] Vacancies in my team have been open for months")
        .contains("email me at [email]").doesNotContain("sam.taylor@example.org")
        .contains("base:      1 of 180 coded comments; Needs adequate staff and skills: 25 of 180")
        .contains("consent:   given; redacted: 1 email");
  }

  @Test
  void add_again_replaces_listShowsTheVersion_removeTakesItOut() {
    assertThat(add()).isZero();
    assertThat(add()).isZero();
    assertThat(out.toString()).startsWith("replaced hwb-strategy-2022 as version 2");

    assertThat(run("bank", "list", "--bank", bank.toString())).isZero();
    assertThat(out.toString()).startsWith("1 programme in " + bank + " (search by words only)")
        .contains("hwb-strategy-2022  v2  ");

    assertThat(run("bank", "remove", "hwb-strategy-2022", "--bank", bank.toString())).isZero();
    assertThat(run("bank", "remove", "hwb-strategy-2022", "--bank", bank.toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("insight remove: no programme hwb-strategy-2022 in " + bank
        + " (insight bank list shows what is there)" + System.lineSeparator());
  }

  @Test
  void search_asJson_andWithABadDate_failsNamingIt() {
    assertThat(add()).isZero();

    assertThat(run("bank", "search", "cost of living", "--bank", bank.toString(), "--json", "--limit", "2"))
        .isZero();
    assertThat(out.toString()).contains("\"hits\" : [").contains("\"base\" : ");

    assertThat(run("bank", "search", "x", "--bank", bank.toString(), "--from", "last week")).isEqualTo(1);
    assertThat(err.toString()).contains("--from must be a date such as 2022-09-05: last week");
  }

  @Test
  void add_commentsWithoutTheirCodeframe_namesWhatIsMissing() {
    assertThat(add("--data", comments.toString(), "--text", "comment")).isEqualTo(1);
    assertThat(err.toString()).contains("comments need --data, --text, --coding, --codeframe and --activity; "
        + "missing --coding, --codeframe, --activity");
    assertThat(bank).doesNotExist();
  }

  @Test
  void search_whereNoBankIs_saysSo() {
    assertThat(run("bank", "search", "x", "--bank", bank.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no bank at " + bank + ": add a programme to it first");
  }

  @Test
  void coverage_acrossTheBank_andForOneProgramme_namesWhoWasNotHeard() {
    assertThat(add()).isZero();

    assertThat(run("bank", "coverage", "--bank", bank.toString())).isZero();
    assertThat(out.toString()).startsWith("groups most affected by health inequalities, across 1 programme:")
        .contains("  heard      Children and young people - 1 programme (").contains("Not heard by any programme: ");

    assertThat(run("coverage", programme.toString(), "--list", "equality-act")).isZero();
    assertThat(out.toString()).contains("  NOT HEARD  Sexual orientation").contains("Not heard: 9 of 9");

    assertThat(run("coverage", programme.toString(), "--list", "everyone")).isEqualTo(1);
    assertThat(err.toString()).contains("no built-in reference list \"everyone\"");
  }
}
