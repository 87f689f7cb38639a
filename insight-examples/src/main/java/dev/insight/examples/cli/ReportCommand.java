package dev.insight.examples.cli;

import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.Programme;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.examples.report.EngagementReport;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.TargetKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight report}: the report of a user's own programme and survey. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the report of an engagement programme and its survey: report.html (self-contained, for "
        + "a board) and analysis.json (for other systems).",
        "The survey is raked to the margins first; quotes and comments are redacted unless "
            + "--internal-use-only is given. A failure exits 1 with the message on standard error and writes "
            + "nothing."})
final class ReportCommand implements Callable<Integer> {
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--programme", required = true, paramLabel = "P.json",
      description = "The programme as JSON (the format of insight-core's ProgrammeJson).")
  private Path programme;

  @Mixin
  private DataOptions input = new DataOptions();

  @Option(names = "--margins", required = true, paramLabel = "M.csv",
      description = "Population targets (variable,category,target) to rake the survey to: counts, or shares "
          + "summing to 1 in each margin (the weights then sum to the number of respondents, or to --population).")
  private Path margins;

  @Option(names = "--population", paramLabel = "N",
      description = "The population total the shares in --margins are shares of (share x N).")
  private @Nullable Double population;

  @Option(names = "--priorities", required = true, split = ",", paramLabel = "COL",
      description = "The 0/1 columns of the multiple-response question to chart, comma-separated.")
  private List<String> priorities;

  @Option(names = "--comment", required = true, paramLabel = "COL", description = "The open-comment column.")
  private String comment;

  @Option(names = "--codes", required = true, split = ",", paramLabel = "COL",
      description = "The 0/1 code columns of the coded comments (blank for those who did not comment), "
          + "comma-separated; for example the output of insight code apply.")
  private List<String> codes;

  @Option(names = "--group-by", paramLabel = "COL",
      description = "A categorical column to attribute example comments by, such as sector.")
  private @Nullable String groupBy;

  @Option(names = "--banner", split = ",", paramLabel = "COL",
      description = "Categorical columns across the top of the tables, comma-separated (default: the --group-by "
          + "column, if any).")
  private List<String> banner = List.of();

  @Option(names = "--internal-use-only", paramLabel = "REASON",
      description = "Do not redact quotes and comments; the report says it is for internal use only, and why.")
  private @Nullable String internalUseOnly;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    Programme read = ProgrammeJson.read(programme);
    List<Margin> targets = WeightingFiles.readMargins(margins, population);
    Set<String> categorical = new LinkedHashSet<>();
    targets.forEach(m -> categorical.add(m.variable()));
    if (groupBy != null) {
      categorical.add(groupBy);
    }
    List<String> across = banner.isEmpty() && groupBy != null ? List.of(groupBy) : banner;
    categorical.addAll(across);
    SurveyMapping.Builder mapping = SurveyMapping.builder(input.id);
    categorical.forEach(mapping::categorical);
    mapping.multiColumns("priorities", "Priorities", priorities);
    mapping.multiColumns("codes", "Comment codes", codes);
    mapping.text(comment);
    Dataset survey = SurveyFiles.read(input, mapping.build(), spec.commandLine().getErr(), "report");
    console.printf(Locale.ROOT, "read %s (%d activities) and %s (%d respondents)%n", programme,
        read.activities().size(), input.data, survey.rowCount());
    if (targets.get(0).kind() == TargetKind.PROPORTIONS) {
      // shares scale the weights to the sample size, as in weight, estimate and table
      targets = targets.stream().map(m -> {
        Map<String, Double> counts = new LinkedHashMap<>();
        m.targets().forEach((category, share) -> counts.put(category, share * survey.rowCount()));
        return Margin.counts(m.variable(), counts);
      }).toList();
    }
    RedactionPolicy redaction = internalUseOnly == null ? RedactionPolicy.standard()
        : RedactionPolicy.internalUseOnly(internalUseOnly);
    EngagementReport report = EngagementReport.of(read, new EngagementReport.Survey(survey, targets, "priorities",
        "codes", comment, groupBy, across), redaction);
    report.writeTo(out, console::println);
    console.flush();
    return 0;
  }
}
