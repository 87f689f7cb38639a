package dev.insight.codeframe.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.CodeSet;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.Sentiment;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.core.input.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterchangeTest {

  static Codeframe rich(boolean withSets) {
    Codeframe.Builder builder = Codeframe.builder("feedback").version("2")
        .net("staff", "Staff", null)
        .add(Code.builder(CodeId.of("sa"), "Attitude of staff").parent(CodeId.of("staff"))
            .description("How staff treat patients").include("kindness, rudeness").exclude("numbers of staff: sl")
            .example("The nurse was lovely").example("Receptionist was rude")
            .rule("rude OR kind OR friendly").color("#a0b0c0").build())
        .code("sl", "Staffing levels", "staff")
        .sentimentVariants("food", "Food", null, Sentiment.POSITIVE, Sentiment.NEGATIVE)
        .reserved("na", "No answer", Reserved.NO_ANSWER)
        .reserved("oth", "Other", Reserved.OTHER);
    if (withSets) {
      builder.set(new CodeSet("report", "Codes in the report", List.of(CodeId.of("sa"), CodeId.of("food-positive"))));
    }
    return builder.build();
  }

  private static Reader resource(String name) {
    return new InputStreamReader(stream(name), StandardCharsets.UTF_8);
  }

  private static InputStream stream(String name) {
    InputStream in = InterchangeTest.class.getResourceAsStream("/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  @Test
  void json_roundTrip_keepsEverything() {
    Codeframe frame = rich(true);
    StringWriter out = new StringWriter();

    CodeframeJson.write(frame, out);

    assertThat(CodeframeJson.read(new StringReader(out.toString()), "f.json")).isEqualTo(frame);
  }

  @Test
  void csv_roundTrip_keepsEverythingButTheName() {
    Codeframe frame = rich(false);
    StringWriter out = new StringWriter();

    CodebookCsv.write(frame, out);

    assertThat(CodebookCsv.read(new StringReader(out.toString()), "f.csv", "feedback", "2")).isEqualTo(frame);
  }

  @Test
  void csv_textThatLooksLikeAFormula_isNeutralisedAndReadsBackEqual() {
    Codeframe frame = Codeframe.builder("feedback").version("2")
        .add(Code.builder(CodeId.of("eq"), "=HYPERLINK(\"http://example.org\")").description("-worse than before")
            .include("@mentions").rule("wait*").build())
        .code("q", "'=already quoted", null)
        .build();
    StringWriter out = new StringWriter();

    CodebookCsv.write(frame, out);

    assertThat(out.toString()).contains("\"'=HYPERLINK(\"\"http://example.org\"\")\"", "'-worse than before",
        "'@mentions", "''=already quoted");
    assertThat(CodebookCsv.read(new StringReader(out.toString()), "f.csv", "feedback", "2")).isEqualTo(frame);
  }

  @Test
  void csv_frameWithSets_refusedRatherThanLost() {
    assertThatThrownBy(() -> CodebookCsv.write(rich(true), new StringWriter()))
        .hasMessageContaining("has 1 code set(s), which a CSV codebook cannot keep");
  }

  @Test
  void qdc_roundTrip_keepsEverythingButNameAndVersion() {
    Codeframe frame = rich(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    RefiQdaCodebook.write(frame, out);

    String xml = out.toString(StandardCharsets.UTF_8);
    assertThat(xml).contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"")
        .contains("isCodable=\"false\"").contains("<MemberCode guid=");
    Codeframe back = RefiQdaCodebook.read(new ByteArrayInputStream(out.toByteArray()), "f.qdc", "feedback");
    assertThat(back.withVersion("2")).isEqualTo(frame);
  }

  @Test
  void qdc_exportTwice_sameGuids() {
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    RefiQdaCodebook.write(rich(true), a);
    RefiQdaCodebook.write(rich(true), b);

    assertThat(a.toString(StandardCharsets.UTF_8)).isEqualTo(b.toString(StandardCharsets.UTF_8));
  }

  @Test
  void qdc_fromAnotherTool_guidsBecomeIdsAndSetsAreKept() {
    Codeframe frame = RefiQdaCodebook.read(stream("qdc/nvivo-like.qdc"), "nvivo-like.qdc", "nvivo");

    CodeId staff = CodeId.of("a1b2c3d4-0000-4000-8000-000000000001");
    CodeId attitude = CodeId.of("a1b2c3d4-0000-4000-8000-000000000002");
    assertThat(frame.codes()).hasSize(4);
    assertThat(frame.code(staff).codable()).isTrue();
    assertThat(frame.code(staff).color()).isEqualTo("#FF0000");
    assertThat(frame.isNet(staff)).isTrue();
    assertThat(frame.code(attitude).parent()).isEqualTo(staff);
    assertThat(frame.code(attitude).description()).isEqualTo("Kindness, rudeness.");
    assertThat(frame.code(attitude).examples()).containsExactly("The nurse was lovely");
    assertThat(frame.sets()).containsExactly(new CodeSet("Report codes", "Codes in the board report",
        List.of(attitude, CodeId.of("a1b2c3d4-0000-4000-8000-000000000004"))));
  }

  @Test
  void qdc_codesNestedDeeperThanAnyToolWrites_refusedNamingTheCode() {
    StringBuilder xml = new StringBuilder("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>");
    for (int i = 0; i < 5_000; i++) {
      xml.append(String.format("<Code guid=\"c0000000-0000-4000-8000-%012d\" name=\"c\" isCodable=\"true\">", i));
    }
    xml.append("</Code>".repeat(5_000)).append("</Codes></CodeBook>");

    assertThatThrownBy(() -> RefiQdaCodebook.read(new ByteArrayInputStream(xml.toString().getBytes(
        StandardCharsets.UTF_8)), "deep.qdc", "deep")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("deep.qdc:1: column \"Code\", value \"c0000000-0000-4000-8000-000000000100\", codes "
            + "nested more than 100 deep");
  }

  @Test
  void qdc_withDoctypeAndExternalEntity_isRefused() {
    assertThatThrownBy(() -> RefiQdaCodebook.read(stream("qdc/xxe.qdc"), "xxe.qdc", "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("xxe.qdc:")
        .hasMessageContaining("DOCTYPE and entity declarations are not allowed in a codebook")
        .hasMessageNotContaining("root:");
  }

  @Test
  void qdc_malformed_namesTheLine() {
    assertThatThrownBy(() -> RefiQdaCodebook.read(stream("qdc/malformed.qdc"), "malformed.qdc", "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("malformed.qdc:5: malformed XML:");
  }

  @Test
  void qdc_projectFileInsteadOfCodebook_saysSo() {
    assertThatThrownBy(() -> RefiQdaCodebook.read(stream("qdc/wrong-namespace.qdc"), "p.qdc", "x"))
        .hasMessage("p.qdc:2: column \"Project\", value \"urn:QDA-XML:project:1.0\", not a REFI-QDA codebook: the "
            + "root must be CodeBook in namespace urn:QDA-XML:codebook:1.0");
  }

  /**
   * ATLAS.ti for Windows (23.4, 26.1) writes its codebook in the namespace of the standard's draft,
   * {@code urn:QDA-XML:codebook:0:4}, and NVivo 12 for Mac spells the version {@code 1:0}; the elements are the
   * standard's, so the codebook is read the same as one in {@code urn:QDA-XML:codebook:1.0}.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"urn:QDA-XML:codebook:1.0", "urn:QDA-XML:codebook:0:4", "urn:QDA-XML:codebook:1:0"})
  void qdc_inTheNamespaceSpellingAToolWrites_isReadAlike(String namespace) {
    String qdc = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"" + namespace + "\" "
        + "origin=\"ATLAS.ti Win 26.1.1\"><Codes><Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\"Parking\" "
        + "color=\"#46AA00\" isCodable=\"true\"><Description>Cars and bays</Description><Code "
        + "guid=\"14C4E248-F726-42CB-B1CD-A65D6A86F296\" name=\"Cost\" isCodable=\"true\"/></Code></Codes><Sets><Set "
        + "name=\"Money\" guid=\"ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0\"><MemberCode "
        + "guid=\"14C4E248-F726-42CB-B1CD-A65D6A86F296\"/></Set></Sets></CodeBook>";

    Codeframe frame = RefiQdaCodebook.read(new ByteArrayInputStream(qdc.getBytes(StandardCharsets.UTF_8)), "a.qdc",
        "a");

    assertThat(frame.codes()).extracting(Code::label).containsExactly("Parking", "Cost");
    assertThat(frame.code(CodeId.of("14C4E248-F726-42CB-B1CD-A65D6A86F296")).parent())
        .isEqualTo(CodeId.of("1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"));
    assertThat(frame.code(CodeId.of("1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294")).description()).isEqualTo("Cars and bays");
    assertThat(frame.sets()).containsExactly(new CodeSet("Money", "",
        List.of(CodeId.of("14C4E248-F726-42CB-B1CD-A65D6A86F296"))));
  }

  /**
   * QualCoder writes its codebook with a byte-order mark (Python's {@code utf-8-sig}) and its categories as codes that
   * cannot be coded: the mark is not content, and the file reads as without it.
   */
  @Test
  void qdc_withAByteOrderMarkAsQualCoderWritesIt_isReadAsWithout() throws IOException {
    String qdc = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" "
        + "origin=\"QualCoder 3.8.2\">\n<Codes>\n<Code guid=\"6b6f6c62-1111-4a2b-8c3d-000000000001\" name=\"Access\" "
        + "isCodable=\"false\">\n<Description>Things that stopped families enrolling.</Description>\n<Code "
        + "guid=\"6b6f6c62-1111-4a2b-8c3d-000000000002\" name=\"Transport\" isCodable=\"true\" color=\"#61AFEF\"/>\n"
        + "</Code>\n</Codes>\n</CodeBook>\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write(qdc.getBytes(StandardCharsets.UTF_8));

    Codeframe withMark = RefiQdaCodebook.read(new ByteArrayInputStream(bytes.toByteArray()), "q.qdc", "q");

    assertThat(withMark).isEqualTo(RefiQdaCodebook.read(new ByteArrayInputStream(qdc.getBytes(
        StandardCharsets.UTF_8)), "q.qdc", "q"));
    assertThat(withMark.codes()).extracting(Code::label, Code::codable).containsExactly(
        tuple("Access", false), tuple("Transport", true));
  }

  @ParameterizedTest(name = "namespace \"{0}\"")
  @ValueSource(strings = {"urn:QDA-XML:codebook:2.0", "urn:QDA-XML:codebook:0.4", "urn:QDA-XML:project:1.0", ""})
  void qdc_inAnotherNamespace_isRefusedNamingIt(String namespace) {
    String qdc = "<CodeBook" + (namespace.isEmpty() ? "" : " xmlns=\"" + namespace + "\"") + "><Codes/></CodeBook>";

    assertThatThrownBy(() -> RefiQdaCodebook.read(new ByteArrayInputStream(qdc.getBytes(StandardCharsets.UTF_8)),
        "b.qdc", "b")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column \"CodeBook\"")
        .hasMessageEndingWith("not a REFI-QDA codebook: the root must be CodeBook in namespace "
            + "urn:QDA-XML:codebook:1.0");
  }

  @Test
  void fixture_twoLevelCodeframe_categoriesAreNetsAndShortCodesAreCodes() {
    Codeframe frame = CodebookCsv.read(resource("patient-feedback/fft-two-level-codebook.csv"),
        "fft-two-level-codebook.csv", "fft-two-level", "");

    assertThat(frame.nets()).hasSize(9);
    assertThat(frame.codable()).hasSize(44);
    assertThat(frame.code(CodeId.of("sa")).label()).isEqualTo("Attitude Of Staff");
    assertThat(frame.code(CodeId.of("sa")).parent()).isEqualTo(CodeId.of("staff"));
    assertThat(frame.codableUnder(CodeId.of("staff"))).extracting(CodeId::value).containsExactly("sa", "sl", "sp", "ss");
    assertThat(RuleCoder.of(frame).ruleCount()).isEqualTo(10);
  }

  @Test
  void fixture_v6Framework_fiftyCodesWithReservedOnes() {
    Codeframe frame = CodebookCsv.read(resource("patient-feedback/fft-v6-codebook.csv"), "fft-v6-codebook.csv",
        "v6", "6");

    assertThat(frame.codable()).hasSize(50);
    assertThat(frame.reserved(Reserved.NO_ANSWER).orElseThrow().label()).isEqualTo("Labelling not possible");
    assertThat(frame.reserved(Reserved.OTHER).orElseThrow().label()).isEqualTo("Not assigned");
  }

  @Test
  void fixture_rawTriples_duplicateShortCodeReportedWithBothLines() {
    assertThatThrownBy(() -> CodebookCsv.read(resource("patient-feedback/fft-two-level-raw-triples.csv"),
        "fft-two-level-raw-triples.csv", "raw", ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fft-two-level-raw-triples.csv:54: value \"xn\", duplicate code id xn (first on line 53)");
  }

  @Test
  void csv_cycleAndUnknownParentAndBadRule_allReportedWithLines() {
    String csv = "code,label,parent,description,rule\n"
        + "a,A,c,,\n"
        + "b,B,a,,\n"
        + "c,C,b,,\n"
        + "d,D,zz,,\n"
        + "e,E,,,staff AND (rude\n";

    assertThatThrownBy(() -> CodebookCsv.read(new StringReader(csv), "cf.csv", "cf", ""))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.describe())
            .containsExactlyInAnyOrder(
                "cf.csv:6: column \"rule\", value \"staff AND (rude\", code e: rule syntax error at position 16: "
                    + "expected ')' to close the '(' at position 11 but found end of rule in rule 'staff AND (rude'",
                "cf.csv:5: value \"d\", code d has unknown parent zz",
                "cf.csv:2: value \"a\", cycle of parents: a -> c -> b -> a"));
  }

  @Test
  void csv_missingRequiredColumn_andUnknownColumn_named() {
    assertThatThrownBy(() -> CodebookCsv.read(new StringReader("code,label,notes\na,A,x\n"), "cf.csv", "cf", ""))
        .hasMessageContaining("cf.csv:1: column \"notes\", unknown codebook column (it would be lost)")
        .hasMessageContaining("cf.csv:1: column \"parent\", required column is missing");
  }

  @Test
  void json_deeplyNestedOrHugeNumber_refusedNamingTheLimit() {
    String deep = "{\"name\": \"f\", \"codes\": [{\"id\": \"a\", \"label\": " + "[".repeat(10_000)
        + "]".repeat(10_000) + "}]}";
    String number = "{\"name\": \"f\", \"version\": " + "1".repeat(1_000) + "}";

    assertThatThrownBy(() -> CodeframeJson.read(new StringReader(deep), "f.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("f.json:1: the JSON passes a read limit: Document nesting depth (101) exceeds the maximum allowed "
            + "(100); if the file is trusted, raise the limit with -Dinsight.json.maxNestingDepth=N");
    assertThatThrownBy(() -> CodeframeJson.read(new StringReader(number), "f.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("f.json:1: the JSON passes a read limit: Number value length (1000) exceeds the "
            + "maximum allowed (100); if the file is trusted, raise the limit with -Dinsight.json.maxNumberLength=N");
  }

  @Test
  void json_nullOrAnArray_saysWhatACodeframeFileHolds() {
    for (String json : List.of("null", "[]", "42")) {
      assertThatThrownBy(() -> CodeframeJson.read(new StringReader(json), "f.json"))
          .as(json)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("f.json:1: a codeframe file is a JSON object with \"name\", \"version\" and \"codes\"");
    }
  }

  @Test
  void json_malformed_namesTheLine() {
    String json = "{\n  \"name\": \"f\",\n  \"codes\": [\n    {\"id\": \"a\" \"label\": \"A\"}\n  ]\n}\n";

    assertThatThrownBy(() -> CodeframeJson.read(new StringReader(json), "f.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("f.json:4: malformed JSON: Unexpected character ('\"'");
  }

  @Test
  void json_unknownFieldMissingLabelAndBadReserved_allReported() {
    String json = "{\"name\": \"f\", \"codes\": [\n"
        + "{\"id\": \"a\", \"label\": \"A\", \"lable\": \"typo\"},\n"
        + "{\"id\": \"b\"},\n"
        + "{\"id\": \"c\", \"label\": \"C\", \"reserved\": \"none\"}\n"
        + "]}\n";

    assertThatThrownBy(() -> CodeframeJson.read(new StringReader(json), "f.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("f.json:2: column \"lable\", unknown field of a code")
        .hasMessageContaining("f.json:3: column \"label\", every code needs an \"id\" and a \"label\"")
        .hasMessageContaining("f.json:4: column \"reserved\", value \"none\", not a reserved meaning");
  }

  @Test
  void files_writeAndReadEachFormat_byExtension(@TempDir Path dir) {
    for (String name : List.of("cf.json", "cf.qdc")) {
      Path file = dir.resolve(name);
      CodeframeFiles.write(rich(true), file);
      assertThat(CodeframeFiles.read(file).codes()).isEqualTo(rich(true).codes());
    }
    Path csv = dir.resolve("cf.csv");
    CodeframeFiles.write(rich(false), csv);
    assertThat(CodeframeFiles.read(csv).codes()).isEqualTo(rich(false).codes());
    assertThatThrownBy(() -> CodeframeFiles.read(dir.resolve("cf.txt")))
        .hasMessageContaining("must end in .json, .csv or .qdc");
  }

  @Test
  void files_failedWrite_leavesNoPartialFile(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("cf.csv");

    assertThatThrownBy(() -> CodeframeFiles.write(rich(true), csv)).isInstanceOf(IllegalArgumentException.class);

    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
