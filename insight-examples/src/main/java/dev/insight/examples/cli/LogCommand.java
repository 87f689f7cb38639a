package dev.insight.examples.cli;

import dev.insight.core.consideration.ConsiderationLog;
import dev.insight.core.consideration.LogCheck;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.Programme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code insight log}: records a programme's considerations in a hash-chained consideration log. */
@Command(name = "log", mixinStandardHelpOptions = true,
    description = {"Record in a consideration log which evidence each decision (\"we did\") considered, who "
        + "considered it and when. Entries are hash-chained: a later edit is found by insight verify-log.",
        "An existing log is checked first and only added to; entries already written are never changed."})
public final class LogCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROGRAMME.json", description = "The programme.")
  private Path programmeFile;

  @Option(names = "--out", required = true, paramLabel = "LOG.json", description = "The log, created or added to.")
  private Path out;

  /** Creates the command (picocli instantiates it). */
  public LogCommand() {}

  @Override
  public Integer call() {
    Programme programme = ProgrammeJson.read(programmeFile);
    ConsiderationLog before = Files.exists(out) ? ConsiderationLog.read(out) : ConsiderationLog.empty();
    ConsiderationLog after = before.record(programme);
    if (after != before) {
      after.write(out);
    }
    LogCheck check = after.verify();
    spec.commandLine().getOut().println(out + ": " + (after.size() - before.size()) + " new entr"
        + (after.size() - before.size() == 1 ? "y" : "ies") + ", " + after.size() + " in all; head " + check.head());
    return 0;
  }
}
