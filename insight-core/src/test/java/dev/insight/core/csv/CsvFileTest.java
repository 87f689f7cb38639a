package dev.insight.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {
  @TempDir
  Path dir;

  private Path file(byte[] bytes) throws IOException {
    Path path = dir.resolve("survey.csv");
    Files.write(path, bytes);
    return path;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Every record after the header, each as its list of fields. */
  private static List<List<String>> records(CsvFile csv) {
    List<List<String>> rows = new ArrayList<>();
    while (csv.next()) {
      rows.add(csv.fields());
    }
    return rows;
  }

  private static ProblemCollector strict(Path path) {
    return ProblemCollector.of(path.toString(), ReadMode.STRICT);
  }

  private static CsvFile text(String csv, ProblemCollector problems) {
    return CsvFile.of(new StringReader(csv), CsvOptions.defaults(), problems);
  }

  private static ProblemCollector strict() {
    return ProblemCollector.of("s.csv", ReadMode.STRICT);
  }

  @Test
  void open_utf8WithByteOrderMark_readsTheFirstColumnNameWithoutIt() throws IOException {
    Path path = file(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "id,name\n1,Zoë\n".getBytes(StandardCharsets.UTF_8)));
    try (CsvFile csv = CsvFile.open(path, CsvOptions.defaults(), strict(path))) {
      assertThat(csv.header().names()).containsExactly("id", "name");
      assertThat(csv.format()).isEqualTo(new CsvFormat("UTF-8", true, ','));
      assertThat(records(csv)).containsExactly(List.of("1", "Zoë"));
    }
  }

  @Test
  void open_utf16LittleAndBigEndianWithByteOrderMark_areDecoded() throws IOException {
    for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] bom = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
          : new byte[] {(byte) 0xFE, (byte) 0xFF};
      Path path = file(concat(bom, "id\tname\r\n1\tSeán\r\n".getBytes(charset)));
      try (CsvFile csv = CsvFile.open(path, CsvOptions.defaults(), strict(path))) {
        assertThat(csv.format()).isEqualTo(new CsvFormat(charset.name(), true, '\t'));
        assertThat(records(csv)).containsExactly(List.of("1", "Seán"));
      }
    }
  }

  @Test
  void open_windows1252BytesReadAsUtf8_failsNamingLineAndByteOffset() throws IOException {
    Path path = file("id,comment\n1,ok\n2,caf\u00e9 \u2019s\n".getBytes(Charset.forName("windows-1252")));

    assertThatThrownBy(() -> {
      try (CsvFile csv = CsvFile.open(path, CsvOptions.defaults(), strict(path))) {
        records(csv);
      }
    }).isInstanceOf(InvalidInputException.class)
        .hasMessage(path + ":3: value \"0xE9\", bytes not valid in UTF-8 at byte offset 21 (line 3); give the "
            + "file's encoding (such as --encoding windows-1252) or save it as CSV UTF-8");
  }

  @Test
  void open_windows1252WithItsEncodingGiven_readsEveryCharacter() throws IOException {
    Path path = file("id,comment\n2,caf\u00e9 \u2019s\n".getBytes(Charset.forName("windows-1252")));
    CsvOptions options = CsvOptions.defaults().withEncoding(Charset.forName("windows-1252"));

    try (CsvFile csv = CsvFile.open(path, options, strict(path))) {
      assertThat(records(csv)).containsExactly(List.of("2", "caf\u00e9 \u2019s"));
      assertThat(csv.format().encoding()).isEqualTo("windows-1252");
    }
  }

  @Test
  void open_truncatedUtf8SequenceAtTheEnd_failsNamingItsOffset() throws IOException {
    Path path = file(concat("id\n1\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3}));

    assertThatThrownBy(() -> {
      try (CsvFile csv = CsvFile.open(path, CsvOptions.defaults(), strict(path))) {
        records(csv);
      }
    }).hasMessage(path + ":3: value \"0xC3\", bytes not valid in UTF-8 at byte offset 5 (line 3); give the "
        + "file's encoding (such as --encoding windows-1252) or save it as CSV UTF-8");
  }

  @Test
  void open_utf16WithoutByteOrderMark_failsSayingHowToGiveTheEncoding() throws IOException {
    Path path = file("id,name\n".getBytes(StandardCharsets.UTF_16LE));

    assertThatThrownBy(() -> CsvFile.open(path, CsvOptions.defaults(), strict(path)))
        .hasMessage(path + ":1: the file starts with a zero byte, as UTF-16 text without a byte-order mark does; "
            + "give its encoding (such as --encoding UTF-16LE) or save it as CSV UTF-8");
  }

  @Test
  void open_emptyFile_fails() throws IOException {
    Path path = file(new byte[0]);

    assertThatThrownBy(() -> CsvFile.open(path, CsvOptions.defaults(), strict(path)))
        .hasMessage(path + ": the file is empty: expected a header row");
  }

  @Test
  void of_semicolonsAndTabs_areDetectedAndNoted() {
    ProblemCollector problems = strict();
    try (CsvFile csv = text("id;\"a,b\";c\n1;2,5;3\n", problems)) {
      assertThat(csv.format().delimiter()).isEqualTo(';');
      assertThat(csv.header().names()).containsExactly("id", "a,b", "c");
      assertThat(records(csv)).containsExactly(List.of("1", "2,5", "3"));
    }
    assertThat(problems.notes()).extracting(InputProblem::describe)
        .containsExactly("s.csv:1: fields are semicolon-delimited (detected from the header)");
    try (CsvFile csv = text("\n\nid\tname\n1\tx, y\n", strict())) {
      assertThat(csv.format().delimiter()).isEqualTo('\t');
      assertThat(csv.headerLine()).isEqualTo(3);
      assertThat(records(csv)).containsExactly(List.of("1", "x, y"));
    }
  }

  @Test
  void next_quoteNeverClosed_failsNamingTheLineItOpenedOn() {
    String csv = "id,sex,comment\n1,F,fine\n2,M,\"it swallows\n3,F,the rest\n4,M,of the file\n";

    assertThatThrownBy(() -> {
      try (CsvFile file = text(csv, ProblemCollector.of("s.csv", ReadMode.LENIENT))) {
        records(file);
      }
    }).hasMessage("s.csv:3: column \"comment\", a quote opened on line 3 (field 3) is never closed: the rest of "
        + "the file would be one answer; close the quote or remove it");
  }

  @Test
  void next_quoteClosedLinesLater_reportsTheTextAfterItAndTheLineItOpened() {
    String csv = "id,sex,comment\n1,F,\"open\n2,M,\"closed\"\n";

    assertThatThrownBy(() -> {
      try (CsvFile file = text(csv, strict())) {
        records(file);
      }
    }).hasMessage("s.csv:3: column \"comment\", value \"closed\"\", text after the closing quote of a field opened on "
        + "line 2 (a quote may be missing there); the text is kept as part of the field");
  }

  @Test
  void next_quotedFieldOverLinesThatLookLikeRecords_isReadAsOneAnswerWithANote() {
    ProblemCollector problems = strict();
    try (CsvFile csv = text("id,sex,comment\n1,F,\"first line\n2,M,looks like a row\nend\"\n3,F,x\n", problems)) {
      assertThat(records(csv)).containsExactly(List.of("1", "F", "first line\n2,M,looks like a row\nend"),
          List.of("3", "F", "x"));
      assertThat(csv.line()).isEqualTo(5);
    }
    assertThat(problems.notes()).extracting(InputProblem::describe).containsExactly("s.csv:2: column \"comment\", "
        + "the quoted field opened on line 2 runs to line 4 and holds lines that look like records (line 3); read "
        + "as one answer, as the quotes say; check that no quote is missing");
  }

  @Test
  void next_paragraphsInAQuotedComment_areReadWithoutANote() {
    ProblemCollector problems = strict();
    try (CsvFile csv = text("id,sex,comment\r\n1,F,\"One.\r\n\r\nTwo, and \"\"three\"\".\"\r\n2,M,\"\"\r\n",
        problems)) {
      assertThat(records(csv)).containsExactly(List.of("1", "F", "One.\r\n\r\nTwo, and \"three\"."),
          List.of("2", "M", ""));
    }
    assertThat(problems.notes()).isEmpty();
  }

  @Test
  void header_blankAndRepeatedNames_areRenamedAndNotedAndTheRepeatedNameIsAmbiguous() {
    ProblemCollector problems = strict();
    try (CsvFile csv = text("id,Q1,,Q1,Q1_1\n1,a,b,c,d\n", problems)) {
      CsvHeader header = csv.header();
      assertThat(header.names()).containsExactly("id", "Q1_1.2", "column_3", "Q1_2", "Q1_1");
      assertThat(header.indexOf("Q1")).isEmpty();
      assertThat(header.whyNot("Q1")).isEqualTo("ambiguous column: the header names 2 columns Q1 (columns 2 and "
          + "4), read as Q1_1.2, Q1_2; give one of those");
      assertThat(header.whyNot("Q9")).startsWith("missing column; the header has [");
      assertThat(header.indexOf("Q1_2")).hasValue(3);
    }
    assertThat(problems.notes()).extracting(InputProblem::describe).containsExactly(
        "s.csv:1: column \"column_3\", value \"\", column 3 has no name in the header; read as column_3",
        "s.csv:1: column \"Q1\", the header names 2 columns Q1 (columns 2 and 4); read as Q1_1.2, Q1_2");
  }

  @Test
  void next_fieldBeyondTheBound_failsNamingItsRecordAndField() {
    String huge = "x".repeat(200_001);
    CsvOptions options = CsvOptions.defaults().withMaxFieldChars(100_000);

    assertThatThrownBy(() -> {
      try (CsvFile csv = CsvFile.of(new StringReader("id,comment\n1,ok\n2,\"" + huge + "\"\n"), options,
          ProblemCollector.of("s.csv", ReadMode.LENIENT))) {
        records(csv);
      }
    }).hasMessage("s.csv:3: column \"comment\", field 2 of the record on line 3 is longer than 100,000 characters; "
        + "a quote is probably left open there");
    assertThatThrownBy(() -> {
      try (CsvFile csv = CsvFile.of(new StringReader("id,comment\n2," + huge + "\n"), options, strict())) {
        records(csv);
      }
    }).hasMessage("s.csv:2: column \"comment\", field 2 of the record on line 2 is longer than 100,000 characters");
  }

  @Test
  void next_lastRecordWithoutLineBreakAndTrailingDelimiter_keepsTheEmptyLastField() {
    try (CsvFile csv = text("a,b,c\n1,2,\n3,\"\",", strict())) {
      assertThat(records(csv)).containsExactly(List.of("1", "2", ""), List.of("3", "", ""));
    }
  }

  @Test
  void layout_qualtricsThreeHeaderRows_keepsTheNamesLabelsColumnsWithTheQuestionAndSkipsImportIds() {
    ProblemCollector problems = strict();
    try (CsvFile csv = text("ResponseId,Q1,Q2_4_TEXT\nResponse ID,How satisfied?,Which? - Other - Text\n"
        + "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\","
        + "\"{\"\"ImportId\"\":\"\"QID2_4_TEXT\"\"}\"\nR_1,Satisfied,\n", problems)) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.QUALTRICS);
      assertThat(csv.header().names()).containsExactly("ResponseId", "Q1", "Q2_4_TEXT");
      assertThat(csv.header().labels()).containsExactly("Response ID", "How satisfied?", "Which? - Other - Text");
      assertThat(records(csv)).containsExactly(List.of("R_1", "Satisfied", ""));
      assertThat(csv.line()).isEqualTo(4);
    }
    assertThat(problems.notes()).extracting(InputProblem::describe).containsExactly("s.csv:1: a Qualtrics export: "
        + "the question text (line 2) becomes the labels and the import ids (line 3) are skipped");
  }

  @Test
  void layout_surveyMonkeyTwoHeaderRows_namesQuestionsAndReadsOptionTextAsChosen() {
    try (CsvFile csv = text("Respondent ID,Collector ID,Which sector?,Which topics?,,,Comments\n"
        + ",,Response,Housing,Health,Other (please specify),Open-Ended Response\n"
        + "101,9,NHS,Housing,,,fine\n102,9,Council,,,,\n103,9,NHS,,Health,Roads,\n", strict())) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.SURVEYMONKEY);
      assertThat(csv.header().names()).containsExactly("respondent_id", "collector_id", "q1", "q2_1", "q2_2",
          "q2_other", "q3");
      assertThat(csv.header().labels()).containsExactly("Respondent ID", "Collector ID", "Which sector?",
          "Which topics?", "Which topics?", "Which topics?", "Comments");
      assertThat(csv.header().options().subList(3, 6)).containsExactly("Housing", "Health",
          "Other (please specify)");
      assertThat(records(csv)).containsExactly(List.of("101", "9", "NHS", "1", "0", "", "fine"),
          List.of("102", "9", "Council", "", "", "", ""), List.of("103", "9", "NHS", "0", "1", "Roads", ""));
    }
  }

  @Test
  void layout_plainFileWithAResponseIdColumn_isNotTakenForQualtricsAndLosesNoRecord() {
    try (CsvFile csv = text("ResponseId,q1\nR1,a\nR2,b\nR3,c\n", strict())) {
      assertThat(csv.layout()).isEqualTo(ExportLayout.PLAIN);
      assertThat(records(csv)).containsExactly(List.of("R1", "a"), List.of("R2", "b"), List.of("R3", "c"));
    }
  }
}
