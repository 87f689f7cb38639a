package dev.insight.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code insight} command: the case study end to end and the library's functions for analysts' own files.
 *
 * <p>Every subcommand has {@code --help}. A failure exits non-zero with the message on standard error and writes no
 * partial output.
 */
@Command(name = "insight", mixinStandardHelpOptions = true, version = "insight 0.1.0-SNAPSHOT",
    description = "Engagement research: the programme, coded comments and weighted estimates.",
    subcommands = {
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
        VerifyLogCommand.class,
    })
public final class Insight implements Runnable {
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
    return Cli.commandLine(new Insight()).execute(args);
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
    CommandLine line = Cli.commandLine(new Insight());
    line.setOut(out);
    line.setErr(err);
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
