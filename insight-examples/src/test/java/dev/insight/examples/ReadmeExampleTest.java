package dev.insight.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import dev.insight.examples.casestudy.CaseStudyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's API example, compiled and run, and checked to be the text the README shows. */
class ReadmeExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/dev/insight/examples/ReadmeExampleTest.java");
  private static final Path README = Path.of("../README.md");

  static void example(Path file) {
    // README:start
    SurveyMapping mapping = SurveyMapping.builder("id")
        .categorical("sector")
        .multiColumns("priorities", "Priorities chosen for comment",
            List.of("pri_workforce", "pri_mental_health", "pri_healthy_weight", "pri_addiction"))
        .text("comment")
        .build();
    ReadResult<Dataset> read = SurveyCsvReader.read(file, mapping, ReadMode.LENIENT);
    read.problems().forEach(problem -> System.err.println(problem.describe()));

    Dataset survey = read.value();
    MultiResponseVariable priorities = survey.multiResponse("priorities");
    int[] chosen = priorities.counts();
    for (int i = 0; i < chosen.length; i++) {
      System.out.printf("%-20s %4d%n", priorities.options().get(i).code(), chosen[i]);
    }
    // README:end
  }

  @Test
  void readmeShowsExactlyTheExampleThisTestRuns() throws IOException {
    String source = Files.readString(SOURCE);
    String example = source.substring(source.indexOf("// README:start") + "// README:start".length(),
        source.indexOf("    // README:end"));

    assertThat(Files.readString(README)).contains(dedent(example));
  }

  @Test
  void example_runsOnTheCaseStudySurvey(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("staff-survey.csv");
    Files.writeString(file, CaseStudyFiles.text(CaseStudyFiles.SURVEY));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      example(file);
    } finally {
      System.setOut(original);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("pri_workforce         448")
        .contains("pri_addiction         182");
  }

  private static String dedent(String block) {
    return Arrays.stream(block.split("\n", -1)).skip(1)
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));
  }
}
