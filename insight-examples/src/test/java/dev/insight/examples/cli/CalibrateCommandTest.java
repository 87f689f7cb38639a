package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad calibration totals and options: exit 1, a message naming file, line, column and value, and no output. */
class CalibrateCommandTest {
  @TempDir
  Path dir;
  private Path data;
  private Path out;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void copy() throws IOException {
    data = dir.resolve("apistrat.csv");
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/estimate/apistrat.csv"))) {
      Files.copy(in, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out = dir.resolve("w.csv");
  }

  private Run weigh(String totals, String... options) throws IOException {
    Path file = dir.resolve("totals.csv");
    Files.writeString(file, "variable,category,target\n" + totals);
    String[] base = {"weight", "--data", data.toString(), "--id", "cds", "--base-weight", "pw", "--margins",
        file.toString(), "--out", out.toString()};
    String[] all = new String[base.length + options.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(options, 0, all, base.length, options.length);
    return run(all);
  }

  private static final String STYPE = "stype,E,4421\nstype,H,755\nstype,M,1018\n";

  @Test
  void numericAndInteractionTotals_calibrate() throws IOException {
    Run ok = weigh(STYPE + "enroll,,3811472\nstype:enroll,E:,1877350\nstype:enroll,H:,1013824\n"
        + "stype:enroll,M:,920298\n", "--calfun", "raking", "--bounds", "0.3,3");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("calibrate raking: converged after ");
    assertThat(out).exists();
  }

  @Test
  void aCellWithTooFewParts_namesFileLineAndValue() throws IOException {
    Run run = weigh(STYPE + "stype:comp.imp,E,3536\n", "--method", "calibrate");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("totals.csv:5: column \"category\", value \"E\", the cell 'E' of stype:comp.imp "
        + "has 1 part(s) for 2 variable(s): give one per variable joined by ':', the category of a categorical "
        + "variable and nothing for a numeric one");
    assertThat(out).doesNotExist();
  }

  @Test
  void aVariableNumericInOneRowAndCategoricalInAnother_isRefused() throws IOException {
    Run run = weigh("enroll,,3811472\n" + STYPE + "stype:enroll,E:1,5\n", "--calfun", "linear");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("totals.csv:6: column \"category\", value \"E:1\", variable enroll is "
        + "categorical here but was numeric on line 2");
  }

  @Test
  void sharesWithoutAPopulation_areRefused() throws IOException {
    Run run = weigh("stype,E,0.7\nstype,H,0.1\nstype,M,0.2\nenroll,,3811472\n", "--calfun", "linear");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("calibration needs population counts and totals, but the counts of every term "
        + "sum to 1: give counts, or --population N to make these shares counts of N");
  }

  @Test
  void optionsThatDoNotFitTheMethod_areRefused() throws IOException {
    assertThat(weigh(STYPE, "--method", "rake", "--calfun", "raking").err())
        .contains("--calfun applies to --method calibrate, not rake");
    assertThat(weigh(STYPE, "--calfun", "logit").err()).contains("logit calibration needs finite bounds");
    assertThat(weigh(STYPE, "--calfun", "probit").err())
        .contains("calibration function must be linear, raking or logit, not 'probit'");
    assertThat(weigh(STYPE, "--calfun", "linear", "--bounds-on-weights").err())
        .contains("--bounds-on-weights applies to --bounds");
    assertThat(weigh(STYPE, "--calibration-trim", "0.5,2").err())
        .contains("--calibration-trim applies to --method calibrate, not rake");
    assertThat(weigh(STYPE, "--method", "linear", "--epsilon", "1").err())
        .contains("--epsilon applies to --method rake, not linear");
    assertThat(weigh(STYPE, "--trim", "10").err()).contains("--trim must be LOW,HIGH, such as 0,150: 10");
    assertThat(out).doesNotExist();
  }

  @Test
  void boundsThatCannotBeMet_exitOneNamingTheTotalAndWriteNothing() throws IOException {
    Run run = weigh(STYPE + "enroll,,3811472\n", "--calfun", "linear", "--bounds", "0.95,1.02");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("linear calibration to ~stype + enroll with g-weights in [0.95, 1.02] did not "
        + "meet the totals in 50 iterations: the largest misfit").contains("widen the bounds");
    assertThat(out).doesNotExist();
  }

  @Test
  void trim_afterRaking_sharesTheExcessEqually() throws IOException {
    Run run = weigh(STYPE, "--trim", "18,40", "--trim-strict");
    assertThat(run.code()).as(run.err()).isZero();
    for (String line : Files.readAllLines(out).subList(1, 201)) {
      double w = Double.parseDouble(line.substring(line.indexOf(',') + 1));
      assertThat(w).isBetween(18.0, 40.0 + 1e-9);
    }
  }
}
