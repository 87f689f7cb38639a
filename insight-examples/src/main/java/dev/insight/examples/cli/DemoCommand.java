package dev.insight.examples.cli;

import dev.insight.core.data.Dataset;
import dev.insight.core.programme.Programme;
import dev.insight.examples.casestudy.CaseStudyFiles;
import dev.insight.examples.casestudy.ProgrammeSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code insight demo}: the bundled case study, end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bundled case study: an integrated care partnership's four-week engagement on its "
        + "health and wellbeing strategy. Prints the programme at a glance.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Programme programme = CaseStudyFiles.programme();
    Dataset survey = CaseStudyFiles.survey();
    out.print(ProgrammeSummary.of(programme, survey).render());
    out.flush();
    return 0;
  }
}
