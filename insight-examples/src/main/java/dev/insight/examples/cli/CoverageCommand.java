package dev.insight.examples.cli;

import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.Activity;
import dev.insight.core.programme.Audience;
import dev.insight.core.programme.Coverage;
import dev.insight.core.programme.Programme;
import dev.insight.examples.cli.bank.ReferenceListOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code insight coverage}: who a programme heard, against a reference list, across all its activities. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = "Who have we not heard? Each group of a reference list with the activities of every kind "
        + "(surveys, focus groups, interviews, workshops, panels, source studies...) that heard it.")
public final class CoverageCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROGRAMME.json", description = "The programme.")
  private Path programmeFile;

  @Mixin
  private ReferenceListOption list;

  /** Creates the command (picocli instantiates it). */
  public CoverageCommand() {}

  @Override
  public Integer call() {
    Programme programme = ProgrammeJson.read(programmeFile);
    Coverage coverage = Coverage.of(programme, list.list());
    PrintWriter out = spec.commandLine().getOut();
    out.println(programme.title() + ": " + coverage.list().name());
    for (Coverage.Group g : coverage.groups()) {
      out.println((g.heard() ? "  heard      " : "  NOT HEARD  ") + g.group().name() + (g.heard() ? " - "
          + g.heardBy().size() + " activit" + (g.heardBy().size() == 1 ? "y" : "ies") + " (" + String.join(", ",
              g.kinds()) + "): " + String.join("; ", g.heardBy().stream().map(Activity::title).toList()) : ""));
    }
    out.println("Not heard: " + coverage.notHeard().size() + " of " + coverage.groups().size()
        + (coverage.notHeard().isEmpty() ? "" : ": " + String.join("; ",
            coverage.notHeard().stream().map(Audience::name).toList())));
    return 0;
  }
}
