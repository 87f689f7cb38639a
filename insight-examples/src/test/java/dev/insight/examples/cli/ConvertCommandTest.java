package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code insight convert} writes a flat CSV and its codebook so that describing the CSV with that codebook gives
 * back the variables of the original: names, labels, types and categories in order.
 */
class ConvertCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Insight.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path copy(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/exports/" + name)) {
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
  }

  /** The variables describe --json gives, without their source columns (which a conversion renames). */
  private static ArrayNode variables(String... args) throws IOException {
    Run describe = run(Stream.concat(Stream.of("describe"), Stream.of(args)).toArray(String[]::new));
    assertThat(describe.code()).as(describe.err()).isZero();
    ArrayNode variables = (ArrayNode) JSON.readTree(describe.out()).path("variables");
    variables.forEach(v -> ((ObjectNode) v).remove("columns"));
    return variables;
  }

  private void assertRoundTrip(Path data) throws IOException {
    Path out = dir.resolve("flat.csv");
    Run convert = run("convert", "--data", data.toString(), "--out", out.toString());
    assertThat(convert.code()).as(convert.err()).isZero();
    Path codebook = dir.resolve("flat.codebook.json");
    assertThat(codebook).exists();
    ArrayNode original = variables("--data", data.toString(), "--json");
    ArrayNode converted = variables("--data", out.toString(), "--codebook", codebook.toString(), "--json");
    assertThat(original).isNotEmpty();
    assertThat(converted).isEqualTo(original);
    long respondents = JSON.readTree(run("describe", "--data", data.toString(), "--json").out()).path("respondents")
        .asLong();
    long flatRespondents = JSON.readTree(run("describe", "--data", out.toString(), "--json").out())
        .path("respondents").asLong();
    assertThat(flatRespondents).isEqualTo(respondents);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qualtrics.csv", "surveymonkey.csv", "scale-and-choices.csv"})
  void platformExport_convertedToFlatCsv_describesAsTheOriginal(String name) throws IOException {
    assertRoundTrip(copy(name));
  }

  @Test
  void workbook_convertedToFlatCsv_describesAsTheOriginal() throws IOException {
    StringBuilder rows = new StringBuilder(Workbooks.row(1, List.of("id", "Region", "Topics", "Satisfaction",
        "Age")));
    String[] regions = {"North", "South", "East"};
    String[] topics = {"Workforce;Housing", "Housing", "Mental health;Workforce", "Mental health", ""};
    String[] scale = {"Very satisfied", "Satisfied", "Neither satisfied nor dissatisfied", "Dissatisfied",
        "Very dissatisfied"};
    for (int i = 0; i < 20; i++) {
      rows.append(Workbooks.row(i + 2, List.of(String.valueOf(i + 1), regions[i % 3], topics[i % 5],
          scale[i % 5], String.valueOf(20 + i))));
    }
    Path xlsx = Workbooks.write(dir.resolve("survey.xlsx"), "Survey", rows.toString());
    assertRoundTrip(xlsx);
    List<String> lines = Files.readAllLines(dir.resolve("flat.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("id,Region,Topics_Housing,Topics_Mental_health,Topics_Workforce,"
        + "Satisfaction,Age");
    assertThat(lines.get(1)).isEqualTo("1,North,1,0,1,Very satisfied,20");
    assertThat(lines.get(5)).isEqualTo("5,South,,,,Very dissatisfied,24");
  }

  @Test
  void formulaInACell_isNeutralisedInTheFlatCsv() throws IOException {
    Path data = dir.resolve("in.csv");
    Files.writeString(data, "id,comment\n1,=HYPERLINK(\"http://x\")\n2,fine\n3,-4 is a number here\n");
    Path out = dir.resolve("flat.csv");
    Run convert = run("convert", "--data", data.toString(), "--out", out.toString());
    assertThat(convert.code()).as(convert.err()).isZero();
    assertThat(Files.readString(out)).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
  }

  @Test
  void outWithAnotherExtension_isRefusedAndNothingIsWritten() throws IOException {
    Path data = copy("qualtrics.csv");
    Path out = dir.resolve("flat.txt");
    Run convert = run("convert", "--data", data.toString(), "--out", out.toString());
    assertThat(convert.code()).isEqualTo(1);
    assertThat(convert.err()).contains("--out " + out).contains("expected a file name ending in .csv");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(data);
    }
  }

  @Test
  void unwritableFolder_givesAClearErrorAndLeavesNothing() throws IOException {
    Path data = copy("qualtrics.csv");
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    Path out = notAFolder.resolve("flat.csv");
    Run convert = run("convert", "--data", data.toString(), "--out", out.toString());
    assertThat(convert.code()).isEqualTo(1);
    assertThat(convert.err()).contains("cannot write").contains(out.toString()).doesNotContain("\tat ");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(data, notAFolder);
    }
  }

  @Test
  void existingCodebookBeside_isLeftAloneWhenTheCsvCannotBeWritten() throws IOException {
    Path data = copy("qualtrics.csv");
    Path out = Files.createDirectory(dir.resolve("flat.csv"));
    Path codebook = Files.writeString(dir.resolve("flat.codebook.json"), "old");
    Run convert = run("convert", "--data", data.toString(), "--out", out.toString());
    assertThat(convert.code()).isEqualTo(1);
    assertThat(convert.err()).contains("cannot write");
    assertThat(Files.readString(codebook)).isEqualTo("old");
  }
}
