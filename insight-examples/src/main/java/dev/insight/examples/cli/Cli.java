package dev.insight.examples.cli;

import dev.insight.core.input.InvalidInputException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** The shared command-line set-up: how failures are shown and what exit codes mean. */
final class Cli {
  /** Bad input or a computation that cannot be done: the message says what and where. */
  static final int FAILED = 1;

  private Cli() {}

  /** Sets how failures are shown on a command line and every subcommand it has by now; returns it. */
  static CommandLine configure(CommandLine line) {
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("insight " + cmd.getCommandName() + ": " + message(e));
      return FAILED;
    });
    return line;
  }

  private static String message(Exception e) {
    if (e instanceof InvalidInputException || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException io) {
      return io.getMessage() + (io.getCause() == null ? "" : " (" + io.getCause().getMessage() + ")");
    }
    return e.toString();
  }
}
