package dev.insight.examples.cli;

import dev.insight.core.data.Dataset;
import dev.insight.core.programme.Programme;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.core.redact.Redactor;
import dev.insight.examples.casestudy.CaseStudyFiles;
import dev.insight.examples.casestudy.CaseStudyQualitative;
import dev.insight.examples.casestudy.ProgrammeSummary;
import dev.insight.examples.report.EngagementReport;
import dev.insight.stats.design.Margin;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight demo}: the bundled case study, end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the bundled case study: an integrated care partnership's four-week engagement on its "
        + "health and wellbeing strategy.",
        "Prints the programme at a glance, weights the staff survey and writes the report (report.html and "
            + "report.pdf), the analysis (analysis.json) and the tables (tables.xlsx) under the output folder, "
            + "printing a line per step."})
final class DemoCommand implements Callable<Integer> {
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "insight-demo",
      description = "Where to write the outputs. Default: ${DEFAULT-VALUE} (in the current folder).")
  private Path out;

  @Option(names = "--templates", paramLabel = "DIR", description = "A folder of report templates replacing the "
      + "shipped ones of the same names (as insight report --templates).")
  private @org.jspecify.annotations.Nullable Path templates;

  @Option(names = "--quiet", description = "Print only the progress lines, not the programme at a glance.")
  private boolean quiet;

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    long start = System.nanoTime();
    Programme programme = CaseStudyFiles.programme();
    Dataset survey = CaseStudyFiles.survey();
    step(console, start, "read the programme (" + programme.activities().size() + " activities) and the staff survey ("
        + survey.rowCount() + " respondents)");
    if (!quiet) {
      console.println();
      console.print(ProgrammeSummary.of(programme, survey).render());
      console.println();
    }
    CaseStudyQualitative.FocusGroups groups = CaseStudyQualitative.focusGroups();
    step(console, start, "read and coded the " + groups.transcripts().size() + " focus-group transcripts into a "
        + "framework matrix of " + groups.byGroup().themes().size() + " themes");
    List<Margin> margins = WeightingFiles.readMargins(new StringReader(CaseStudyFiles.text(CaseStudyFiles.MARGINS)),
        CaseStudyFiles.MARGINS);
    RedactionPolicy redaction = RedactionPolicy.redact(Redactor.of(groups.namesToRedact()));
    EngagementReport report = EngagementReport.of(programme, new EngagementReport.Survey(survey, margins,
        "priorities", "codes", "comment", "sector", List.of("sector", "contact")), redaction)
        .withFramework(groups.byGroup())
        .withCoding(ColumnCoding.of(survey, "codes", "person",
            programme.period().end().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    if (templates != null) {
      report = report.withTemplates(Templates.read(templates, spec.commandLine().getErr()));
    }
    step(console, start, "weighted the survey to the workforce profile by sector and area; estimated and tabulated");
    report.writeTo(out, line -> step(console, start, line));
    console.printf(Locale.ROOT, "Done: open %s%n", out.resolve("report.html").toAbsolutePath().normalize());
    console.flush();
    return 0;
  }

  private static void step(PrintWriter console, long start, String line) {
    console.printf(Locale.ROOT, "[%5.2f s] %s%n", (System.nanoTime() - start) / 1e9, line);
    console.flush();
  }
}
