package dev.insight.examples.cli.bank;

import dev.insight.bank.Bank;
import dev.insight.bank.BankCoverage;
import dev.insight.core.programme.Audience;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code insight bank coverage}: who the programmes in the bank heard, and who none of them heard. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = "Who have we not heard? Each group of a reference list with the programmes and kinds of "
        + "activity (surveys, focus groups, interviews, workshops, panels...) that heard it, across the bank.")
public final class BankCoverageCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private BankOption bank;

  @Mixin
  private ReferenceListOption list;

  @Option(names = "--include-internal", description = "Count internal-use-only programmes too.")
  private boolean includeInternal;

  /** Creates the command (picocli instantiates it). */
  public BankCoverageCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Bank opened = Bank.openReadOnly(bank.bank, null)) {
      BankCoverage coverage = opened.coverage(list.list(), includeInternal);
      out.println(coverage.list().name() + ", across " + coverage.programmes() + " programme"
          + (coverage.programmes() == 1 ? "" : "s") + ":");
      for (BankCoverage.Group g : coverage.groups()) {
        out.println((g.programmes().isEmpty() ? "  NOT HEARD  " : "  heard      ") + g.group().name()
            + (g.programmes().isEmpty() ? "" : " - " + g.programmes().size() + " programme"
                + (g.programmes().size() == 1 ? "" : "s") + " (" + String.join(", ", g.kinds()) + ")"));
      }
      out.println("Not heard by any programme: " + coverage.notHeard().size() + " of " + coverage.groups().size()
          + (coverage.notHeard().isEmpty() ? "" : ": " + String.join("; ",
              coverage.notHeard().stream().map(Audience::name).toList())));
    }
    return 0;
  }
}
