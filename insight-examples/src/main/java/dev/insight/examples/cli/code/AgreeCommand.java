package dev.insight.examples.cli.code;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.agreement.Agreement;
import dev.insight.codeframe.agreement.AgreementReport;
import dev.insight.codeframe.agreement.CodeAgreement;
import dev.insight.codeframe.agreement.CodeScore;
import dev.insight.codeframe.agreement.ReferenceReport;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.manual.CodedDataReader;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code insight code agree}: agreement between two codings of the same comments. */
@Command(name = "agree", mixinStandardHelpOptions = true,
    description = "Agreement between two codings (one 0/1 column per code, as written by 'code apply'): percent "
        + "agreement, Cohen's kappa and Krippendorff's alpha per code and pooled, and precision / recall / F1 of B "
        + "against A as the reference.")
public final class AgreeCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--a", required = true, paramLabel = "A.csv", description = "The first coding (the reference for "
      + "precision and recall).")
  private Path first;

  @Option(names = "--b", required = true, paramLabel = "B.csv", description = "The second coding.")
  private Path second;

  @Option(names = "--codeframe", paramLabel = "C", description = "The codeframe (.json, .csv or .qdc); code columns "
      + "are matched by id or label and net columns ignored. Without it every column but the id is a code.")
  private Path codeframeFile;

  @Option(names = "--id", defaultValue = "", paramLabel = "COL",
      description = "The id column; the first column unless given.")
  private String idColumn;

  /** Creates the command (picocli instantiates it). */
  public AgreeCommand() {}

  @Override
  public Integer call() {
    String id = idColumn.isEmpty() ? firstColumn(first) : idColumn;
    Codeframe codeframe = codeframeFile == null ? inferred(first, id) : CodeframeFiles.read(codeframeFile);
    Coding a = read(first, codeframe, id, "A");
    Coding b = read(second, codeframe, id, "B");
    AgreementReport report = Agreement.between(a, b);
    ReferenceReport scores = Agreement.againstReference(a, b);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "agreement of %s (A) and %s (B): %d units compared", first, second,
        report.unitsCompared());
    out.printf(Locale.ROOT, ", %d only in A, %d only in B%n", report.onlyFirst().size(), report.onlySecond().size());
    out.printf(Locale.ROOT, "pooled over unit-by-code decisions: agreement %s, Cohen's kappa %s, Krippendorff's "
        + "alpha %s; identical code sets %s of units%n", percent(report.percentAgreement()),
        number(report.kappa()), number(report.alpha()), percent(report.exactMatch()));
    out.printf(Locale.ROOT, "B against A: micro precision %s, recall %s, F1 %s; macro F1 %s%n",
        number(scores.microPrecision()), number(scores.microRecall()), number(scores.microF1()),
        number(scores.macroF1()));
    out.printf(Locale.ROOT, "%n%-10s %-40s %5s %5s %5s %6s %7s %6s %6s %6s %6s %6s %7s%n", "code", "label", "both",
        "onlyA", "onlyB", "neither", "agree", "kappa", "alpha", "prec", "recall", "F1", "support");
    for (int i = 0; i < report.codes().size(); i++) {
      CodeAgreement code = report.codes().get(i);
      CodeScore score = scores.codes().get(i);
      out.printf(Locale.ROOT, "%-10s %-40s %5d %5d %5d %6d %7s %6s %6s %6s %6s %6s %7d%n", code.code(),
          label(code.label()), code.both(), code.onlyFirst(), code.onlySecond(), code.neither(),
          percent(code.percentAgreement()), number(code.kappa()), number(code.alpha()), number(score.precision()),
          number(score.recall()), number(score.f1()), score.support());
    }
    out.println("(- : undefined, e.g. kappa for a code neither coding gave)");
    out.flush();
    return 0;
  }

  private static String label(String label) {
    return label.length() <= 40 ? label : label.substring(0, 37) + "...";
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String percent(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
  }

  private static Coding read(Path file, Codeframe codeframe, String id, String coder) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CodedDataReader.columns(codeframe).idColumn(id).coder(coder).read(reader, file.toString()).coding();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static CsvRecord header(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(reader)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new InvalidInputException(new InputProblem(file.toString(), 0, null, null, "the file is empty"));
      }
      return rows.next();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String firstColumn(Path file) {
    return header(file).getField(0).strip();
  }

  /** A flat frame of the file's columns other than the id. */
  private static Codeframe inferred(Path file, String id) {
    Codeframe.Builder builder = Codeframe.builder(file.getFileName().toString());
    for (String column : header(file).getFields()) {
      String name = column.strip();
      if (!name.equals(id) && !name.isEmpty()) {
        builder.add(Code.of(name, name));
      }
    }
    return builder.build();
  }
}
