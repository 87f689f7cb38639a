package dev.insight.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyCsvReaderTest {
  private static final List<Category> SECTORS = List.of(Category.of("NHS"), Category.of("Council"),
      Category.missing("DK", "Don't know"));

  private static final SurveyMapping MAPPING = SurveyMapping.builder("id")
      .categorical("sector", "Sector", SECTORS)
      .multiColumns("pri", "Priorities", List.of("pri_a", "pri_b"))
      .numeric("age", -99)
      .text("comment")
      .build();

  private static ReadResult<Dataset> read(String csv, ReadMode mode) {
    return SurveyCsvReader.read(new StringReader(csv), "survey.csv", MAPPING, mode);
  }

  private static Dataset read(String csv) {
    return read(csv, ReadMode.STRICT).value();
  }

  @Test
  void read_wellFormedFile_buildsEveryVariable() {
    Dataset data = read("""
        id,sector,pri_a,pri_b,age,comment,ignored
        R1,NHS,1,0,34,"Good, but ""slow""\",x
        R2,Council,0,1,-99,,y
        R3,DK,,,,"two
        lines",z
        """);

    assertThat(data.rowCount()).isEqualTo(3);
    assertThat(data.categorical("sector").counts()).containsExactly(1, 1, 1);
    assertThat(data.categorical("sector").isMissing(2)).isTrue();
    assertThat(data.multiResponse("pri").counts()).containsExactly(1, 1);
    assertThat(data.multiResponse("pri").isMissing(2)).isTrue();
    assertThat(data.numeric("age").isMissing(1)).isTrue();
    assertThat(data.numeric("age").isMissing(2)).isTrue();
    assertThat(data.text("comment").textAt(0)).contains("Good, but \"slow\"");
    assertThat(data.text("comment").textAt(2)).contains("two\nlines");
    assertThat(data.has("ignored")).isFalse();
  }

  @Test
  void read_missingColumns_failsNamingEveryMissingColumn() {
    assertThatThrownBy(() -> read("id,sector,pri_a,comment\nR1,NHS,1,x\n", ReadMode.LENIENT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("survey.csv:1: column \"pri_b\", missing column; the header has [comment, id, pri_a, "
            + "sector]")
        .hasMessageContaining("survey.csv:1: column \"age\", missing column");
  }

  @Test
  void read_missingColumnStrict_failsOnTheFirst() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,comment\nR1,NHS,1,0,x\n"))
        .hasMessage("survey.csv:1: column \"age\", missing column; the header has [comment, id, pri_a, pri_b, "
            + "sector]");
  }

  @Test
  void read_unknownCategory_failsNamingLineColumnAndValue() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0,34,\nR2,Police,1,0,34,\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("survey.csv:3: column \"sector\", value \"Police\", unknown category of sector; the codebook "
            + "has [NHS, Council, DK]");
  }

  @Test
  void read_malformedRow_failsNamingLineAndFieldCounts() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0\n"))
        .hasMessage("survey.csv:2: expected 6 fields as in the header but found 4; the row is left out");
  }

  @Test
  void read_duplicateId_failsNamingBothLines() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0,1,\nR1,NHS,1,0,2,\n"))
        .hasMessage("survey.csv:3: column \"id\", value \"R1\", duplicate respondent id, first seen on line 2; "
            + "the row is left out");
  }

  @Test
  void read_textInNumericColumn_failsNamingValue() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0,thirty,\n"))
        .hasMessage("survey.csv:2: column \"age\", value \"thirty\", not a number (numeric variable age; use . as "
            + "the decimal point)");
  }

  @Test
  void read_decimalCommaUnderAnyLocale_isNotANumber() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0,\"3,5\",\n"))
        .hasMessageContaining("value \"3,5\", not a number");
  }

  @Test
  void read_multiResponseFlagNotZeroOrOne_failsNamingOptionColumn() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,yes,0,1,\n"))
        .hasMessage("survey.csv:2: column \"pri_a\", value \"yes\", expected 0 or 1 (or blank for no answer) for "
            + "an option of pri; read as not chosen");
  }

  @Test
  void read_lenient_reportsEveryProblemAndKeepsEveryRowItCan() {
    ReadResult<Dataset> result = read("""
        id,sector,pri_a,pri_b,age,comment
        R1,Police,1,0,34,ok
        R2,NHS,1
        R1,NHS,1,0,34,dup
        ,NHS,1,0,34,blank id
        R5,NHS,1,,x,partial
        R6,Council,0,0,50,fine
        """, ReadMode.LENIENT);

    Dataset data = result.value();
    assertThat(data.rowCount()).isEqualTo(3);
    assertThat(data.id(0).value()).isEqualTo("R1");
    assertThat(data.categorical("sector").isMissing(0)).isTrue();
    assertThat(data.numeric("age").isMissing(1)).isTrue();
    assertThat(result.problems()).extracting(InputProblem::line).containsExactly(2L, 3L, 4L, 5L, 6L, 6L);
    assertThat(result.problems()).extracting(InputProblem::describe).containsExactly(
        "survey.csv:2: column \"sector\", value \"Police\", unknown category of sector; the codebook has [NHS, "
            + "Council, DK]",
        "survey.csv:3: expected 6 fields as in the header but found 3; the row is left out",
        "survey.csv:4: column \"id\", value \"R1\", duplicate respondent id, first seen on line 2; the row is left "
            + "out",
        "survey.csv:5: column \"id\", value \"\", respondent id is blank; the row is left out",
        "survey.csv:6: column \"pri_b\", value \"\", blank in 1 of the 2 option columns of pri while the others "
            + "are answered; blanks read as not chosen",
        "survey.csv:6: column \"age\", value \"x\", not a number (numeric variable age; use . as the decimal point)");
    assertThatThrownBy(result::orThrow).hasMessageStartingWith("6 problems:");
  }

  @Test
  void read_lineNumbersCountMultiLineQuotedFields() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0,1,\"a\nb\nc\"\nR2,Nope,1,0,1,\n"))
        .hasMessageStartingWith("survey.csv:5: column \"sector\", value \"Nope\"");
  }

  @Test
  void read_emptyFile_failsSayingSo() {
    assertThatThrownBy(() -> read("", ReadMode.LENIENT))
        .hasMessage("survey.csv: the file is empty: expected a header row");
  }

  @Test
  void read_inferredCategories_areSortedNumericallyWhenNumbers() {
    SurveyMapping mapping = SurveyMapping.builder("id").categorical("band").build();
    Dataset data = SurveyCsvReader.read(new StringReader("id,band\nA,10\nB,9\nC,\nD,10\n"), "s.csv", mapping,
        ReadMode.STRICT).value();

    assertThat(data.categorical("band").categories()).extracting(Category::code).containsExactly("9", "10");
    assertThat(data.categorical("band").copyIndices()).containsExactly(1, 0, -1, 1);
  }

  @Test
  void read_multiList_splitsCodesAndReportsUnknownOnes() {
    SurveyMapping mapping = SurveyMapping.builder("id")
        .multiList("codes", null, ";", List.of(Category.of("sa"), Category.of("sb"), Category.of("sc")))
        .build();
    ReadResult<Dataset> result = SurveyCsvReader.read(new StringReader("id,codes\nA,sa; sc\nB,\nC,sb;zz\n"),
        "coded.csv", mapping, ReadMode.LENIENT);

    var codes = result.value().multiResponse("codes");
    assertThat(codes.isSelected(0, 0)).isTrue();
    assertThat(codes.isSelected(0, 2)).isTrue();
    assertThat(codes.isMissing(1)).isTrue();
    assertThat(codes.isSelected(2, 1)).isTrue();
    assertThat(result.problems()).extracting(InputProblem::describe).containsExactly(
        "coded.csv:4: column \"codes\", value \"zz\", unknown option of codes; the codebook has [sa, sb, sc]");
  }

  @Test
  void codebook_labelsCategoriesAndFlagsMissingCodes() {
    Codebook codebook = Codebook.read(new StringReader("""
        variable,code,label,missing
        sector,1,NHS,
        sector,2,Council,0
        sector,9,Prefer not to say,1
        """), "codebook.csv");
    SurveyMapping mapping = SurveyMapping.builder("id").categorical("sector").build().withCodebook(codebook);
    Dataset data = SurveyCsvReader.read(new StringReader("id,sector\nA,2\nB,9\n"), "s.csv", mapping,
        ReadMode.STRICT).value();

    assertThat(data.categorical("sector").categoryAt(0).orElseThrow().label()).isEqualTo("Council");
    assertThat(data.categorical("sector").isMissing(1)).isTrue();
  }

  @Test
  void codebook_duplicateCode_failsNamingLine() {
    assertThatThrownBy(() -> Codebook.read(new StringReader("variable,code,label\ns,1,A\ns,1,B\n"), "cb.csv"))
        .hasMessage("cb.csv:3: column \"code\", value \"1\", code listed twice for variable s");
  }

  @Test
  void codebook_missingColumn_failsNamingIt() {
    assertThatThrownBy(() -> Codebook.read(new StringReader("variable,value,label\n"), "cb.csv"))
        .hasMessage("cb.csv:1: column \"code\", missing column; a codebook needs variable,code,label (found "
            + "[variable, value, label])");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "0x1p3|not a number", "40f|not a number", "NaN|not a number", "Infinity|not a number",
      "1e400|too large a number (beyond 1.8e308)"})
  void read_numberInAFormAPersonWouldNotWrite_failsNamingIt(String value, String why) {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0," + value + ",\n"))
        .hasMessage("survey.csv:2: column \"age\", value \"" + value + "\", " + why + " (numeric variable age; "
            + "use . as the decimal point)");
  }

  @Test
  void read_headerOnly_failsInEitherMode() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\n", ReadMode.LENIENT))
        .hasMessage("survey.csv:1: the file has a header but no respondents");
  }

  @Test
  void read_emptyText_fails() {
    assertThatThrownBy(() -> read("\n\n", ReadMode.LENIENT))
        .hasMessage("survey.csv: the file is empty: expected a header row");
  }

  @Test
  void read_rowsEndingInEmptyFieldsBeyondTheHeader_areKeptWithOneNote() {
    ReadResult<Dataset> result = read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0,1,,,\nR2,NHS,1,0,1,,\n"
        + "R3,NHS,1,0,1,\n", ReadMode.STRICT);

    assertThat(result.value().rowCount()).isEqualTo(3);
    assertThat(result.notes()).extracting(InputProblem::describe).containsExactly("survey.csv:2: 2 rows (the first "
        + "on line 2) end with empty fields beyond the header's 6; the empty fields are ignored");
  }

  @Test
  void read_rowWithExtraNonEmptyFields_isLeftOutAndReported() {
    ReadResult<Dataset> result = read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0,1,,extra\nR2,NHS,1,0,1,\n",
        ReadMode.LENIENT);

    assertThat(result.value().rowCount()).isEqualTo(1);
    assertThat(result.problems()).extracting(InputProblem::describe).containsExactly("survey.csv:2: expected 6 "
        + "fields as in the header but found 7; the row is left out");
  }

  @Test
  void read_mappedColumnNamedTwiceInTheHeader_isRefusedAsAmbiguous() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment,age\nR1,NHS,1,0,1,,2\n"))
        .hasMessage("survey.csv:1: column \"age\", ambiguous column: the header names 2 columns age (columns 5 and "
            + "7), read as age_1, age_2; give one of those");
  }

  @Test
  void read_unterminatedQuote_failsInLenientModeToo_ratherThanReadingTheRestAsOneAnswer() {
    assertThatThrownBy(() -> read("id,sector,pri_a,pri_b,age,comment\nR1,NHS,1,0,1,\"oops\nR2,NHS,1,0,1,\n",
        ReadMode.LENIENT))
        .hasMessage("survey.csv:2: column \"comment\", a quote opened on line 2 (field 6) is never closed: the rest "
            + "of the file would be one answer; close the quote or remove it");
  }
}
