package dev.insight.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code insight} command: the case study end to end and the library's functions for analysts' own files.
 *
 * <p>Every subcommand has {@code --help}. A failure exits non-zero with the message on standard error and writes no
 * partial output.
 */
@Command(name = "insight", mixinStandardHelpOptions = true, version = "insight 0.1.0-SNAPSHOT",
    description = "Engagement research: the programme, coded comments and weighted estimates.")
public final class Insight implements Runnable {
  /** The subcommands, in the order the usage lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      DemoCommand.class,
      ReportCommand.class,
      WeightCommand.class,
      EstimateCommand.class,
      dev.insight.examples.cli.code.CodeCommand.class,
      TranscriptCommand.class,
      RedactCommand.class,
      TableCommand.class,
      DescribeCommand.class,
      ConvertCommand.class,
      dev.insight.examples.cli.bank.BankCommand.class,
      CoverageCommand.class,
      LogCommand.class,
      VerifyLogCommand.class);

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param args the arguments
   * @return the exit code: 0 for success, 1 for bad input or a failed computation, 2 for bad usage
   */
  public static int run(String... args) {
    return commandLine(args).execute(args);
  }

  /**
   * Runs the command line with its output and errors captured, for tests.
   *
   * @param out where normal output goes
   * @param err where error messages go
   * @param args the arguments
   * @return the exit code, as {@link #run(String...)}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine line = commandLine(args);
    line.setOut(out);
    line.setErr(err);
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The command line for these arguments. Picocli reflects over every command it is given as it is set up (a
   * quarter of a second of start-up for all of them, before any work): when the arguments start with a
   * subcommand's name, only that subcommand is set up, which parses, runs, fails and prints its usage as it does
   * among all of them; otherwise (no arguments, an option, a misspelt name) every one is.
   *
   * @param args the arguments
   * @return the command line
   */
  static CommandLine commandLine(String... args) {
    CommandLine line = new CommandLine(new Insight());
    Class<?> named = args.length == 0 ? null : COMMANDS.stream()
        .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
    for (Class<?> command : COMMANDS) {
      if (named == null || command == named) {
        line.addSubcommand(command);
      }
    }
    return Cli.configure(line);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
