package dev.insight.examples.cli.code;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code insight code}: coding open comments with a codeframe. Subcommands: {@code apply} (rules) and {@code agree}
 * (agreement between two codings); {@code learn} and {@code predict} (the learned coder); {@code suggest}
 * (candidate codes for uncoded comments); {@code quotes} (the comments under each code, redacted and attributed);
 * {@code review} (a local page for a person to code comments); {@code import} (a REFI-QDA project's coding).
 */
@Command(name = "code", mixinStandardHelpOptions = true,
    description = "Code open comments with a codeframe: apply its rules, measure agreement between codings, "
        + "learn a coder from coded comments and predict codes, suggest candidate codes, list the quotes under each "
        + "code.",
    subcommands = {
        ApplyCommand.class,
        AgreeCommand.class,
        LearnCommand.class,
        PredictCommand.class,
        SuggestCommand.class,
        dev.insight.examples.cli.QuotesCommand.class,
        ReviewCommand.class,
        ImportCommand.class,
    })
public final class CodeCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Creates the command (picocli instantiates it). */
  public CodeCommand() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
