package dev.insight.examples.cli.code;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.rules.RuleMatch;
import dev.insight.examples.cli.Outputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code insight code apply}: codes comments with the rules of a codeframe. */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Code the comments of a CSV file with the rules of a codeframe; write the coded file (one row "
        + "per code given: id, code, by, source, confidence, at, evidence).")
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
      description = "Where to write the coded file (read by code agree, code learn --coding, table and report "
          + "--coding).")
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
    Map<UnitId, String> comments = CommentsFile.read(data, idColumn, textColumn, null).byUnit();
    Instant now = Instant.now();
    Coding coding = coder.code(comments, now);
    List<Code> codable = codeframe.codable();
    List<Code> nets = codeframe.nets();
    Map<CodeId, List<CodeId>> under = new HashMap<>();
    for (Code net : nets) {
      under.put(net.id(), codeframe.codableUnder(net.id()));
    }
    try (Outputs outputs = Outputs.begin()) {
      outputs.text(out, writer -> CodingCsv.write(coding, writer));
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
