package dev.insight.core.sss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.codebook.CodebookVariable;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.codebook.VariableType;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.data.Category;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TripleSReaderTest {
  @TempDir
  Path dir;

  static Path resource(String name) {
    try {
      return Path.of(TripleSReaderTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row of a file as CSV text, header first, the reader's cells quoted where they hold a comma. */
  static List<String> rows(CsvFile csv) {
    List<String> rows = new ArrayList<>();
    rows.add(String.join(",", csv.header().names()));
    while (csv.next()) {
      List<String> cells = new ArrayList<>();
      for (String cell : csv.fields()) {
        cells.add(cell.contains(",") ? "\"" + cell + "\"" : cell);
      }
      rows.add(String.join(",", cells));
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {"visits.sss", "visits3.sss", "visits-csv.sss"})
  void fixedWidthCsvAndVersionThreeReadAsTheSameRespondents(String metadata) throws IOException {
    ProblemCollector problems = ProblemCollector.of(metadata, ReadMode.STRICT);
    List<String> read;
    try (CsvFile csv = TripleS.open(resource(metadata), CsvOptions.defaults(), problems)) {
      read = rows(csv);
    }
    assertThat(read).containsExactlyElementsOf(Files.readAllLines(resource("visits.expected.csv"),
        StandardCharsets.UTF_8));
    assertThat(problems.problems()).isEmpty();
    assertThat(problems.notes()).extracting(InputProblem::describe)
        .containsExactly(metadata + ": variable Q7 has a <filter>: it is not applied; the respondents it leaves out "
            + "read as not answered where their data is blank");
  }

  @Test
  void headerCarriesQuestionTextAndOptionLabels() {
    try (CsvFile csv = TripleS.open(resource("visits.sss"), CsvOptions.defaults(),
        ProblemCollector.of("visits.sss", ReadMode.STRICT))) {
      int q2 = csv.header().indexOf("Q2_3").orElseThrow();
      assertThat(csv.header().labels().get(q2)).isEqualTo("Attractions visited");
      assertThat(csv.header().options().get(q2)).isEqualTo("\"Friar Tuck\" Restaurant");
      assertThat(csv.format().encoding()).isEqualTo("Triple-S 2.0, fixed-width data visits.asc in UTF-8");
    }
  }

  @Test
  void codebookKeepsLabelsCodeOrderAndMissingCodes() {
    TripleSMetadata metadata = TripleSMetadata.read(resource("visits.sss"));
    assertThat(metadata.title()).isEqualTo("Historic House Exit Survey First Wave");
    assertThat(metadata.serial()).isEqualTo("RESP");
    SurveyCodebook codebook = metadata.codebook();
    assertThat(codebook.variables()).extracting(CodebookVariable::name, CodebookVariable::type).containsExactly(
        org.assertj.core.groups.Tuple.tuple("RESP", VariableType.ID),
        org.assertj.core.groups.Tuple.tuple("Q1", VariableType.SINGLE),
        org.assertj.core.groups.Tuple.tuple("Q2", VariableType.MULTIPLE),
        org.assertj.core.groups.Tuple.tuple("Q3", VariableType.TEXT),
        org.assertj.core.groups.Tuple.tuple("Q4", VariableType.MULTIPLE),
        org.assertj.core.groups.Tuple.tuple("Q5", VariableType.NUMERIC),
        org.assertj.core.groups.Tuple.tuple("Q6", VariableType.SINGLE),
        org.assertj.core.groups.Tuple.tuple("Q7", VariableType.SINGLE),
        org.assertj.core.groups.Tuple.tuple("VISITED", VariableType.DATE),
        org.assertj.core.groups.Tuple.tuple("ARRIVED", VariableType.TEXT),
        org.assertj.core.groups.Tuple.tuple("SAT", VariableType.SINGLE),
        org.assertj.core.groups.Tuple.tuple("WT", VariableType.NUMERIC));
    CodebookVariable q2 = codebook.variable("Q2").orElseThrow();
    assertThat(q2.columns()).containsExactly("Q2_1", "Q2_2", "Q2_3", "Q2_4", "Q2_5", "Q2_9");
    assertThat(q2.categories()).extracting(Category::code, Category::label).startsWith(
        org.assertj.core.groups.Tuple.tuple("1", "Sherwood Forest"),
        org.assertj.core.groups.Tuple.tuple("2", "Nottingham Castle"),
        org.assertj.core.groups.Tuple.tuple("3", "\"Friar Tuck\" Restaurant"));
    assertThat(codebook.variable("Q5").orElseThrow().categories())
        .containsExactly(Category.missing("999", "Not stated"));
    assertThat(codebook.variable("SAT").orElseThrow().categories()).extracting(Category::code)
        .containsExactly("VS", "FS", "NS", "FD", "VD", "DK");
    assertThat(codebook.variable("SAT").orElseThrow().missingCodes()).containsExactly("DK");
    assertThat(codebook.variable("Q6").orElseThrow().categories())
        .containsExactly(Category.of("0", "No"), Category.of("1", "Yes"));
  }

  @Test
  void numericCodesAreInCodeOrderWhateverTheDeclaredOrder() throws IOException {
    Path sss = survey("<variable ident=\"1\" type=\"single\"><name>Q1</name><position start=\"1\" finish=\"2\"/>"
        + "<values><value code=\"10\">Ten</value><value code=\"2\">Two</value><value code=\"01\">One</value>"
        + "</values></variable>", "10\n 2\n01\n");
    assertThat(TripleSMetadata.read(sss).codebook().variable("Q1").orElseThrow().categories())
        .extracting(Category::code).containsExactly("1", "2", "10");
    assertThat(read(sss, ReadMode.STRICT)).containsExactly("Q1", "10", "2", "1");
  }

  private static final String Q5 = "<variable ident=\"5\" type=\"quantity\"><name>Q5</name><label>Miles</label>"
      + "<position start=\"3\" finish=\"5\"/><values><range from=\"1\" to=\"499\"/>"
      + "<value code=\"999\">Not stated</value></values></variable>";
  private static final String Q1 = "<variable ident=\"1\" type=\"single\"><name>Q1</name><label>Visits</label>"
      + "<position start=\"1\"/><values><value code=\"1\">First</value><value code=\"2\">Again</value></values>"
      + "</variable>";
  private static final String Q2 = "<variable ident=\"2\" type=\"multiple\"><name>Q2</name>"
      + "<position start=\"2\"/><values><value code=\"1\">Yes</value></values></variable>";

  private Path survey(String variables, String data) throws IOException {
    return survey("2.0", "fixed", variables, data);
  }

  private Path survey(String version, String format, String variables, String data) throws IOException {
    Path sss = dir.resolve("survey.sss");
    Files.writeString(sss, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sss version=\"" + version + "\">\n"
        + "<survey><record ident=\"A\" format=\"" + format + "\">\n" + variables + "\n</record></survey></sss>\n");
    Files.writeString(dir.resolve(format.equals("csv") ? "survey.csv" : "survey.asc"), data);
    return sss;
  }

  private List<String> read(Path sss, ReadMode mode) {
    try (CsvFile csv = TripleS.open(sss, CsvOptions.defaults(), ProblemCollector.of(sss.toString(), mode))) {
      return rows(csv);
    }
  }

  private String failure(Path sss) {
    try {
      read(sss, ReadMode.STRICT);
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("read without a problem");
  }

  @Test
  void aLineShorterThanTheRecordNamesLineVariableAndCharacters() throws IOException {
    Path sss = survey(Q1 + Q2 + Q5, "11123\n21\n");
    assertThat(failure(sss)).contains(dir.resolve("survey.asc") + ":2: column \"Q5\", ")
        .contains("the line is 2 characters long, shorter than the record of 5 (variable Q5 is at characters 3 "
            + "to 5)");
  }

  @Test
  void aCodeNotDeclaredNamesItAndTheDeclaredCodes() throws IOException {
    Path sss = survey(Q1 + Q2 + Q5, "11123\n31 45\n");
    assertThat(failure(sss)).contains("survey.asc:2: column \"Q1\", value \"3\", character 1: not a declared value "
        + "of Q1 (the metadata declares 1, 2)");
  }

  @Test
  void textInAQuantityIsNotANumber() throws IOException {
    Path sss = survey(Q1 + Q2 + Q5, "114x5\n");
    assertThat(failure(sss)).contains("survey.asc:1: column \"Q5\", value \"4x5\", characters 3 to 5: not a number "
        + "(quantity Q5)");
  }

  @Test
  void aQuantityOutsideItsRangeAndValuesIsRefused() throws IOException {
    Path sss = survey(Q1 + Q2 + Q5, "11500\n");
    assertThat(failure(sss)).contains("column \"Q5\", value \"500\", characters 3 to 5: outside the declared range "
        + "of Q5 (1 to 499, 999 \"Not stated\")");
  }

  @Test
  void aBitstringHoldsOnlyZerosAndOnes() throws IOException {
    Path sss = survey(Q1 + Q2 + Q5, "1x 45\n");
    assertThat(failure(sss)).contains("column \"Q2\", value \"x\", character 2: a bitstring holds 0 and 1");
  }

  @Test
  void anImpossibleDateIsRefused() throws IOException {
    Path sss = survey("<variable ident=\"1\" type=\"date\"><name>D</name><position start=\"1\" finish=\"8\"/>"
        + "</variable>", "20260230\n");
    assertThat(failure(sss)).contains("column \"D\", value \"20260230\", characters 1 to 8: not a date");
  }

  @Test
  void csvTextLongerThanItsSizeIsRefused() throws IOException {
    Path sss = survey("2.0", "csv", "<variable ident=\"1\" type=\"character\"><name>T</name>"
        + "<position start=\"1\"/><size>3</size></variable>", "abc\nabcd\n");
    assertThat(failure(sss)).contains("survey.csv:2: column \"T\", value \"abcd\", field 1: longer than the size "
        + "of T (3 characters)");
  }

  @Test
  void aCsvRecordWithTooFewFieldsNamesTheField() throws IOException {
    Path sss = survey("2.0", "csv", Q1 + "<variable ident=\"2\" type=\"quantity\"><name>N</name>"
        + "<position start=\"2\"/></variable>", "1,4\n2\n");
    assertThat(failure(sss)).contains("survey.csv:2: column \"N\", the record has 1 fields, fewer than the 2 the "
        + "metadata declares (variable N is at field 2)");
  }

  @Test
  void lenientModeKeepsEveryRespondentAndListsEveryProblem() throws IOException {
    Path sss = survey(Q1 + Q2 + Q5, "11123\n31 45\n114x5\n21\n");
    ProblemCollector problems = ProblemCollector.of(sss.toString(), ReadMode.LENIENT);
    List<String> read;
    try (CsvFile csv = TripleS.open(sss, CsvOptions.defaults(), problems)) {
      read = rows(csv);
    }
    assertThat(read).containsExactly("Q1,Q2_1,Q5", "1,1,123", ",1,45", "1,1,", "2,1,");
    assertThat(problems.problems()).extracting(InputProblem::line, InputProblem::column).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2L, "Q1"), org.assertj.core.groups.Tuple.tuple(3L, "Q5"),
        org.assertj.core.groups.Tuple.tuple(4L, "Q5"));
    assertThat(problems.problems().get(0).message()).endsWith("; read as not answered");
  }

  @Test
  void aMissingDataFileNamesTheFilesLookedFor() throws IOException {
    Path sss = survey(Q1, "1\n");
    Files.delete(dir.resolve("survey.asc"));
    assertThat(failure(sss)).isEqualTo(sss + ": no data file beside it: looked for survey.asc, survey.ASC, "
        + "survey.dat, survey.DAT, survey.csv, survey.CSV (a Triple-S survey is the .sss metadata and its data "
        + "file, with the same name, in one folder)");
  }

  @Test
  void anUnknownVariableTypeNamesItsLineAndTheTypes() throws IOException {
    Path sss = survey("<variable ident=\"7\" type=\"numeric\"><name>N</name><position start=\"1\"/></variable>",
        "1\n");
    assertThat(failure(sss)).isEqualTo(sss + ":4: column \"<variable>\", variable ident 7: unknown type "
        + "\"numeric\"; Triple-S types are single, multiple, quantity, character, logical, date and time");
  }

  @Test
  void malformedXmlNamesTheLine() throws IOException {
    Path sss = dir.resolve("bad.sss");
    Files.writeString(sss, "<?xml version=\"1.0\"?>\n<sss version=\"2.0\">\n<survey>\n</sss>\n");
    assertThatThrownBy(() -> TripleSMetadata.read(sss)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(sss + ":4: not well-formed XML");
  }

  @Test
  void metadataBytesNotValidInItsEncodingNameLineAndOffsetAndNothingIsPrinted() throws IOException {
    Path sss = dir.resolve("bytes.sss");
    Files.write(sss, concat("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sss version=\"2.0\">".getBytes(
        StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, (byte) 0xFE}, "</sss>".getBytes(StandardCharsets.US_ASCII)));
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> TripleSMetadata.read(sss)).isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(sss + ":2: bytes not valid in UTF-8 at byte offset 58");
    } finally {
      System.setErr(before);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  @Test
  void entityDeclarationsAreRefusedAndNoFileIsRead() throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "secret");
    Path sss = dir.resolve("xxe.sss");
    Files.writeString(sss, "<?xml version=\"1.0\"?>\n<!DOCTYPE sss [<!ENTITY x SYSTEM \"" + secret.toUri()
        + "\">]>\n<sss version=\"2.0\"><survey><name>&x;</name></survey></sss>\n");
    assertThatThrownBy(() -> TripleSMetadata.read(sss)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("refused").hasMessageNotContaining("secret\"");
  }

  @Test
  void aPublicDoctypeAsTheStandardsExamplesHaveIsReadWithoutFetchingIt() throws IOException {
    Path sss = dir.resolve("doctype.sss");
    Files.writeString(sss, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE sss PUBLIC "
        + "\"-//Triple-S//DTD Survey Interchange v1.2//EN\" \"http://localhost:9/sss_v12.dtd\">\n"
        + "<sss version=\"1.2\"><survey><record ident=\"V\">" + Q1 + "</record></survey></sss>\n");
    Files.write(dir.resolve("doctype.asc"), "1\n2\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(read(sss, ReadMode.STRICT)).containsExactly("Q1", "1", "2");
    assertThat(TripleSMetadata.read(sss).encoding()).isEqualTo("ISO-8859-1");
  }

  @Test
  void hierarchicalSurveysAreRefusedClearly() throws IOException {
    Path sss = dir.resolve("h.sss");
    Files.writeString(sss, "<sss version=\"2.0\"><survey><record ident=\"A\">" + Q1 + "</record>\n<record "
        + "ident=\"B\">" + Q1 + "</record></survey></sss>");
    assertThatThrownBy(() -> TripleSMetadata.read(sss)).hasMessage(sss + ":2: column \"<record>\", hierarchical "
        + "Triple-S (several records, or a <hierarchy>) is not supported: export each level as a survey of its own");
  }

  @Test
  void notTripleSAtAllSaysWhatTheRootIs() throws IOException {
    Path sss = dir.resolve("other.sss");
    Files.writeString(sss, "<html><body/></html>");
    assertThatThrownBy(() -> TripleSMetadata.read(sss)).hasMessage(sss + ":1: column \"<html>\", not Triple-S "
        + "metadata: the root element is <html>, not <sss>");
  }

  @Test
  void aBitstringCodeBeyondItsWidthIsAMetadataError() throws IOException {
    Path sss = survey("<variable ident=\"2\" type=\"multiple\"><name>M</name><position start=\"1\" finish=\"3\"/>"
        + "<values><value code=\"4\">Four</value></values></variable>", "000\n");
    assertThatThrownBy(() -> TripleSMetadata.read(sss)).hasMessageContaining("variable M: in a bitstring, code 4 "
        + "would be character 4 of 3; a bitstring's codes run from 1 to its width");
  }

  @Test
  void detectsMetadataByExtensionOrContent() throws IOException {
    Path renamed = dir.resolve("survey.xml");
    try (InputStream in = Files.newInputStream(resource("visits.sss"))) {
      Files.copy(in, renamed);
    }
    Path csv = dir.resolve("survey.txt");
    Files.writeString(csv, "id,q1\n1,2\n");
    assertThat(TripleS.isMetadata(resource("visits.sss"))).isTrue();
    assertThat(TripleS.isMetadata(renamed)).isTrue();
    assertThat(TripleS.isMetadata(csv)).isFalse();
  }

  @Test
  void bytesNotValidInTheDeclaredEncodingNameTheLine() throws IOException {
    Path sss = survey("<variable ident=\"1\" type=\"character\"><name>T</name><position start=\"1\" finish=\"4\"/>"
        + "</variable>", "");
    Files.write(dir.resolve("survey.asc"), new byte[] {'a', 'b', 'c', 'd', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertThat(failure(sss)).contains("survey.asc:2: bytes not valid in UTF-8 at byte offset 8");
  }
}
