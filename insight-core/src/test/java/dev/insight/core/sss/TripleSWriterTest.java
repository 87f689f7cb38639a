package dev.insight.core.sss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.codebook.CodebookInference;
import dev.insight.core.codebook.CodebookVariable;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.data.Category;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TripleSWriterTest {
  @TempDir
  Path dir;

  private static CsvFile open(Path sss) {
    return TripleS.open(sss, CsvOptions.defaults(), ProblemCollector.of(sss.toString(), ReadMode.STRICT));
  }

  /** Writes the records of {@code source} with {@code codebook} as out.sss and out.asc. */
  private Path write(SurveyCodebook codebook, java.util.function.Supplier<CsvFile> source) throws IOException {
    TripleSWriter writer;
    try (CsvFile csv = source.get()) {
      writer = TripleSWriter.of(codebook, csv.header());
      while (csv.next()) {
        writer.measure(csv);
      }
    }
    Path sss = dir.resolve("out.sss");
    Files.writeString(sss, writer.metadata("HH1", "Historic House Exit Survey"));
    try (CsvFile csv = source.get(); Writer out = Files.newBufferedWriter(dir.resolve("out.asc"))) {
      while (csv.next()) {
        writer.write(csv, out);
      }
    }
    return sss;
  }

  @ParameterizedTest
  @ValueSource(strings = {"visits.sss", "visits-csv.sss"})
  void aTripleSSurveyWrittenAndReadBackHoldsTheSameAnswersLabelsAndOrder(String name) throws IOException {
    Path original = TripleSReaderTest.resource(name);
    SurveyCodebook codebook = TripleSMetadata.read(original).codebook();
    Path written = write(codebook, () -> open(original));

    TripleSMetadata back = TripleSMetadata.read(written);
    assertThat(back.version()).isEqualTo("2.0");
    assertThat(back.csv()).isFalse();
    SurveyCodebook again = back.codebook();
    assertThat(again.variables()).extracting(CodebookVariable::name)
        .containsExactlyElementsOf(codebook.variables().stream().map(CodebookVariable::name).toList());
    for (CodebookVariable v : codebook.variables()) {
      CodebookVariable w = again.variable(v.name()).orElseThrow();
      assertThat(w.label()).as(v.name()).isEqualTo(v.label());
      assertThat(w.type()).as(v.name()).isEqualTo(v.type());
      assertThat(w.categories()).extracting(Category::label).as(v.name())
          .containsExactlyElementsOf(v.categories().stream().map(Category::label).toList());
    }
    // the same respondents, answers and option choices (a multiple's options are numbered 1, 2, ... in order)
    List<String> expected = Files.readAllLines(TripleSReaderTest.resource("visits.expected.csv"),
        StandardCharsets.UTF_8);
    List<String> read;
    try (CsvFile csv = open(written)) {
      read = TripleSReaderTest.rows(csv);
    }
    assertThat(read.subList(1, read.size())).containsExactlyElementsOf(expected.subList(1, expected.size()));
    assertThat(read.get(0)).isEqualTo("RESP,Q1,Q2_1,Q2_2,Q2_3,Q2_4,Q2_5,Q2_6,Q3,Q4_1,Q4_2,Q4_3,Q4_4,Q4_5,Q4_6,Q5,Q6,"
        + "Q7,VISITED,ARRIVED,SAT,WT");
  }

  @Test
  void writesTheDocumentedLayout() throws IOException {
    Path written = write(TripleSMetadata.read(TripleSReaderTest.resource("visits.sss")).codebook(),
        () -> open(TripleSReaderTest.resource("visits.sss")));
    String xml = Files.readString(written);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sss version=\"2.0\">")
        .contains("<record ident=\"A\" format=\"fixed\">")
        .contains("<variable ident=\"1\" type=\"character\" use=\"serial\">")
        .contains("<variable ident=\"11\" type=\"single\" format=\"literal\">")
        .contains("<value code=\"3\">\"Friar Tuck\" Restaurant</value>")
        .contains("<range from=\"7\" to=\"500\"/>")
        .contains("<value code=\"999\">Not stated</value>");
    List<String> lines = Files.readAllLines(dir.resolve("out.asc"));
    assertThat(lines).hasSize(6).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isEqualTo(
        TripleSMetadata.read(written).variables().stream().mapToInt(TripleSVariable::finish).max().orElseThrow()));
    assertThat(lines.get(0)).isEqualTo("R0011110000                 110000 23112026030109:30:00VS1.2500");
  }

  @Test
  void aCsvSurveyBecomesTripleSWithItsInferredCodebook() throws IOException {
    Path csv = dir.resolve("survey.csv");
    Files.writeString(csv, "id,How satisfied?,pri_a,pri_b,age,comment,when\n"
        + "1,Very satisfied,1,0,34,\"Fine,\nreally\",2026-03-01\n"
        + "2,Dissatisfied,0,1,51.5,,2026-03-02\n"
        + "3,Very satisfied,1,1,,Good,2026-03-03\n"
        + "4,Dissatisfied,0,0,19,,2026-03-04\n");
    SurveyCodebook codebook;
    try (CsvFile file = CsvFile.open(csv, CsvOptions.defaults(), ProblemCollector.of("survey.csv",
        ReadMode.STRICT))) {
      codebook = CodebookInference.infer(file, "id").codebook();
    }
    Path written = write(codebook, () -> CsvFile.open(csv, CsvOptions.defaults(),
        ProblemCollector.of("survey.csv", ReadMode.STRICT)));
    List<String> read;
    try (CsvFile file = open(written)) {
      read = TripleSReaderTest.rows(file);
    }
    assertThat(read).containsExactly("id,How_satisfied_,pri_1,pri_2,age,comment,when",
        "1,Very satisfied,1,0,34,\"Fine, really\",2026-03-01", "2,Dissatisfied,0,1,51.5,,2026-03-02",
        "3,Very satisfied,1,1,,Good,2026-03-03", "4,Dissatisfied,0,0,19,,2026-03-04");
    CodebookVariable satisfied = TripleSMetadata.read(written).codebook().variable("How_satisfied_").orElseThrow();
    assertThat(satisfied.label()).isEqualTo("How satisfied?");
    // text codes are kept as literal codes, in the scale's order
    assertThat(satisfied.categories()).extracting(Category::code).containsExactly("Dissatisfied",
        "Very satisfied");
    assertThat(Files.readString(written)).contains("<variable ident=\"2\" type=\"single\" format=\"literal\">")
        .contains("<value code=\"1\">a</value>").contains("<variable ident=\"6\" type=\"date\">");
  }

  @Test
  void aValueOutsideTheGivenCategoriesStopsTheWriteNamingLineColumnAndValue() throws IOException {
    Path csv = dir.resolve("survey.csv");
    Files.writeString(csv, "id,sector\n1,NHS\n2,Police\n");
    SurveyCodebook codebook = new SurveyCodebook(List.of(new CodebookVariable("sector", "Sector",
        dev.insight.core.codebook.VariableType.SINGLE, List.of(Category.of("NHS")), List.of("sector"), null)));
    assertThatThrownBy(() -> write(codebook, () -> CsvFile.open(csv, CsvOptions.defaults(),
        ProblemCollector.of("survey.csv", ReadMode.LENIENT)))).isInstanceOf(InvalidInputException.class)
        .hasMessage("survey.csv:3: column \"sector\", value \"Police\", not a category of sector: Triple-S declares "
            + "every code of a single (give the categories with --codebook)");
  }
}
