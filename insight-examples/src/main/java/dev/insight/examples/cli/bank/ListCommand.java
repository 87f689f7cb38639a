package dev.insight.examples.cli.bank;

import dev.insight.bank.Bank;
import dev.insight.bank.BankedProgramme;
import dev.insight.core.programme.Visibility;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code insight bank list}: the programmes in the bank. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the programmes in the bank: id, version, when added, place, what it holds.")
public final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private BankOption bank;

  /** Creates the command (picocli instantiates it). */
  public ListCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Bank opened = Bank.openReadOnly(bank.bank, null)) {
      List<BankedProgramme> programmes = opened.list();
      out.printf(Locale.ROOT, "%d programme%s in %s%s%n", programmes.size(), programmes.size() == 1 ? "" : "s",
          bank.bank, opened.embedderName().isEmpty() ? " (search by words only)"
              : " (search by words and meaning with " + opened.embedderName() + ")");
      for (BankedProgramme p : programmes) {
        out.printf(Locale.ROOT, "%s  v%d  %s  %s%s%s%n    %s%n", p.id(), p.version(), p.addedAt(), p.title(),
            p.place() == null ? "" : " [" + p.place() + "]",
            p.visibility() == Visibility.INTERNAL_USE_ONLY ? " (internal use only)" : "", AddCommand.counts(p.items()));
      }
    }
    return 0;
  }
}
