package dev.insight.examples.cli.code;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodedCsv;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.rules.RuleMatch;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.examples.cli.Outputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code insight code apply}: codes comments with the rules of a codeframe. */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Code the comments of a CSV file with the rules of a codeframe; write one 0/1 column per code and "
        + "per net.")
public final class ApplyCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--codeframe", required = true, paramLabel = "C",
      description = "The codeframe with a rule per code: .json (field \"rule\"), .csv (column rule) or .qdc "
          + "(\"Rule:\" line of the description).")
  private Path codeframeFile;

  @Option(names = "--data", required = true, paramLabel = "D.csv", description = "The comments, a CSV file with a "
      + "header.")
  private Path data;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "The column of respondent ids.")
  private String idColumn;

  @Option(names = "--text", required = true, paramLabel = "COL", description = "The column of comments.")
  private String textColumn;

  @Option(names = "--out", required = true, paramLabel = "coded.csv",
      description = "Where to write the coding: the id, then 0/1 per code, then 0/1 per net (column names are ids).")
  private Path out;

  @Option(names = "--explain", paramLabel = "E.csv",
      description = "Also write one row per assignment: id, code, rule and the words that matched.")
  private Path explain;

  /** Creates the command (picocli instantiates it). */
  public ApplyCommand() {}

  @Override
  public Integer call() {
    Codeframe codeframe = CodeframeFiles.read(codeframeFile);
    RuleCoder coder = RuleCoder.of(codeframe);
    if (coder.ruleCount() == 0) {
      throw new IllegalArgumentException("codeframe " + codeframeFile + " has no rules: give codes a rule (JSON field "
          + "\"rule\", CSV column rule, REFI-QDA description line \"Rule: ...\")");
    }
    Map<UnitId, String> comments = readComments();
    Instant now = Instant.now();
    Coding coding = coder.code(comments, now);
    List<Code> codable = codeframe.codable();
    List<Code> nets = codeframe.nets();
    Map<CodeId, List<CodeId>> under = new HashMap<>();
    for (Code net : nets) {
      under.put(net.id(), codeframe.codableUnder(net.id()));
    }
    try (Outputs outputs = Outputs.begin()) {
      outputs.text(out, writer -> CodedCsv.write(coding, idColumn, writer));
      if (explain != null) {
        outputs.csv(explain, csv -> {
          csv.record(idColumn, "code", "label", "rule", "matched");
          for (Map.Entry<UnitId, String> entry : comments.entrySet()) {
            for (RuleMatch match : coder.match(entry.getValue())) {
              csv.record(entry.getKey().value(), match.code().value(), codeframe.code(match.code()).label(),
                  match.rule(), String.join(" ", match.words()));
            }
          }
        });
      }
      outputs.commit();
    }
    report(coding, codable, nets, under, comments.size());
    return 0;
  }

  private Map<UnitId, String> readComments() {
    String source = data.toString();
    Map<UnitId, String> comments = new LinkedHashMap<>();
    Map<String, Long> lineOf = new HashMap<>();
    try (Reader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
            .detectBomHeader(true).ofCsvRecord(reader)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new InvalidInputException(new InputProblem(source, 0, null, null, "the file is empty"));
      }
      CsvRecord header = rows.next();
      int idAt = column(header, idColumn, source);
      int textAt = column(header, textColumn, source);
      List<InputProblem> problems = new ArrayList<>();
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        long line = row.getStartingLineNumber();
        String id = idAt < row.getFieldCount() ? row.getField(idAt).strip() : "";
        if (id.isEmpty()) {
          problems.add(new InputProblem(source, line, idColumn, null, "the respondent id is blank"));
          continue;
        }
        Long first = lineOf.putIfAbsent(id, line);
        if (first != null) {
          problems.add(new InputProblem(source, line, idColumn, id, "duplicate respondent id (first on line "
              + first + ")"));
          continue;
        }
        comments.put(UnitId.of(id), textAt < row.getFieldCount() ? row.getField(textAt) : "");
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    } catch (CsvParseException e) {
      throw new InvalidInputException(new InputProblem(source, 0, null, null, "malformed CSV: " + e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return comments;
  }

  private static int column(CsvRecord header, String name, String source) {
    for (int i = 0; i < header.getFieldCount(); i++) {
      if (header.getField(i).strip().equals(name)) {
        return i;
      }
    }
    throw new InvalidInputException(new InputProblem(source, header.getStartingLineNumber(), name, null,
        "column not found; the header has " + header.getFields()));
  }

  private void report(Coding coding, List<Code> codable, List<Code> nets, Map<CodeId, List<CodeId>> under,
      int total) {
    PrintWriter printer = spec.commandLine().getOut();
    Map<CodeId, Integer> counts = coding.counts();
    printer.printf(Locale.ROOT, "coded %d comments with %d codes; wrote %s%n", total, codable.size(), out);
    printer.printf(Locale.ROOT, "%-12s %-50s %8s %7s%n", "code", "label", "count", "%");
    for (Code code : codable) {
      int count = counts.get(code.id());
      printer.printf(Locale.ROOT, "%-12s %-50s %8d %6.1f%%%n", code.id(), abbreviate(code.label()), count,
          total == 0 ? 0.0 : 100.0 * count / total);
    }
    for (Code net : nets) {
      long count = coding.units().stream()
          .filter(u -> under.get(net.id()).stream().anyMatch(coding.codes(u)::contains)).count();
      printer.printf(Locale.ROOT, "%-12s %-50s %8d %6.1f%%%n", "NET " + net.id(), abbreviate(net.label()), count,
          total == 0 ? 0.0 : 100.0 * count / total);
    }
    printer.flush();
  }

  static String abbreviate(String label) {
    return label.length() <= 50 ? label : label.substring(0, 47) + "...";
  }
}
