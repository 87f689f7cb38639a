package dev.insight.codeframe.qdpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.RefiQdaSchemas;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/**
 * Projects in the shapes real tools write them, each a synthetic fixture (our own content) that reproduces one
 * structural feature of a tool's output: MAXQDA 24 (checked against a real MAXQDA 24.7 project), QualCoder (as its
 * REFI-QDA export module writes a project), ATLAS.ti (its line breaks), and the source kinds insight does not read.
 */
class QdpxRealToolShapesTest {
  private static final String USER = "0a1b2c3d-0000-4000-8000-00000000aa01";
  @TempDir
  Path dir;

  /**
   * MAXQDA 24: upper-case GUIDs everywhere (users, codes, sources, selections), {@code isCodable="true"} on the parent
   * codes of every tree, long and multi-line descriptions with entities, text files under {@code sources/} named by
   * the source's upper-case GUID, and document sets written as {@code Sets/Set/MemberSource} (a real MAXQDA 24.7
   * project of 307 codes and 10 sources has two such sets and no code set). The fixture's first text has characters
   * outside the Basic Multilingual Plane before its selections, so counting UTF-16 units instead of code points would
   * select other words.
   */
  @Test
  void maxqdaShape_readsTheCodeTreeTheSelectionsInCodePointsAndTheDocumentSetsAsSetsOfSources() {
    ReadResult<QdpxProject> result = QdpxImporter.read(QdpxFixtures.zipResource("/refi-qda/maxqda-shape",
        dir.resolve("maxqda.qdpx")), ReadMode.STRICT);
    QdpxProject project = result.value();

    assertThat(project.name()).isEqualTo("Park consultation");
    assertThat(project.codeframe().codes()).hasSize(5);
    assertThat(project.codeframe().roots()).hasSize(2);
    CodeId walking = CodeId.of("0A1B2C3D-0000-4000-8000-00000000C003");
    assertThat(project.codeframe().code(walking).parent()).isEqualTo(CodeId.of("0A1B2C3D-0000-4000-8000-00000000C001"));
    assertThat(project.codeframe().code(walking).description()).isEqualTo("Walking, with or without a dog.");
    assertThat(project.codeframe().code(CodeId.of("0A1B2C3D-0000-4000-8000-00000000C002")).description())
        .isEqualTo("Children's play & games, including \u201cinformal\u201d football.");
    assertThat(project.codeframe().code(CodeId.of("0A1B2C3D-0000-4000-8000-00000000C004")).codable()).isTrue();
    assertThat(project.codeframe().sets()).isEmpty();
    assertThat(project.sourceSets()).containsExactly(
        Map.entry("Residents", List.of("0a1b2c3d-0000-4000-8000-00000000d001", "0a1b2c3d-0000-4000-8000-00000000d002")),
        Map.entry("Groups", List.of("0a1b2c3d-0000-4000-8000-00000000d003")));
    assertThat(project.sources()).extracting(QdpxProject.Source::name)
        .containsExactly("Resident 1", "Resident 2", "Youth group");
    assertThat(project.segments()).extracting(QdpxProject.Segment::text)
        .containsExactly("We walk the dog there every day.", "The lights on the path are broken.");
    UnitId lights = UnitId.of("0a1b2c3d-0000-4000-8000-00000000e002");
    assertThat(project.coding().codes(lights)).containsExactlyInAnyOrder(
        CodeId.of("0A1B2C3D-0000-4000-8000-00000000C005"), CodeId.of("0A1B2C3D-0000-4000-8000-00000000C004"));
    assertThat(project.coding().assignments(lights).get(0).provenance())
        .isEqualTo(new Provenance.Human("kim", Instant.parse("2026-05-02T11:01:05Z")));
    assertThat(result.problems()).isEmpty();
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void maxqdaShapedFixture_isValidAgainstTheProjectSchema() throws Exception {
    RefiQdaSchemas.validate(RefiQdaSchemas.PROJECT, QdpxFixtures.bytes("/refi-qda/maxqda-shape/project.qde"));
  }

  /**
   * QualCoder (its REFI-QDA export): {@code project.qde} and every text file begin with a byte-order mark (written
   * as {@code utf-8-sig}); the folder is {@code Sources/}; user GUIDs are lower case; categories are codes with
   * {@code isCodable="false"} and no colour; one {@code PlainTextSelection} per code, so a span coded with two codes
   * is two selections; a {@code Coding} has a {@code creatingUser} but no time (the selection has it); cases carry a
   * {@code Description}, {@code VariableValue}s of the project's {@code Variables} and a {@code SourceRef}; a source
   * carries its memo as {@code Description}, its variables, and a {@code NoteRef} to an annotation, which is a
   * {@code Note} with {@code PlainTextContent} and a {@code PlainTextSelection}; journals are notes whose text is a
   * file; the project's memo is the closing {@code Description}. QualCoder writes a source's {@code VariableValue}s
   * before its {@code NoteRef}, against the schema's order: the reader takes the elements in any order.
   */
  @Test
  void qualCoderShape_readsTheProjectWithItsCasesVariablesNotesAndOneSegmentPerSpan() throws Exception {
    assertThatThrownBy(() -> RefiQdaSchemas.validate(RefiQdaSchemas.PROJECT,
        QdpxFixtures.bytes("/refi-qda/qualcoder-shape/project.qde"))).isInstanceOf(SAXException.class)
        .hasMessageContaining("NoteRef");

    ReadResult<QdpxProject> result = QdpxImporter.read(QdpxFixtures.zipResource("/refi-qda/qualcoder-shape",
        dir.resolve("qualcoder.qdpx")), ReadMode.STRICT);
    QdpxProject project = result.value();

    assertThat(project.sources()).singleElement().satisfies(source -> {
      assertThat(source.text()).startsWith("The library").doesNotContain("\uFEFF");
      assertThat(source.variables()).containsExactly(Map.entry("Visits per month", "4"));
      assertThat(source.memo()).isEqualTo("Typed up from the paper form");
    });
    assertThat(project.codeframe().code(CodeId.of("5b0d8f3e-2c4a-4e1b-9f60-3a7d1c2e4c10")).codable()).isFalse();
    assertThat(project.segments()).extracting(QdpxProject.Segment::text)
        .containsExactly("The library shuts at five, too early for me.", "Study rooms are always full by ten.");
    assertThat(project.segments()).extracting(QdpxProject.Segment::memo).containsExactly("A clear example", "");
    UnitId shuts = UnitId.of("5b0d8f3e-2c4a-4e1b-9f60-3a7d1c2e4e01");
    assertThat(project.coding().codes(shuts)).containsExactly(CodeId.of("5b0d8f3e-2c4a-4e1b-9f60-3a7d1c2e4c01"),
        CodeId.of("5b0d8f3e-2c4a-4e1b-9f60-3a7d1c2e4c03"));
    assertThat(project.coding().assignments(shuts).get(0).provenance())
        .isEqualTo(new Provenance.Human("sam", Instant.parse("2026-04-02T10:00:00Z")));
    assertThat(project.coding().assignments(UnitId.of("5b0d8f3e-2c4a-4e1b-9f60-3a7d1c2e4e03")).get(0).provenance())
        .isEqualTo(new Provenance.Human("ali", Instant.parse("2026-04-03T14:00:00Z")));
    assertThat(project.cases()).containsExactly(Map.entry("Respondent A", List.of(shuts,
        UnitId.of("5b0d8f3e-2c4a-4e1b-9f60-3a7d1c2e4e03"))));
    assertThat(project.caseVariables()).containsExactly(Map.entry("Respondent A",
        Map.of("Age group", "18-29", "Visits per month", "4")));
    assertThat(project.notes()).extracting(QdpxProject.Note::text)
        .containsExactly("First pass: opening hours dominate.", "Is five the weekday or the Saturday time?");
    assertThat(project.notes().get(1).sources()).containsExactly("5b0d8f3e-2c4a-4e1b-9f60-3a7d1c2e4b00");
    assertThat(project.notes().get(1).author()).isEqualTo("ali");
    assertThat(result.notes()).extracting(InputProblem::message).containsExactly(
        "1 selection covers the same words of a source as another (a selection per code, as QualCoder writes "
            + "them): each span is one segment with all its codes",
        "3 codings record no time of their own and carry their selection's");
  }

  private static String project(String origin, String sources) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Shapes\" origin=\"" + origin + "\">\n"
        + "<Users><User guid=\"" + USER + "\" name=\"lee\"/></Users>\n"
        + "<CodeBook><Codes>\n"
        + "<Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"Parking\" isCodable=\"true\"/>\n"
        + "<Code guid=\"c0000000-0000-4000-8000-000000000002\" name=\"Themes\" isCodable=\"false\">"
        + "<Code guid=\"c0000000-0000-4000-8000-000000000003\" name=\"Cost\" isCodable=\"true\"/></Code>\n"
        + "</Codes></CodeBook>\n"
        + "<Sources>\n" + sources + "</Sources>\n"
        + "</Project>\n";
  }

