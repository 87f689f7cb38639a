package dev.insight.codeframe.qdpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.CodeSet;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.RefiQdaSchemas;
import dev.insight.codeframe.interchange.RefiQdaCodebook;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/**
 * Files written by other tools (test resources under {@code /refi-qda/real/}, whose README names each one's source,
 * commit and licence): the REFI-QDA standard's sample project as ATLAS.ti 8.4 exported it, byte for byte as published,
 * and the codebook Taguette's exporter writes, as Taguette's own test suite asserts it. Each is pinned by its SHA-256,
 * checked against the published schema and read by insight, and what insight makes of it is asserted in full: counts,
 * names, sets, notes and every problem it reports.
 */
class QdpxRealArtefactsTest {
  private static final String ATLAS = "/refi-qda/real/atlasti-8.4-standard-project/project.qde";
  private static final String TAGUETTE = "/refi-qda/real/taguette/codebook.qdc";
  @TempDir
  Path dir;

  /** Each artefact, the schema it claims, and what the JDK's validator says of it (null: valid). */
  static Stream<Arguments> artefacts() {
    return Stream.of(
        Arguments.of(ATLAS, "3c7f40b65b9caf9a6aad22e0bb546f0ce9f20fed2a4b425b1f69bf156a7c0af8", "project", null),
        // Taguette writes an empty <Sets/> when a project has no sets; the schema wants at least one Set in it
        Arguments.of(TAGUETTE, "9a66cb83b2b7a4e66fe499415ddd20596eddd7e1472b1ef7f9171b461eebde00", "codebook",
            "The content of element 'Sets' is not complete"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("artefacts")
  void realArtefact_isTheRecordedFileAndMeetsThePublishedSchemaAsRecorded(String resource, String sha256,
      String kind, String invalidity) throws Exception {
    byte[] bytes = QdpxFixtures.bytes(resource);
    assertThat(sha256(bytes)).as("the file as the README beside it describes it").isEqualTo(sha256);
    Schema schema = kind.equals("project") ? RefiQdaSchemas.PROJECT : RefiQdaSchemas.CODEBOOK;

    if (invalidity == null) {
      RefiQdaSchemas.validate(schema, bytes);
    } else {
      assertThatThrownBy(() -> RefiQdaSchemas.validate(schema, bytes)).isInstanceOf(SAXException.class)
          .hasMessageContaining(invalidity);
    }
  }

  /**
   * The standard's sample project as ATLAS.ti 8.4 exported it. Its text files are not published beside it, so the
   * archive here holds the {@code project.qde} alone: strict reading refuses it, naming every text that is missing
   * and every source insight does not read, with the codings each takes with it.
   */
  @Test
  void atlasTiStandardProject_withoutItsTexts_isRefusedStrictlyNamingEveryTextAndSourceLeftOut() {
    Path file = archive("atlas.qdpx", "project.qde");

    assertThatThrownBy(() -> QdpxImporter.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column \"TextSource Mabel.txt\", value \"internal://B2F54555-0D2D-43B2-B40C-"
            + "2A1C048F5F1C.txt\", the archive has no sources/B2F54555-0D2D-43B2-B40C-2A1C048F5F1C.txt: its 3 "
            + "codings are not imported")
        .hasMessageContaining("column \"PictureSource cornflakes-n-milk.jpg\", only text is read (a TextSource, or a "
            + "PDFSource's text Representation): this PictureSource and its 2 codings are not imported")
        .hasMessageContaining("5 sources hold what insight does not read");
  }

  /**
   * Read leniently, everything that does not need the texts is there: the 14 codes with ATLAS.ti's colours and
   * descriptions, its five code groups as code sets (one of them empty), its eleven document groups as sets of
   * sources, the two memos with their author and time, and a problem for each text, picture, sound and video left
   * out. The project is read the same whether the archive names its XML {@code project.qde}, as the standard says,
   * or after the project, as ATLAS.ti 26 does; the second is said in a note.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"project.qde", "ATLAS.ti standard project.qde"})
  void atlasTiStandardProject_readLeniently_keepsCodesSetsNotesAndListsEverythingLeftOut(String entry) {
    Path file = archive("atlas.qdpx", entry);

    ReadResult<QdpxProject> result = QdpxImporter.read(file, ReadMode.LENIENT);
    QdpxProject project = result.value();

    assertThat(project.name()).isEqualTo("ATLAS.ti standard project");
    Codeframe frame = project.codeframe();
    assertThat(frame.codes()).hasSize(14);
    assertThat(frame.roots()).hasSize(14);
    assertThat(frame.codes()).allSatisfy(code -> assertThat(code.codable()).isTrue());
    Code diet = frame.code(CodeId.of("D299EFAE-5779-46DC-9827-A3D1A5D544BC"));
    assertThat(diet.label()).isEqualTo("Coke::diet Coke");
    assertThat(diet.description()).isEqualTo("non sucr\u00e9");
    assertThat(diet.color()).isEqualTo("#966450");
    assertThat(frame.code(CodeId.of("9F43FE32-C2CB-4BA8-B766-A0734C826E49")).label()).isEqualTo("\"rushed\"");
    assertThat(frame.code(CodeId.of("C3C7D437-6932-4B14-A55D-30B7F811BBF3")).color()).isNull();
    assertThat(frame.code(CodeId.of("AE6D04CE-D987-4FC8-AF97-D72CA6FFD08F")).description())
        .isEqualTo("breakfast cereal made by Kellogg\u2019s");
    assertThat(frame.sets()).extracting(CodeSet::name)
        .containsExactly("Feelings", "negative feelings", "Breakfast food", "<3", "positive feelings");
    assertThat(frame.sets()).extracting(set -> set.members().size()).containsExactly(6, 4, 6, 0, 3);
    assertThat(project.sourceSets()).hasSize(11);
    assertThat(project.sourceSets().get("Text files")).hasSize(6);
    assertThat(project.sourceSets().get("Video and Audio")).containsExactly("ed105492-356d-4119-a1e2-716cf018afed",
        "da744775-589a-46d3-8b26-a07adce1e1ca", "9d260347-8f7d-4161-89f7-dcc93cc34170");
    assertThat(project.notes()).extracting(QdpxProject.Note::name)
        .containsExactly("Research Plan", "My favorite Coke ad");
    assertThat(project.notes().get(0)).satisfies(note -> {
      assertThat(note.text()).isEqualTo("This is a great project by a dynamic team of researcher-developers. ");
      assertThat(note.author()).isEqualTo("Friedrich Markgraf");
      assertThat(note.at()).isEqualTo(Instant.parse("2018-03-27T19:38:46Z"));
      assertThat(note.codes()).isEmpty();
    });
    assertThat(project.sources()).isEmpty();
    assertThat(project.segments()).isEmpty();
    assertThat(project.cases()).isEmpty();

    assertThat(result.problems()).extracting(InputProblem::column).containsExactly(
        "TextSource 1960s Coca Cola commercial - Audio.docx",
        "TextSource 1960s Coca Cola commercial - Visual.docx",
        "TextSource 1994 Diet Coke-Diet Coke Break.docx",
        "TextSource Mab\u0065\u0302l 2i\u0065\u0300me.txt",
        "TextSource Mabel.txt",
        "TextSource Simon.docx",
        "PictureSource cornflakes-n-milk.jpg",
        "PDFSource Kellogg's Passion for Nutrition.pdf / Representation",
        "PDFSource Pay de Lim\u006f\u0301n con Base de Granola | Kellogg's \u00ae.pdf / Representation",
        "PDFSource Pay de Lim\u006f\u0301n con Base de Granola | Kellogg's \u00ae.pdf",
        "AudioSource Jeanine's Breakfast.m4a",
        "VideoSource 1960s Coca Cola commercial.mp4",
        "VideoSource 1994 Diet Coke-Diet Coke Break.mp4");
    assertThat(result.problems()).extracting(InputProblem::message).contains(
        "the archive has no sources/C1C745F7-8E4D-48B2-9710-655AFE7E54FA.txt: its 3 codings are not imported",
        "the archive has no sources/142EB46D-612E-4593-A385-D0E5D04D1288.txt: its 2 codings are not imported",
        "its PDFSelections (areas of the page) and their 4 codings are not imported",
        "only text is read (a TextSource, or a PDFSource's text Representation): this VideoSource and its 1 coding "
            + "are not imported");
    if (entry.equals("project.qde")) {
      assertThat(result.notes()).isEmpty();
    } else {
      assertThat(result.notes()).extracting(InputProblem::message).containsExactly("the project is read from ATLAS.ti "
          + "standard project.qde: the archive has no project.qde (ATLAS.ti names the file after the project)");
    }
  }

  /** Two {@code .qde} files and no {@code project.qde}: which one is the project is not guessed. */
  @Test
  void archiveWithTwoProjectFilesAndNoProjectQde_isRefusedNamingBoth() throws IOException {
    Path file = dir.resolve("two.qdpx");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String name : List.of("Trial.qde", "Trial copy.qde")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(QdpxFixtures.bytes(ATLAS));
        zip.closeEntry();
      }
    }

    assertThatThrownBy(() -> QdpxImporter.read(file, ReadMode.LENIENT)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("value \"Trial.qde, Trial copy.qde\", not one REFI-QDA project: the archive has no "
            + "project.qde and 2 .qde files at its root, so which is the project is not known");
  }

  /**
   * Taguette's codebook: three flat tags with upper-case name-based GUIDs, no colours or descriptions, and an empty
   * {@code Sets} the schema does not allow; it carries nothing, so it is read as no sets.
   */
  @Test
  void taguetteCodebook_readsItsThreeTagsAsCodes() {
    Codeframe frame = RefiQdaCodebook.read(new ByteArrayInputStream(QdpxFixtures.bytes(TAGUETTE)), TAGUETTE,
        "taguette");

    assertThat(frame.codes()).extracting(Code::id, Code::label, Code::codable).containsExactly(
        tuple(CodeId.of("0D62985D-B147-5D01-A9B5-CAE5DCD98342"), "interesting", true),
        tuple(CodeId.of("DFE5C38E-9449-5959-A1F7-E3D895CFA87F"), "people", true),
        tuple(CodeId.of("725F0645-9CD3-598A-8D2B-EC3D39AB3C3F"), "interesting.places",
            true));
    assertThat(frame.roots()).hasSize(3);
    assertThat(frame.codes()).allSatisfy(code -> {
      assertThat(code.description()).isEmpty();
      assertThat(code.color()).isNull();
    });
    assertThat(frame.sets()).isEmpty();
  }

  private Path archive(String name, String entry) {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(QdpxFixtures.bytes(ATLAS));
      zip.closeEntry();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
