package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand, found by walking the command tree, answers --help with its usage. */
class HelpTest {

  static Stream<List<String>> commands() {
    List<List<String>> paths = new ArrayList<>();
    walk(Insight.commandLine(), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    command.getSubcommands().forEach((name, sub) -> {
      List<String> next = new ArrayList<>(path);
      next.add(name);
      walk(sub, next, paths);
    });
  }

  static Stream<String> topLevelCommands() {
    return Insight.commandLine().getSubcommands().keySet().stream();
  }

  @ParameterizedTest(name = "insight {0}")
  @MethodSource("topLevelCommands")
  void commandNamedFirst_isSetUpAlone_withTheUsageItHasAmongAll(String name) {
    CommandLine alone = Insight.commandLine(name, "--help");

    assertThat(alone.getSubcommands()).containsOnlyKeys(name);
    assertThat(alone.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF))
        .isEqualTo(Insight.commandLine().getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
  }

  @ParameterizedTest(name = "insight {0} --help")
  @MethodSource("commands")
  void everyCommand_answersHelpWithItsUsage(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    StringWriter out = new StringWriter();

    int code = Insight.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("Usage: insight" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
  }

  @org.junit.jupiter.api.Test
  void theTreeHasEveryCommandOfTheIssues() {
    assertThat(commands().map(p -> String.join(" ", p))).contains("demo", "report", "weight", "estimate", "table",
        "code", "code apply", "code agree", "code learn", "code predict", "transcript", "redact");
  }
}