  private static String selection(String guid, int start, int end, String code) {
    return "<PlainTextSelection guid=\"" + guid + "\" startPosition=\"" + start + "\" endPosition=\"" + end + "\">"
        + "<Coding guid=\"" + guid.replace("e000", "f000") + "\" creatingUser=\"" + USER + "\" "
        + "creationDateTime=\"2026-01-05T10:00:00Z\"><CodeRef targetGUID=\"" + code + "\"/></Coding>"
        + "</PlainTextSelection>";
  }

  private static final String TEXT_SOURCE = "<TextSource guid=\"b0000000-0000-4000-8000-000000000001\" name=\"notes\">"
      + "<PlainTextContent>No parking near the clinic.</PlainTextContent>"
      + selection("e0000000-0000-4000-8000-000000000001", 0, 10, "c0000000-0000-4000-8000-000000000001")
      + "</TextSource>\n";

  /**
   * NVivo, MAXQDA and QualCoder put pictures, audio and video in the same project as texts ({@code PictureSource}
   * with {@code PictureSelection}s, {@code AudioSource}, {@code VideoSource}): insight reads text only, and says so
   * with the number of codings it leaves out, never dropping them silently.
   */
  @Test
  void nonTextSources_areProblemsWithTheirCodingsInStrictModeAndListedInLenientMode() {
    String picture = "<PictureSource guid=\"b0000000-0000-4000-8000-000000000002\" name=\"map.png\" "
        + "path=\"internal://b0000000-0000-4000-8000-000000000002.png\">"
        + "<PictureSelection guid=\"e0000000-0000-4000-8000-000000000009\" firstX=\"1\" firstY=\"1\" secondX=\"9\" "
        + "secondY=\"9\"><Coding guid=\"f0000000-0000-4000-8000-000000000009\"><CodeRef "
        + "targetGUID=\"c0000000-0000-4000-8000-000000000003\"/></Coding></PictureSelection></PictureSource>\n"
        + "<AudioSource guid=\"b0000000-0000-4000-8000-000000000003\" name=\"call.mp3\" "
        + "path=\"internal://b0000000-0000-4000-8000-000000000003.mp3\"/>\n";
    Path file = QdpxFixtures.zip(dir.resolve("media.qdpx"), project("NVivo 14", TEXT_SOURCE + picture), Map.of());

    assertThatThrownBy(() -> QdpxImporter.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file + ": column \"PictureSource map.png\", only text is read (a TextSource, or a "
            + "PDFSource's text Representation): this PictureSource and its 1 coding are not imported")
        .hasMessageContaining("column \"AudioSource call.mp3\", only text is read (a TextSource, or a PDFSource's "
            + "text Representation): this AudioSource and its 0 codings are not imported")
        .hasMessageContaining("2 sources hold what insight does not read (pictures, audio, video, areas of a PDF): a "
            + "lenient read (insight code import --lenient) imports the rest of the project and lists what is left out");

    ReadResult<QdpxProject> lenient = QdpxImporter.read(file, ReadMode.LENIENT);
    assertThat(lenient.value().sources()).extracting(QdpxProject.Source::name).containsExactly("notes");
    assertThat(lenient.value().coding().codes(UnitId.of("e0000000-0000-4000-8000-000000000001")))
        .containsExactly(CodeId.of("c0000000-0000-4000-8000-000000000001"));
    assertThat(lenient.problems()).extracting(InputProblem::column).containsExactly("PictureSource map.png",
        "AudioSource call.mp3");
  }

