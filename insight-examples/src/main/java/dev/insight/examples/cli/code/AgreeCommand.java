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
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.DataColumns;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code insight code agree}: agreement between two codings of the same comments. */
@Command(name = "agree", mixinStandardHelpOptions = true,
    description = {"Agreement between two codings: two coded files (as written by 'code apply', 'code predict "
        + "--coding' and 'code review'; with --codeframe), or two files of one 0/1 column per code: percent agreement, Cohen's kappa and Krippendorff's alpha per code and pooled, and "
        + "precision / recall / F1 of B against A as the reference.",
        "Without --codeframe the codes are the columns both files have (other than the id); rows marked "
            + "abstained = 1 (left for a person by 'code predict') are not compared."})
public final class AgreeCommand implements Callable<Integer> {
  private static final Set<String> PREDICT_COLUMNS = Set.of("row", "confidence", "abstained");

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--a", required = true, paramLabel = "A.csv", description = "The first coding (the reference for "
      + "precision and recall).")
  private Path first;

  @Option(names = "--b", required = true, paramLabel = "B.csv", description = "The second coding.")
  private Path second;

  @Option(names = "--codeframe", paramLabel = "C", description = "The codeframe (.json, .csv or .qdc); code columns "
      + "are matched by id or label and net columns ignored. Without it the codes are the columns both files "
      + "have, other than the id.")
  private Path codeframeFile;

  @Option(names = "--id", defaultValue = "", paramLabel = "COL",
      description = "The id column; the first column unless given.")
  private String idColumn;

  /** Creates the command (picocli instantiates it). */
  public AgreeCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> inA = names(first);
    List<String> inB = names(second);
    boolean codedA = inA.equals(CodingCsv.COLUMNS);
    boolean codedB = inB.equals(CodingCsv.COLUMNS);
    Coding a;
    Coding b;
    if (codedA || codedB) {
      if (codedA != codedB || codeframeFile == null) {
        throw new IllegalArgumentException("to compare coded files (header " + String.join(",", CodingCsv.COLUMNS)
            + ") give two of them and --codeframe; " + (codedA ? second : first) + " is " + (codedA != codedB
            ? "not one" : "one, and there is no --codeframe"));
      }
      Codeframe codeframe = CodeframeFiles.read(codeframeFile);
      a = CodedFileReader.read(first, codeframe);
      b = CodedFileReader.read(second, codeframe);
    } else {
      String id = idColumn.isEmpty() ? firstColumn(first) : idColumn;
      Codeframe codeframe = codeframeFile == null ? inferred(id, inA, inB, out) : CodeframeFiles.read(codeframeFile);
      a = withoutAbstained(read(first, codeframe, id, "A"), first, inA, id, out);
      b = withoutAbstained(read(second, codeframe, id, "B"), second, inB, id, out);
    }
    AgreementReport report = Agreement.between(a, b);
    ReferenceReport scores = Agreement.againstReference(a, b);
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
      return CodedFileReader.columns(codeframe).idColumn(id).coder(coder).read(reader, file.toString()).coding();
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

  /**
   * A flat frame of the code columns both files have: every column of A but the id that B has too, less the
   * columns 'insight code predict' adds (row, confidences, abstained). Columns of one file only are listed, not
   * silently dropped: a people's file has the comment and other data, a predicted file its confidences.
   */
  private Codeframe inferred(String id, List<String> inA, List<String> inB, PrintWriter out) {
    Codeframe.Builder builder = Codeframe.builder(first.getFileName().toString());
    List<String> compared = new ArrayList<>();
    for (String name : inA) {
      if (!name.equals(id) && inB.contains(name) && !PREDICT_COLUMNS.contains(name) && !name.endsWith(" confidence")) {
        builder.add(Code.of(name, name));
        compared.add(name);
      }
    }
    if (compared.isEmpty()) {
      throw new InvalidInputException(new InputProblem(second.toString(), 1, null, null, "no code column in common "
          + "with " + first + " (other than the id \"" + id + "\"); the columns of A are " + inA + ", of B " + inB));
    }
    List<String> onlyA = new ArrayList<>(inA);
    onlyA.removeAll(inB);
    List<String> onlyB = new ArrayList<>(inB);
    onlyB.removeAll(inA);
    onlyB.removeIf(name -> PREDICT_COLUMNS.contains(name) || name.endsWith(" confidence"));
    if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
      out.printf(Locale.ROOT, "codes: the %d columns both files have; not compared: %s%s%n", compared.size(),
          onlyA.isEmpty() ? "" : "only in A " + onlyA, onlyB.isEmpty() ? "" : (onlyA.isEmpty() ? "" : ", ")
              + "only in B " + onlyB);
    }
    return builder.build();
  }

  private static List<String> names(Path file) {
    List<String> names = new ArrayList<>();
    header(file).getFields().forEach(field -> names.add(field.strip()));
    return names;
  }

  /**
   * The coding less the units a file marks as left for a person (an 'abstained' column of 1, as 'insight code
   * predict' writes): they were not coded, so they are not compared; how many is said.
   */
  private static Coding withoutAbstained(Coding coding, Path file, List<String> header, String id,
      PrintWriter out) {
    if (!header.contains("abstained")) {
      return coding;
    }
    List<List<String>> columns = DataColumns.readColumns(file, List.of(id, "abstained"));
    List<String> ids = columns.get(0);
    List<String> abstained = columns.get(1);
    Set<UnitId> left = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (abstained.get(i).strip().equals("1")) {
        left.add(UnitId.of(ids.get(i).strip()));
      }
    }
    if (left.isEmpty()) {
      return coding;
    }
    Coding.Builder kept = Coding.builder(coding.codeframe());
    for (UnitId unit : coding.units()) {
      if (!left.contains(unit)) {
        kept.unit(unit);
        coding.assignments(unit).forEach(kept::add);
      }
    }
    out.printf(Locale.ROOT, "%s: %d %s left for a person (abstained) %s not compared%n", file, left.size(),
        left.size() == 1 ? "unit" : "units", left.size() == 1 ? "is" : "are");
    return kept.build();
  }
}
