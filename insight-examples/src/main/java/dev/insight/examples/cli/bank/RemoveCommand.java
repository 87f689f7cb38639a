package dev.insight.examples.cli.bank;

import dev.insight.bank.Bank;
import dev.insight.core.programme.ProgrammeId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code insight bank remove}: takes a programme and all its versions out of the bank. */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = "Remove a programme and all its versions from the bank.")
public final class RemoveCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private BankOption bank;

  @Parameters(index = "0", paramLabel = "ID", description = "The programme's id.")
  private String id;

  /** Creates the command (picocli instantiates it). */
  public RemoveCommand() {}

  @Override
  public Integer call() {
    try (Bank opened = Bank.open(bank.bank, null)) {
      if (!opened.remove(ProgrammeId.of(id))) {
        throw new IllegalArgumentException("no programme " + id + " in " + bank.bank + " (insight bank list shows "
            + "what is there)");
      }
    }
    spec.commandLine().getOut().println("removed " + id + " from " + bank.bank);
    return 0;
  }
}
