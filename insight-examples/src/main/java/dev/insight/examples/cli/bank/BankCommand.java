package dev.insight.examples.cli.bank;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code insight bank}: many programmes in one searchable store. Subcommands: {@code add}, {@code list},
 * {@code remove}, {@code search}, {@code coverage} and {@code serve}.
 */
@Command(name = "bank", mixinStandardHelpOptions = true,
    description = "An insight bank: store many programmes' evidence in a local index, search it by words and "
        + "meaning, see who no programme has heard, and serve a read-only search page on this computer.",
    subcommands = {
        AddCommand.class,
        ListCommand.class,
        RemoveCommand.class,
        SearchCommand.class,
        BankCoverageCommand.class,
        ServeCommand.class,
    })
public final class BankCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Creates the command (picocli instantiates it). */
  public BankCommand() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
