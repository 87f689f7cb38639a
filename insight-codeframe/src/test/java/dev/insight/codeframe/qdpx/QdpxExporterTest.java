package dev.insight.codeframe.qdpx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.interchange.RefiQdaCodebook;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.input.ReadMode;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.transcript.SpeakerList;
import dev.insight.core.transcript.SpeakerListReader;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class QdpxExporterTest {
  private static final String NS = "urn:QDA-XML:project:1.0";
  private static final Instant AT = Instant.parse("2026-11-03T14:00:00Z");

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(QdpxExporterTest.class.getResource("/framework/" + name).toURI());
  }

  private static TranscriptCoding coding() throws URISyntaxException {
    return coding(false);
  }

  static TranscriptCoding coding(boolean withSet) throws URISyntaxException {
    SpeakerList speakers = SpeakerListReader.read(resource("speakers.csv"));
    Transcript transcript = TranscriptReader.of(ReadMode.STRICT).withSpeakers(speakers)
        .read(resource("group4.vtt")).value();
    Codeframe.Builder frameBuilder = Codeframe.builder("focus groups").net("access", "Access to services", null)
        .code("waiting", "Waiting lists", "access").code("cost", "Cost of living", null);
    if (withSet) {
      frameBuilder.set(new dev.insight.codeframe.CodeSet("for the board", "Themes in the board paper",
          List.of(CodeId.of("waiting"), CodeId.of("cost"))));
    }
    Codeframe frame = frameBuilder.build();
    TranscriptCoding.Builder builder = TranscriptCoding.builder(transcript, ActivityId.of("fg4"), frame);
    String zoe = transcript.turn(1).text();
    builder.code(1, 0, zoe.indexOf("thing.") + 6, CodeId.of("waiting"), "AB", AT);
    builder.code(1, zoe.indexOf("Call"), zoe.length(), CodeId.of("cost"), "CD", AT);
    builder.code(1, zoe.indexOf("Call"), zoe.length(), CodeId.of("waiting"), "AB", AT);
    builder.code(4, 0, transcript.turn(4).text().length(), CodeId.of("cost"), "AB", AT);
    return builder.build();
  }

  @Test
  void write_projectWithCodebookSourcesSelectionsCodingsAndCases_redacted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fg4.qdpx");

    RedactionAudit audit = QdpxExporter.redacting().write("Focus groups", List.of(coding()), file);

    Map<String, String> entries = new HashMap<>();
    Document project;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(entry)) {
          entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      try (InputStream in = zip.getInputStream(zip.getEntry("project.qde"))) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        project = factory.newDocumentBuilder().parse(in);
      }
    }
    Element root = project.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(NS);
    assertThat(root.getLocalName()).isEqualTo("Project");
    assertThat(children(root)).containsExactly("Users", "CodeBook", "Cases", "Sources", "Description");
    Element access = (Element) root.getElementsByTagNameNS(NS, "Code").item(0);
    assertThat(access.getAttribute("name")).isEqualTo("Access to services");
    assertThat(access.getAttribute("isCodable")).isEqualTo("false");
    assertThat(((Element) access.getElementsByTagNameNS(NS, "Code").item(0)).getAttribute("name"))
        .isEqualTo("Waiting lists");

    Element source = (Element) root.getElementsByTagNameNS(NS, "TextSource").item(0);
    assertThat(source.getAttribute("name")).isEqualTo("group4.vtt");
    String path = source.getAttribute("plainTextPath");
    assertThat(path).startsWith("internal://").endsWith(".txt");
    String text = entries.get("sources/" + path.substring("internal://".length()));
    assertThat(text).startsWith("[00:00:02] Facilitator: What are the main issues")
        .contains("[00:00:07] P01: Waiting lists for CAMHS are the biggest thing. Call [name] on [phone].")
        .contains("[00:00:23] unidentified speaker 1: There are too many priorities.")
        .doesNotContain("07700").doesNotContain("Zoë").doesNotContain("Amira").doesNotContain("amira@");

    NodeList selections = root.getElementsByTagNameNS(NS, "PlainTextSelection");
    List<String> selected = new ArrayList<>();
    for (int i = 0; i < selections.getLength(); i++) {
      Element selection = (Element) selections.item(i);
      int start = Integer.parseInt(selection.getAttribute("startPosition"));
      int end = Integer.parseInt(selection.getAttribute("endPosition"));
      selected.add(text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)));
    }
    assertThat(selected).containsExactly("Waiting lists for CAMHS are the biggest thing.", "Call [name] on [phone].",
        "There are too many priorities. How will they be monitored? Write to [email].");
    Element second = (Element) selections.item(1);
    assertThat(second.getElementsByTagNameNS(NS, "Coding").getLength()).isEqualTo(2);
    Element codeRef = (Element) second.getElementsByTagNameNS(NS, "CodeRef").item(0);
    assertThat(codeRef.getAttribute("targetGUID")).isEqualTo(RefiQdaCodebook.codeGuid(coding().coding().codeframe(),
        CodeId.of("cost")));
    assertThat(((Element) second.getElementsByTagNameNS(NS, "Coding").item(0)).getAttribute("creationDateTime"))
        .isEqualTo("2026-11-03T14:00:00Z");

    NodeList cases = root.getElementsByTagNameNS(NS, "Case");
    List<String> caseNames = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      caseNames.add(((Element) cases.item(i)).getAttribute("name"));
    }
    assertThat(caseNames).containsExactly("P01", "unidentified speaker 1", "fg4");
    assertThat(((Element) cases.item(0)).getElementsByTagNameNS(NS, "SelectionRef").getLength()).isEqualTo(2);
    assertThat(audit.entries()).extracting(e -> e.kind().name()).containsExactly("NAME", "PHONE", "EMAIL");
  }

  @Test
  void write_sameCodingTwice_givesTheSameBytes(@TempDir Path dir) throws Exception {
    TranscriptCoding coding = coding();
    Path a = dir.resolve("a.qdpx");
    Path b = dir.resolve("b.qdpx");

    QdpxExporter.redacting().write("P", List.of(coding), a);
    QdpxExporter.redacting().write("P", List.of(coding), b);

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void internalUseOnly_keepsNamesAndSaysSoInTheDescription(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.qdpx");

    QdpxExporter.internalUseOnly("team analysis").write("P", List.of(coding()), file);

    String all = unzip(file);
    assertThat(all).contains("Amira Haddad: There are").contains("INTERNAL USE ONLY, not redacted: team analysis");
  }

  private static List<String> children(Element element) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < element.getChildNodes().getLength(); i++) {
      if (element.getChildNodes().item(i) instanceof Element child) {
        names.add(child.getLocalName());
      }
    }
    return names;
  }

  private static String unzip(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(entry)) {
          text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return text.toString();
  }

  @Test
  void writtenProject_withItsCodeSets_isValidAgainstThePublishedProjectSchema(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fg4.qdpx");
    QdpxExporter.redacting().write("Focus groups", List.of(coding(true)), file);

    byte[] project;
    try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("project.qde"))) {
      project = in.readAllBytes();
    }

    dev.insight.codeframe.RefiQdaSchemas.validate(dev.insight.codeframe.RefiQdaSchemas.PROJECT, project);
    String xml = new String(project, StandardCharsets.UTF_8);
    assertThat(xml).contains("<Set guid=\"", "name=\"for the board\"", "<Description>Themes in the board paper",
        "<MemberCode targetGUID=\"");
  }

  /** Exports the test coding (with a code set), not redacted, for the import test. */
  static void exportForImport(Path file) throws Exception {
    QdpxExporter.internalUseOnly("round trip test").write("Focus groups", List.of(coding(true)), file);
  }
}