  /**
   * A {@code PDFSource} (MAXQDA, NVivo, QualCoder) holds its text as a {@code Representation} (a text source with
   * its own {@code plainTextPath} and {@code PlainTextSelection}s): that text and its codings are read; the
   * {@code PDFSelection}s (areas of the page) are not, and are listed.
   */
  @Test
  void pdfSource_isReadThroughItsTextRepresentationAndItsAreaSelectionsAreListed() {
    String pdf = "<PDFSource guid=\"b0000000-0000-4000-8000-000000000004\" name=\"minutes.pdf\" "
        + "path=\"internal://b0000000-0000-4000-8000-000000000004.pdf\">"
        + "<PDFSelection guid=\"e0000000-0000-4000-8000-000000000008\" page=\"1\" firstX=\"1\" firstY=\"1\" "
        + "secondX=\"9\" secondY=\"9\"><Coding guid=\"f0000000-0000-4000-8000-000000000008\"><CodeRef "
        + "targetGUID=\"c0000000-0000-4000-8000-000000000001\"/></Coding></PDFSelection>"
        + "<Representation guid=\"b0000000-0000-4000-8000-000000000005\" name=\"minutes\" "
        + "plainTextPath=\"internal://b0000000-0000-4000-8000-000000000005.txt\">"
        + selection("e0000000-0000-4000-8000-000000000005", 8, 12, "c0000000-0000-4000-8000-000000000003")
        + "</Representation></PDFSource>\n";
    Path file = QdpxFixtures.zip(dir.resolve("pdf.qdpx"), project("MAXQDA 2022", pdf),
        Map.of("sources/b0000000-0000-4000-8000-000000000005.txt", "The fee for parking rose."));

    ReadResult<QdpxProject> result = QdpxImporter.read(file, ReadMode.LENIENT);

    assertThat(result.value().sources()).singleElement().satisfies(s -> {
      assertThat(s.guid()).isEqualTo("b0000000-0000-4000-8000-000000000004");
      assertThat(s.name()).isEqualTo("minutes.pdf");
    });
    assertThat(result.value().segments()).extracting(QdpxProject.Segment::text).containsExactly("for ");
    assertThat(result.problems()).extracting(InputProblem::describe).containsExactly(file + ": column \"PDFSource "
        + "minutes.pdf\", its text is read, but its PDFSelections (areas of the page) and their 1 coding are not "
        + "imported");
  }

