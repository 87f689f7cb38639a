package dev.insight.codeframe.qdpx;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.RefiQdaCodebook;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.zip.BoundedZip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a REFI-QDA project ({@code .qdpx}, as NVivo, MAXQDA, ATLAS.ti and QualCoder export) into a
 * {@link QdpxProject}: the code book (with its sets) as a codeframe, the text sources (inline
 * {@code PlainTextContent} or a {@code plainTextPath} of {@code internal://NAME} read from the archive's
 * {@code sources/} folder), every {@code PlainTextSelection} with its {@code Coding}s, and the {@code Cases}.
 *
 * <p>Hostile or broken input is refused with a message naming the file and what is wrong, never silently dropped:
 * the archive is read within the zip limits (expanded size, entry count, compression ratio); the XML without DTDs
 * or external entities; a selection whose positions fall outside its source (positions count Unicode code points,
 * as the standard's reference implementations do), a coding of a code that is not in the code book, a case that
 * refers to an unknown source or selection, a source whose text is missing. Picture, PDF, audio and video sources
 * are listed as not read rather than skipped in silence.
 */
public final class QdpxImporter {
  private static final String NS = "urn:QDA-XML:project:1.0";
  private static final String NOT_RECORDED = "coder not recorded";
  private static final String INSIGHT_ID = "insight-id: ";

  private QdpxImporter() {}

  /**
   * Reads a project.
   *
   * @param file the {@code .qdpx} archive
   * @return the project
   * @throws InvalidInputException listing every problem, each naming the file and the element
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static QdpxProject read(Path file) {
    String source = file.toString();
    try (BoundedZip zip = BoundedZip.open(file)) {
      byte[] qde = zip.read("project.qde").orElseThrow(() -> new InvalidInputException(new InputProblem(source, 0,
          null, null, "not a REFI-QDA project: the archive has no project.qde")));
      Document document = parse(qde, source + "!project.qde");
      return read(document, zip, source);
    }
  }

  private static Document parse(byte[] xml, String source) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      throw new InvalidInputException(new InputProblem(source, Math.max(0, e.getLineNumber()), null, null,
          "malformed XML: " + e.getMessage()));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new InvalidInputException(new InputProblem(source, 0, null, null, "cannot read the XML: "
          + e.getMessage()));
    }
  }

  private static QdpxProject read(Document document, BoundedZip zip, String source) {
    Element root = document.getDocumentElement();
    if (!NS.equals(root.getNamespaceURI()) || !root.getLocalName().equals("Project")) {
      throw new InvalidInputException(new InputProblem(source, 0, null, root.getLocalName(), "not a REFI-QDA "
          + "project: the root must be Project in the namespace " + NS));
    }
    List<InputProblem> problems = new ArrayList<>();
    String projectName = root.getAttribute("name");
    Map<String, String> users = new HashMap<>();
    for (Element user : descendants(root, "User")) {
      users.put(user.getAttribute("guid").toLowerCase(Locale.ROOT), user.getAttribute("name"));
    }
    Codeframe frame = codeframe(root, projectName, source);
    // each code's GUID and the id the codebook reader gave it (its insight id if it has one, else the GUID)
    Map<String, CodeId> byGuid = new HashMap<>();
    for (Element code : descendants(root, "Code")) {
      CodeId id = CodeId.of(code.getAttribute("guid"));
      for (Element description : child(code, "Description").stream().toList()) {
        for (String line : description.getTextContent().split("\\R")) {
          if (line.startsWith(INSIGHT_ID)) {
            id = CodeId.of(line.substring(INSIGHT_ID.length()).strip());
          }
        }
      }
      if (frame.contains(id)) {
        byGuid.put(key(code.getAttribute("guid")), id);
      }
    }
    List<QdpxProject.Source> sources = new ArrayList<>();
    List<QdpxProject.Segment> segments = new ArrayList<>();
    Map<String, List<UnitId>> bySource = new LinkedHashMap<>();
    Coding.Builder coding = Coding.builder(frame);
    Element sourcesElement = child(root, "Sources").orElse(null);
    if (sourcesElement != null) {
      for (Element element : children(sourcesElement)) {
        String name = element.getAttribute("name");
        String guid = element.getAttribute("guid").toLowerCase(Locale.ROOT);
        if (!element.getLocalName().equals("TextSource")) {
          problems.add(new InputProblem(source, 0, element.getLocalName(), name, "only text sources are read; this "
              + element.getLocalName() + " and its codings are not imported"));
          continue;
        }
        Optional<String> text = text(element, zip, source, problems);
        if (text.isEmpty()) {
          continue;
        }
        sources.add(new QdpxProject.Source(guid, name, text.get()));
        int[] codePoints = text.get().codePoints().toArray();
        List<UnitId> units = bySource.computeIfAbsent(guid, g -> new ArrayList<>());
        for (Element selection : children(element)) {
          if (!selection.getLocalName().equals("PlainTextSelection")) {
            continue;
          }
          String where = "TextSource " + name + " / PlainTextSelection " + selection.getAttribute("guid");
          int start;
          int end;
          try {
            start = Integer.parseInt(selection.getAttribute("startPosition").strip());
            end = Integer.parseInt(selection.getAttribute("endPosition").strip());
          } catch (NumberFormatException e) {
            problems.add(new InputProblem(source, 0, where, selection.getAttribute("startPosition") + ".."
                + selection.getAttribute("endPosition"), "positions must be whole numbers"));
            continue;
          }
          if (start < 0 || end < start || end > codePoints.length) {
            problems.add(new InputProblem(source, 0, where, start + ".." + end, "the selection falls outside its "
                + "source, which has " + codePoints.length + " characters"));
            continue;
          }
          UnitId unit = UnitId.of(selection.getAttribute("guid").toLowerCase(Locale.ROOT));
          segments.add(new QdpxProject.Segment(unit, guid, start, end, new String(codePoints, start, end - start)));
          units.add(unit);
          coding.unit(unit);
          for (Element codingElement : children(selection)) {
            if (!codingElement.getLocalName().equals("Coding")) {
              continue;
            }
            Element ref = child(codingElement, "CodeRef").orElse(null);
            String target = ref == null ? "" : ref.getAttribute("targetGUID");
            CodeId code = byGuid.get(key(target));
            if (code == null) {
              problems.add(new InputProblem(source, 0, where, target, "codes with a code that is not in the code "
                  + "book"));
              continue;
            }
            String user = users.getOrDefault(codingElement.getAttribute("creatingUser").toLowerCase(Locale.ROOT),
                "");
            Instant at = instant(codingElement.getAttribute("creationDateTime"), where, source, problems);
            if (coding.lacks(unit, code)) {
              coding.assign(unit, code, new Provenance.Human(user.isBlank() ? NOT_RECORDED : user, at));
            }
          }
        }
      }
    }
    Map<String, List<UnitId>> cases = cases(root, bySource, segments, source, problems);
    List<QdpxProject.Note> notes = notes(root, zip, users, byGuid, source, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Coding built;
    try {
      built = coding.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(new InputProblem(source, 0, null, null, e.getMessage()));
    }
    return new QdpxProject(projectName, frame, sources, segments, built, cases, notes);
  }

  private static Optional<String> text(Element textSource, BoundedZip zip, String source,
      List<InputProblem> problems) {
    Optional<Element> inline = child(textSource, "PlainTextContent");
    if (inline.isPresent()) {
      return Optional.of(inline.get().getTextContent());
    }
    String path = textSource.getAttribute("plainTextPath");
    String name = textSource.getAttribute("name");
    if (!path.startsWith("internal://")) {
      problems.add(new InputProblem(source, 0, textSource.getLocalName() + " " + name, path, path.isEmpty() ? "the source has no "
          + "text (no PlainTextContent and no plainTextPath)" : "only sources inside the project (internal://) are "
          + "read"));
      return Optional.empty();
    }
    String file = path.substring("internal://".length());
    // the standard puts them in sources/; tools differ in the folder's case
    for (String entry : zip.names()) {
      if (entry.equalsIgnoreCase("sources/" + file)) {
        return zip.read(entry).map(bytes -> new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", ""));
      }
    }
    problems.add(new InputProblem(source, 0, textSource.getLocalName() + " " + name, path, "the archive has no "
        + "sources/" + file));
    return Optional.empty();
  }

  private static Map<String, List<UnitId>> cases(Element root, Map<String, List<UnitId>> bySource,
      List<QdpxProject.Segment> segments, String source, List<InputProblem> problems) {
    Map<String, List<UnitId>> cases = new LinkedHashMap<>();
    Map<String, UnitId> selections = new HashMap<>();
    segments.forEach(s -> selections.put(s.unit().value(), s.unit()));
    Element casesElement = child(root, "Cases").orElse(null);
    if (casesElement == null) {
      return cases;
    }
    for (Element caseElement : children(casesElement)) {
      String name = caseElement.getAttribute("name").isBlank() ? caseElement.getAttribute("guid")
          : caseElement.getAttribute("name");
      List<UnitId> units = new ArrayList<>();
      for (Element ref : children(caseElement)) {
        String target = ref.getAttribute("targetGUID").toLowerCase(Locale.ROOT);
        if (ref.getLocalName().equals("SourceRef")) {
          List<UnitId> of = bySource.get(target);
          if (of == null) {
            problems.add(new InputProblem(source, 0, "Case " + name, target, "refers to a source that is not a text "
                + "source of the project"));
          } else {
            units.addAll(of);
          }
        } else if (ref.getLocalName().equals("SelectionRef")) {
          UnitId unit = selections.get(target);
          if (unit == null) {
            problems.add(new InputProblem(source, 0, "Case " + name, target, "refers to a selection that is not in "
                + "the project"));
          } else {
            units.add(unit);
          }
        }
      }
      cases.put(name, units);
    }
    return cases;
  }

  /**
   * The project's notes, each with the codes and sources whose {@code NoteRef} points at it. A {@code NoteRef} to no
   * note is an error naming the element that holds it.
   */
  private static List<QdpxProject.Note> notes(Element root, BoundedZip zip, Map<String, String> users,
      Map<String, CodeId> byGuid, String source, List<InputProblem> problems) {
    Map<String, List<CodeId>> codes = new HashMap<>();
    Map<String, List<String>> sources = new HashMap<>();
    List<String[]> refs = new ArrayList<>();
    for (Element code : descendants(root, "Code")) {
      CodeId id = byGuid.get(key(code.getAttribute("guid")));
      for (Element ref : children(code)) {
        if (ref.getLocalName().equals("NoteRef") && id != null) {
          codes.computeIfAbsent(key(ref.getAttribute("targetGUID")), g -> new ArrayList<>()).add(id);
          refs.add(new String[] {"Code " + code.getAttribute("name"), ref.getAttribute("targetGUID")});
        }
      }
    }
    Element sourcesElement = child(root, "Sources").orElse(null);
    if (sourcesElement != null) {
      for (Element element : children(sourcesElement)) {
        for (Element ref : children(element)) {
          if (ref.getLocalName().equals("NoteRef")) {
            sources.computeIfAbsent(key(ref.getAttribute("targetGUID")), g -> new ArrayList<>())
                .add(element.getAttribute("guid").toLowerCase(Locale.ROOT));
            refs.add(new String[] {element.getLocalName() + " " + element.getAttribute("name"),
                ref.getAttribute("targetGUID")});
          }
        }
      }
    }
    List<QdpxProject.Note> notes = new ArrayList<>();
    java.util.Set<String> known = new java.util.HashSet<>();
    Element notesElement = child(root, "Notes").orElse(null);
    if (notesElement != null) {
      for (Element note : children(notesElement)) {
        if (!note.getLocalName().equals("Note")) {
          continue;
        }
        String guid = note.getAttribute("guid");
        String where = "Note " + (note.getAttribute("name").isBlank() ? guid : note.getAttribute("name"));
        if (!QdpxProject.GUID.matcher(guid).matches()) {
          problems.add(new InputProblem(source, 0, where, guid, "a note's guid must be a GUID"));
          continue;
        }
        Optional<String> text = text(note, zip, source, problems);
        if (text.isEmpty()) {
          continue;
        }
        known.add(key(guid));
        // the user's name by its GUID; a tool that wrote the name itself (older QualCoder) is read as written
        String creator = note.getAttribute("creatingUser").strip();
        String author = users.getOrDefault(creator.toLowerCase(Locale.ROOT),
            QdpxProject.GUID.matcher(creator).matches() ? "" : creator);
        String when = note.getAttribute("creationDateTime");
        Instant at = when.isBlank() ? null : instant(when, where, source, problems);
        notes.add(new QdpxProject.Note(guid.toLowerCase(Locale.ROOT), note.getAttribute("name"), text.get(),
            author, at, codes.getOrDefault(key(guid), List.of()), sources.getOrDefault(key(guid), List.of())));
      }
    }
    for (String[] ref : refs) {
      if (!known.contains(key(ref[1]))) {
        problems.add(new InputProblem(source, 0, ref[0], ref[1], "NoteRef points to no note of the project's "
            + "Notes"));
      }
    }
    return notes;
  }

  /** A GUID as a lookup key: lower case, without braces. */
  private static String key(String guid) {
    String value = guid.strip().toLowerCase(Locale.ROOT);
    return value.startsWith("{") && value.endsWith("}") ? value.substring(1, value.length() - 1) : value;
  }

  private static Instant instant(String value, String where, String source, List<InputProblem> problems) {
    if (value.isBlank()) {
      return Instant.EPOCH;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(value.strip() + "Z");
      } catch (DateTimeParseException again) {
        problems.add(new InputProblem(source, 0, where, value, "creationDateTime is not a date and time"));
        return Instant.EPOCH;
      }
    }
  }

  /** The project's code book (and sets) as a codebook document, read by the codebook reader with its checks. */
  private static Codeframe codeframe(Element root, String projectName, String source) {
    Element book = child(root, "CodeBook").orElse(null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("CodeBook");
      xml.writeDefaultNamespace("urn:QDA-XML:codebook:1.0");
      xml.writeStartElement("Codes");
      Element codes = book == null ? null : child(book, "Codes").orElse(null);
      if (codes != null) {
        for (Element code : children(codes)) {
          writeCode(code, xml);
        }
      }
      xml.writeEndElement();
      Element sets = child(root, "Sets").orElse(null);
      if (sets != null && !children(sets).isEmpty()) {
        xml.writeStartElement("Sets");
        for (Element set : children(sets)) {
          xml.writeStartElement("Set");
          xml.writeAttribute("guid", set.getAttribute("guid"));
          xml.writeAttribute("name", set.getAttribute("name"));
          Optional<Element> description = child(set, "Description");
          if (description.isPresent()) {
            xml.writeStartElement("Description");
            xml.writeCharacters(description.get().getTextContent());
            xml.writeEndElement();
          }
          for (Element member : children(set)) {
            if (member.getLocalName().equals("MemberCode")) {
              xml.writeEmptyElement("MemberCode");
              xml.writeAttribute("guid", member.getAttribute("targetGUID"));
            }
          }
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot copy the code book of " + source, e);
    }
    if (codes(book) == 0) {
      return Codeframe.builder(projectName.isBlank() ? "project" : projectName).build();
    }
    return RefiQdaCodebook.read(new ByteArrayInputStream(out.toByteArray()), source + " (code book)",
        projectName.isBlank() ? "project" : projectName);
  }

  private static int codes(Element book) {
    return book == null ? 0 : descendants(book, "Code").size();
  }

  private static void writeCode(Element code, XMLStreamWriter xml) throws XMLStreamException {
    xml.writeStartElement("Code");
    for (String attribute : List.of("guid", "name", "isCodable", "color")) {
      if (code.hasAttribute(attribute)) {
        xml.writeAttribute(attribute, code.getAttribute(attribute));
      }
    }
    Optional<Element> description = child(code, "Description");
    if (description.isPresent()) {
      xml.writeStartElement("Description");
      xml.writeCharacters(description.get().getTextContent());
      xml.writeEndElement();
    }
    for (Element nested : children(code)) {
      if (nested.getLocalName().equals("Code")) {
        writeCode(nested, xml);
      }
    }
    xml.writeEndElement();
  }

  private static List<Element> children(Element parent) {
    List<Element> list = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && NS.equals(element.getNamespaceURI())) {
        list.add(element);
      }
    }
    return list;
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getLocalName().equals(name)).findFirst();
  }

  private static List<Element> descendants(Element parent, String name) {
    List<Element> list = new ArrayList<>();
    var nodes = parent.getElementsByTagNameNS(NS, name);
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
