package dev.insight.examples.cli;

import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.examples.report.QuoteListing;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code insight code quotes}: the comments under each code, verbatim, redacted and attributed, as a board paper
 * quotes them.
 */
@Command(name = "quotes", mixinStandardHelpOptions = true,
    description = {"List the comments under each code, verbatim: redacted (unless --internal-use-only) and "
        + "attributed by a grouping column, never by name. Comments carrying that code alone come first, then those "
        + "that needed no redaction.",
        "Prints the listing, or writes it as CSV with --out (every cell neutralised against spreadsheet formulas)."})
public final class QuotesCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private DataOptions input = new DataOptions();

  @Option(names = "--comment", required = true, paramLabel = "COL", description = "The open-comment column.")
  private String comment;

  @Option(names = "--codes", required = true, split = ",", paramLabel = "COL",
      description = "The 0/1 code columns (blank for those who did not comment), comma-separated.")
  private List<String> codes;

  @Option(names = "--group-by", paramLabel = "COL",
      description = "A categorical column to attribute the comments by, such as ward or sector.")
  private @Nullable String groupBy;

  @Option(names = "--attribution", paramLabel = "TEXT", defaultValue = "Respondent",
      description = "How a comment is attributed, before the group. Default: ${DEFAULT-VALUE}.")
  private String attribution;

  @Option(names = "--per-code", paramLabel = "N", defaultValue = "5",
      description = "The most comments to list under each code; 0 for all. Default: ${DEFAULT-VALUE}.")
  private int perCode;

  @Option(names = "--internal-use-only", paramLabel = "REASON",
      description = "Do not redact; the listing says it is for internal use only, and why.")
  private @Nullable String internalUseOnly;

  @Option(names = "--out", paramLabel = "Q.csv",
      description = "Write the listing as CSV (code, label, comments with the code, respondent, attribution, "
          + "quote) instead of printing it.")
  private @Nullable Path out;

  /** Creates the command (picocli instantiates it). */
  public QuotesCommand() {}

  @Override
  public Integer call() {
    if (perCode < 0) {
      throw new ParameterException(spec.commandLine(), "--per-code must be 0 (all) or more, not " + perCode);
    }
    SurveyMapping.Builder mapping = SurveyMapping.builder(SurveyFiles.id(input));
    if (groupBy != null) {
      mapping.categorical(groupBy);
    }
    mapping.multiColumns("codes", "Codes", ReportCommand.options(codes, List.of()));
    mapping.text(comment);
    Dataset data = SurveyFiles.read(input, mapping.build(), spec.commandLine().getErr(), "code quotes");
    RedactionPolicy redaction = internalUseOnly == null ? RedactionPolicy.standard()
        : RedactionPolicy.internalUseOnly(internalUseOnly);
    List<QuoteListing.CodeQuotes> listing = QuoteListing.of(data, "codes", comment, groupBy, attribution,
        redaction, perCode == 0 ? Integer.MAX_VALUE : perCode);
    if (out == null) {
      print(spec.commandLine().getOut(), listing, redaction);
      return 0;
    }
    try (Outputs outputs = Outputs.begin()) {
      outputs.csv(out, csv -> {
        csv.record("code", "label", "comments_with_code", "respondent", "attribution", "quote");
        for (QuoteListing.CodeQuotes code : listing) {
          for (QuoteListing.Quote quote : code.quotes()) {
            csv.record(code.code(), code.label(), String.valueOf(code.total()), quote.respondent(),
                quote.attribution(), quote.text());
          }
        }
      });
      outputs.commit();
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d quotes under %d codes to %s%s%n",
        listing.stream().mapToInt(c -> c.quotes().size()).sum(), listing.size(), out,
        redaction.redacts() ? "" : " (NOT redacted: " + redaction.internalUseReason().orElse("") + ")");
    return 0;
  }

  private static void print(PrintWriter console, List<QuoteListing.CodeQuotes> listing, RedactionPolicy redaction) {
    if (!redaction.redacts()) {
      console.println("INTERNAL USE ONLY: not redacted (" + redaction.internalUseReason().orElse("") + ")");
      console.println();
    }
    for (QuoteListing.CodeQuotes code : listing) {
      console.printf(Locale.ROOT, "%s (%d %s)%n", code.label(), code.total(),
          code.total() == 1 ? "comment" : "comments");
      for (QuoteListing.Quote quote : code.quotes()) {
        console.printf(Locale.ROOT, "  \u201c%s\u201d%n    \u2014 %s [%s]%n", quote.text(), quote.attribution(),
            quote.respondent());
      }
      console.println();
    }
    console.flush();
  }
}