  /**
   * ATLAS.ti writes its text files with Windows line breaks (CR LF) but counts each as one character in the
   * selections' positions (QualCoder's importer corrects for it the same way): read as they are, every selection
   * after the first line would be shifted by one character per line break before it.
   */
  @Test
  void atlasTiShape_countsAWindowsLineBreakAsOneCharacter() {
    String text = "Line one.\r\nLine two.\r\nParking is a nightmare.\r\n";
    int start = text.replace("\r\n", "\n").indexOf("Parking");
    String source = "<TextSource guid=\"b0000000-0000-4000-8000-000000000006\" name=\"interview\" "
        + "plainTextPath=\"internal://b0000000-0000-4000-8000-000000000006.txt\">"
        + selection("e0000000-0000-4000-8000-000000000006", start, start + 23, "c0000000-0000-4000-8000-000000000001")
        + "</TextSource>\n";
    Path file = QdpxFixtures.zip(dir.resolve("atlas.qdpx"), project("ATLAS.ti 23.2.1", source),
        Map.of("sources/b0000000-0000-4000-8000-000000000006.txt", text));

    ReadResult<QdpxProject> result = QdpxImporter.read(file, ReadMode.STRICT);

    assertThat(result.value().segments()).extracting(QdpxProject.Segment::text)
        .containsExactly("Parking is a nightmare.");
    assertThat(result.notes()).extracting(InputProblem::message).containsExactly("ATLAS.ti counts a Windows line "
        + "break (CR LF) as one character: the text of 1 source is read with LF line breaks");
  }

  /**
   * ATLAS.ti writes its comment on a quotation as the selection's {@code Description}, on a quotation that may have no
   * code at all (the standard's sample project has one of each); it is the segment's memo, and the comments of
   * selections of the same span are kept together.
   */
  @Test
  void atlasTiQuotationComments_areTheSegmentsMemos() {
    String text = "Mabel has Coke for breakfast. Simon eats toast.";
    String source = "<TextSource guid=\"b0000000-0000-4000-8000-000000000006\" name=\"Mabel.txt\" "
        + "plainTextPath=\"internal://b0000000-0000-4000-8000-000000000006.txt\">"
        + "<Description>Transcribed by hand</Description>"
        + "<PlainTextSelection guid=\"e0000000-0000-4000-8000-000000000011\" startPosition=\"0\" endPosition=\"29\" "
        + "name=\"Mabel has Coke\"><Description>Not the only one who has Coke for breakfast!</Description>"
        + "</PlainTextSelection>"
        + selection("e0000000-0000-4000-8000-000000000012", 30, 47, "c0000000-0000-4000-8000-000000000001")
            .replaceFirst("\">", "\"><Description>Why toast?</Description>")
        + selection("e0000000-0000-4000-8000-000000000013", 30, 47, "c0000000-0000-4000-8000-000000000003")
            .replaceFirst("\">", "\"><Description>\n  And not cereal?\n</Description>")
        + "</TextSource>\n";
    Path file = QdpxFixtures.zip(dir.resolve("atlas.qdpx"), project("ATLAS.ti 26.1.2", source),
        Map.of("sources/b0000000-0000-4000-8000-000000000006.txt", text));

    QdpxProject project = QdpxImporter.read(file);

    assertThat(project.sources()).singleElement().extracting(QdpxProject.Source::memo)
        .isEqualTo("Transcribed by hand");
    assertThat(project.segments()).extracting(QdpxProject.Segment::text, QdpxProject.Segment::memo).containsExactly(
        tuple("Mabel has Coke for breakfast.", "Not the only one who has Coke for breakfast!"),
        tuple("Simon eats toast.", "Why toast?\n\nAnd not cereal?"));
    assertThat(project.coding().codes(UnitId.of("e0000000-0000-4000-8000-000000000011"))).isEmpty();
  }

