package dev.insight.examples.cli.bank;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --bank} option every bank subcommand shares. */
final class BankOption {
  @Option(names = "--bank", paramLabel = "DIR", defaultValue = "insight-bank",
      description = "The bank's directory (default: ${DEFAULT-VALUE}).")
  Path bank;
}
