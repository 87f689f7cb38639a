package dev.insight.examples.cli.bank;

import dev.insight.bank.Bank;
import dev.insight.bank.serve.BankServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code insight bank serve}: the read-only search page on this computer only. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve a read-only search page and JSON API (/api/search?q=...) for the bank on 127.0.0.1: only "
        + "this computer can reach it, and requests from other sites' pages are refused. Stop with Ctrl-C.",
        "Internal-use-only programmes are left out unless --include-internal is given."})
public final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private BankOption bank;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8017", description = "The port (default: "
      + "${DEFAULT-VALUE}; 0 for any free one).")
  private int port;

  @Option(names = "--include-internal", description = "Search internal-use-only programmes too.")
  private boolean includeInternal;

  /** Creates the command (picocli instantiates it). */
  public ServeCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    try (Bank opened = Bank.openReadOnly(bank.bank, Bank.installedEmbedder().orElse(null));
        BankServer server = BankServer.start(opened, port, includeInternal)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      spec.commandLine().getOut().println("serving " + bank.bank + " read-only at " + server.url()
          + " (Ctrl-C to stop)");
      spec.commandLine().getOut().flush();
      stopped.await();
    }
    return 0;
  }
}