  /** The same file from another tool keeps its CR LF: positions count every code point, as the standard says. */
  @Test
  void otherTools_countEveryCodePointOfAWindowsText() {
    String text = "Line one.\r\nParking is a nightmare.\r\n";
    int start = text.indexOf("Parking");
    String source = "<TextSource guid=\"b0000000-0000-4000-8000-000000000006\" name=\"interview\" "
        + "plainTextPath=\"internal://b0000000-0000-4000-8000-000000000006.txt\">"
        + selection("e0000000-0000-4000-8000-000000000006", start, start + 7, "c0000000-0000-4000-8000-000000000001")
        + "</TextSource>\n";
    Path file = QdpxFixtures.zip(dir.resolve("nvivo.qdpx"), project("NVivo 14", source),
        Map.of("Sources/b0000000-0000-4000-8000-000000000006.txt", "\uFEFF" + text));

    assertThat(QdpxImporter.read(file).segments()).extracting(QdpxProject.Segment::text).containsExactly("Parking");
  }

  /**
   * A {@code Coding} directly in a {@code TextSource} (the schema allows it) codes the whole text; only a leading
   * byte-order mark is dropped from a text file, a U+FEFF inside the text is a character like any other.
   */
  @Test
  void codingOfTheWholeSource_isASegmentOfTheWholeText() {
    String source = "<TextSource guid=\"b0000000-0000-4000-8000-000000000007\" name=\"letter\" "
        + "plainTextPath=\"internal://letter.txt\">"
        + "<Coding guid=\"f0000000-0000-4000-8000-000000000007\" creatingUser=\"" + USER + "\" "
        + "creationDateTime=\"2026-01-06T10:00:00Z\"><CodeRef targetGUID=\"c0000000-0000-4000-8000-000000000001\"/>"
        + "</Coding></TextSource>\n";
    Path file = QdpxFixtures.zip(dir.resolve("whole.qdpx"), project("NVivo 14", source),
        Map.of("sources/letter.txt", "\uFEFFDear council, \uFEFFplease fix the car park."));

    QdpxProject project = QdpxImporter.read(file);

    assertThat(project.segments()).singleElement().satisfies(s -> {
      assertThat(s.unit()).isEqualTo(UnitId.of("b0000000-0000-4000-8000-000000000007"));
      assertThat(s.text()).isEqualTo("Dear council, \uFEFFplease fix the car park.");
    });
    assertThat(project.coding().codes(UnitId.of("b0000000-0000-4000-8000-000000000007")))
        .containsExactly(CodeId.of("c0000000-0000-4000-8000-000000000001"));
  }

