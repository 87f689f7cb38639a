package dev.insight.examples.cli;

import dev.insight.core.consideration.ConsiderationLog;
import dev.insight.core.consideration.LogCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insight verify-log}: checks a consideration log's hash chain and names the first broken entry. */
@Command(name = "verify-log", mixinStandardHelpOptions = true,
    description = {"Check a consideration log's hash chain. Exits 0 when every entry is as written, printing the "
        + "head hash (compare it with the one published, to notice entries removed from the end); exits 1 naming "
        + "the first entry changed, inserted, removed or moved."})
public final class VerifyLogCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LOG.json", description = "The consideration log.")
  private Path file;

  /** Creates the command (picocli instantiates it). */
  public VerifyLogCommand() {}

  @Override
  public Integer call() {
    LogCheck check = ConsiderationLog.read(file).verify();
    if (!check.intact()) {
      spec.commandLine().getErr().println("insight verify-log: " + file + ": chain broken at " + check.reason());
      return Cli.FAILED;
    }
    spec.commandLine().getOut().println(file + ": " + check.entries() + " entr" + (check.entries() == 1 ? "y" : "ies")
        + ", chain intact; head " + check.head());
    return 0;
  }
}
