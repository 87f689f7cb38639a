package dev.insight.examples.cli.code;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code insight code}: coding open comments (the subcommands do the work). */
@Command(name = "code", mixinStandardHelpOptions = true,
    description = "Code open comments: learn a coder from coded comments and predict codes for new ones.",
    subcommands = {LearnCommand.class, PredictCommand.class})
public final class CodeCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Creates the command (picocli does). */
  public CodeCommand() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