  /** A coding of a category the code book says cannot be coded (QualCoder's categories) is a problem, not a crash. */
  @Test
  void codingOfACodeThatIsNotCodable_isAProblem() {
    String source = "<TextSource guid=\"b0000000-0000-4000-8000-000000000001\" name=\"notes\">"
        + "<PlainTextContent>No parking near the clinic.</PlainTextContent>"
        + selection("e0000000-0000-4000-8000-000000000001", 0, 10, "c0000000-0000-4000-8000-000000000002")
        + "</TextSource>\n";
    Path file = QdpxFixtures.zip(dir.resolve("category.qdpx"), project("QualCoder 3.6", source), Map.of());

    assertThatThrownBy(() -> QdpxImporter.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("value \"c0000000-0000-4000-8000-000000000002\", codes with Themes, which the code "
            + "book does not let be coded (isCodable false)");
  }

  /**
   * A code book in another namespace (a {@code .qdc} pasted into a project, or a tool writing the codebook
   * namespace inside the project) is reported, not read as an empty code book.
   */
  @Test
  void codeBookInAnotherNamespace_isReported() {
    String qde = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">"
        + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"c0000000-0000-4000-8000-000000000001\" "
        + "name=\"Parking\" isCodable=\"true\"/></Codes></CodeBook></Project>";
    Path file = QdpxFixtures.zip(dir.resolve("namespace.qdpx"), qde, Map.of());

    assertThatThrownBy(() -> QdpxImporter.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column \"CodeBook\", value \"urn:QDA-XML:codebook:1.0\", is in another namespace than "
            + "the project's (urn:QDA-XML:project:1.0), so it is not read");
  }

  /** A set of sources whose member is not a source of the project is reported like a code set's unknown member. */
  @Test
  void setOfSourcesWithAnUnknownMember_isAProblem() {
    String qde = project("MAXQDA 24", TEXT_SOURCE).replace("</Project>", "<Sets><Set "
        + "guid=\"a0000000-0000-4000-8000-000000000001\" name=\"Wave 1\"><MemberSource "
        + "targetGUID=\"B0000000-0000-4000-8000-000000000001\"/><MemberSource "
        + "targetGUID=\"b0000000-0000-4000-8000-00000000dead\"/></Set></Sets></Project>");
    Path file = QdpxFixtures.zip(dir.resolve("sets.qdpx"), qde, Map.of());

    ReadResult<QdpxProject> result = QdpxImporter.read(file, ReadMode.LENIENT);

    assertThat(result.value().sourceSets()).containsExactly(Map.entry("Wave 1",
        List.of("b0000000-0000-4000-8000-000000000001")));
    assertThat(result.problems()).extracting(InputProblem::describe).containsExactly(file + ": column \"Set Wave 1 "
        + "/ MemberSource\", value \"b0000000-0000-4000-8000-00000000dead\", is not a source of the project");
  }

  /**
   * A coding manual written in MAXQDA or NVivo often has lines such as "Sentiment: mostly negative" in a code's
   * description. insight reads its own labelled lines from any tool (so a codeframe survives a trip through one), but
   * in a project another tool wrote, a line whose value is not one insight understands stays in the description; the
   * same line in insight's own file is an error.
   */
  @Test
  void descriptionLineThatOnlyLooksLikeInsights_staysDescriptionInAnotherToolsProject() {
    String codeBook = "<CodeBook><Codes><Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"Cost\" "
        + "isCodable=\"true\"><Description>Money matters.\nSentiment: mostly negative\nReserved: see the manual\n"
        + "Rule: (unbalanced\nExample: Too dear</Description></Code></Codes></CodeBook>";
    String nvivo = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\" origin=\"NVivo 14\">" + codeBook
        + "</Project>";

    QdpxProject project = QdpxImporter.read(QdpxFixtures.zip(dir.resolve("nvivo.qdpx"), nvivo, Map.of()));

    var cost = project.codeframe().code(CodeId.of("c0000000-0000-4000-8000-000000000001"));
    assertThat(cost.description()).isEqualTo("Money matters.\nSentiment: mostly negative\nReserved: see the manual\n"
        + "Rule: (unbalanced");
    assertThat(cost.sentiment()).isNull();
    assertThat(cost.rule()).isNull();
    assertThat(cost.examples()).containsExactly("Too dear");

    Path ours = QdpxFixtures.zip(dir.resolve("ours.qdpx"), nvivo.replace("NVivo 14", "insight"), Map.of());
    assertThatThrownBy(() -> QdpxImporter.read(ours)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("value \"mostly negative\", not a sentiment");
  }

  /**
   * A hostile project with codes nested thousands deep is refused quickly, naming the code where it passes the bound
   * (it overflowed the stack, and a deeper one took time quadratic in the depth).
   */
  @Test
  void codesNestedDeeperThanAnyToolWrites_areRefusedNamingTheCode() {
    StringBuilder qde = new StringBuilder("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><CodeBook><Codes>");
    for (int i = 0; i < 20_000; i++) {
      qde.append(String.format("<Code guid=\"c0000000-0000-4000-8000-%012d\" name=\"c\" isCodable=\"true\">", i));
    }
    qde.append("</Code>".repeat(20_000)).append("</Codes></CodeBook></Project>");
    Path file = QdpxFixtures.zip(dir.resolve("deep.qdpx"), qde.toString(), Map.of());

    assertThatThrownBy(() -> QdpxImporter.read(file, ReadMode.LENIENT)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column \"Code\", value \"c0000000-0000-4000-8000-000000000100\", codes nested more "
            + "than 100 deep");
  }
}
