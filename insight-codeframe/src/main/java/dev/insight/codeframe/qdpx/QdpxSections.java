package dev.insight.codeframe.qdpx;

import static dev.insight.codeframe.qdpx.QdpxXml.child;
import static dev.insight.codeframe.qdpx.QdpxXml.children;
import static dev.insight.codeframe.qdpx.QdpxXml.descendants;
import static dev.insight.codeframe.qdpx.QdpxXml.key;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.RefiQdaCodebook;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.zip.BoundedZip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;

/**
 * The parts of a project besides its sources' text and selections: the code book and code sets (as a codeframe),
 * the sets of sources, the variables, the cases and the notes. Each problem is added to the list with the element
 * it concerns, so the caller reports them all at once.
 */
final class QdpxSections {
  private static final List<String> VALUES = List.of("TextValue", "BooleanValue", "IntegerValue", "FloatValue",
      "DateValue", "DateTimeValue");

  private QdpxSections() {}

  /**
   * The text of a source or note: inline {@code PlainTextContent}, or the {@code sources/} file its
   * {@code plainTextPath} names ({@code internal://}); a leading byte-order mark (QualCoder writes one) is not text.
   */
  static Optional<String> text(Element element, String label, BoundedZip zip, String source,
      List<InputProblem> problems) {
    Optional<Element> inline = child(element, "PlainTextContent");
    if (inline.isPresent()) {
      return Optional.of(inline.get().getTextContent());
    }
    String path = element.getAttribute("plainTextPath").strip();
    if (!path.startsWith("internal://")) {
      problems.add(new InputProblem(source, 0, label, path, path.isEmpty() ? "the source has no text (no "
          + "PlainTextContent and no plainTextPath)" : "only texts inside the project (internal://) are read; an "
          + "external file is not part of the archive"));
      return Optional.empty();
    }
    String file = path.substring("internal://".length());
    // the standard puts them in sources/; NVivo and QualCoder write Sources/
    for (String entry : zip.names()) {
      if (entry.equalsIgnoreCase("sources/" + file)) {
        return zip.read(entry).map(bytes -> {
          String text = new String(bytes, StandardCharsets.UTF_8);
          return text.startsWith("\uFEFF") ? text.substring(1) : text;
        });
      }
    }
    problems.add(new InputProblem(source, 0, label, path, "the archive has no sources/" + file));
    return Optional.empty();
  }

  /**
   * The project's code book and its sets of codes as a codeframe, read by the codebook reader with its checks. A
   * {@code Set} of sources only ({@code MemberSource}, MAXQDA's document sets) is not a code set.
   */
  static Codeframe codeframe(Element root, String projectName, String source) {
    Element book = child(root, "CodeBook").orElse(null);
    String name = projectName.isBlank() ? "project" : projectName;
    if (book == null || descendants(book, "Code").isEmpty()) {
      return Codeframe.builder(name).build();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("CodeBook");
      xml.writeDefaultNamespace(RefiQdaCodebook.NAMESPACE);
      if (root.hasAttribute("origin")) {
        // the codebook reader takes insight's labelled description lines strictly only in insight's own files
        xml.writeAttribute("origin", root.getAttribute("origin"));
      }
      xml.writeStartElement("Codes");
      for (Element code : children(child(book, "Codes").orElse(book), "Code")) {
        writeCode(code, xml, 1, source);
      }
      xml.writeEndElement();
      List<Element> codeSets = new ArrayList<>();
      for (Element set : child(root, "Sets").map(QdpxXml::children).orElse(List.of())) {
        if (!children(set, "MemberCode").isEmpty() || children(set, "MemberSource").isEmpty()) {
          codeSets.add(set);
        }
      }
      if (!codeSets.isEmpty()) {
        xml.writeStartElement("Sets");
        for (Element set : codeSets) {
          xml.writeStartElement("Set");
          xml.writeAttribute("guid", set.getAttribute("guid"));
          xml.writeAttribute("name", set.getAttribute("name"));
          copyDescription(set, xml);
          for (Element member : children(set, "MemberCode")) {
            xml.writeEmptyElement("MemberCode");
            xml.writeAttribute("guid", member.getAttribute("targetGUID"));
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
    return RefiQdaCodebook.read(new ByteArrayInputStream(out.toByteArray()), source + " (code book)", name);
  }

  /** Copies an element's {@code Description}, if it has one. */
  private static void copyDescription(Element element, XMLStreamWriter xml) throws XMLStreamException {
    Optional<Element> description = child(element, "Description");
    if (description.isPresent()) {
      xml.writeStartElement("Description");
      xml.writeCharacters(description.get().getTextContent());
      xml.writeEndElement();
    }
  }

  private static void writeCode(Element code, XMLStreamWriter xml, int depth, String source)
      throws XMLStreamException {
    if (depth > RefiQdaCodebook.MAX_CODE_DEPTH) {
      throw new InvalidInputException(new InputProblem(source, 0, "Code", code.getAttribute("guid"), "codes nested "
          + "more than " + RefiQdaCodebook.MAX_CODE_DEPTH + " deep"));
    }
    xml.writeStartElement("Code");
    for (String attribute : List.of("guid", "name", "isCodable", "color")) {
      if (code.hasAttribute(attribute)) {
        xml.writeAttribute(attribute, code.getAttribute(attribute));
      }
    }
    copyDescription(code, xml);
    for (Element nested : children(code, "Code")) {
      writeCode(nested, xml, depth + 1, source);
    }
    xml.writeEndElement();
  }

  /**
   * The sets of sources ({@code Set} with {@code MemberSource}s; MAXQDA's document sets, QualCoder's file groups):
   * each set's name and its sources' GUIDs (lower case). A member that is not a source of the project is a problem.
   */
  static Map<String, List<String>> sourceSets(Element root, Set<String> sourceGuids, String source,
      List<InputProblem> problems) {
    Map<String, List<String>> sets = new LinkedHashMap<>();
    for (Element set : child(root, "Sets").map(QdpxXml::children).orElse(List.of())) {
      List<Element> members = children(set, "MemberSource");
      if (members.isEmpty()) {
        continue;
      }
      String name = set.getAttribute("name").isBlank() ? set.getAttribute("guid") : set.getAttribute("name");
      List<String> guids = new ArrayList<>();
      for (Element member : members) {
        String target = key(member.getAttribute("targetGUID"));
        if (sourceGuids.contains(target)) {
          guids.add(target);
        } else {
          problems.add(new InputProblem(source, 0, "Set " + name + " / MemberSource", member.getAttribute(
              "targetGUID"), "is not a source of the project"));
        }
      }
      sets.merge(name, guids, (a, b) -> {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
      });
    }
    return sets;
  }

  /** The project's variables: each variable's GUID (as a key) and name. */
  static Map<String, String> variables(Element root) {
    Map<String, String> variables = new HashMap<>();
    for (Element variable : child(root, "Variables").map(v -> children(v, "Variable")).orElse(List.of())) {
      variables.put(key(variable.getAttribute("guid")), variable.getAttribute("name"));
    }
    return variables;
  }

  /**
   * The values of the variables an element (a case or a source) holds, by variable name, in file order. A value of a
   * variable the project does not define is a problem.
   */
  static Map<String, String> values(Element owner, String where, Map<String, String> variables, String source,
      List<InputProblem> problems) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Element value : children(owner, "VariableValue")) {
      String target = child(value, "VariableRef").map(r -> r.getAttribute("targetGUID")).orElse("");
      String name = variables.get(key(target));
      if (name == null) {
        problems.add(new InputProblem(source, 0, where + " / VariableValue", target, "refers to no Variable of the "
            + "project"));
        continue;
      }
      String text = children(value).stream().filter(e -> VALUES.contains(e.getLocalName())).findFirst()
          .map(e -> e.getTextContent().strip()).orElse("");
      values.put(name, text);
    }
    return values;
  }

  /** The cases and, for those that hold any, their variables' values. */
  record Cases(Map<String, List<UnitId>> units, Map<String, Map<String, String>> variables) {}

  static Cases cases(Element root, Map<String, List<UnitId>> bySource, Map<String, UnitId> selections,
      Set<String> unreadSources, Map<String, String> variables, String source, List<InputProblem> problems) {
    Map<String, Set<UnitId>> cases = new LinkedHashMap<>();
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (Element caseElement : child(root, "Cases").map(c -> children(c, "Case")).orElse(List.of())) {
      // MAXQDA and Quirkos write cases without a name, to give sources their variables
      String name = caseElement.getAttribute("name").isBlank() ? caseElement.getAttribute("guid")
          : caseElement.getAttribute("name");
      // a case named twice (or a hostile file's thousands of refs) gathers its units once each, in linear time
      Set<UnitId> units = cases.computeIfAbsent(name, n -> new LinkedHashSet<>());
      for (Element ref : children(caseElement)) {
        String target = key(ref.getAttribute("targetGUID"));
        if (ref.getLocalName().equals("SourceRef")) {
          List<UnitId> of = bySource.get(target);
          if (of != null) {
            units.addAll(of);
          } else if (!unreadSources.contains(target)) {
            problems.add(new InputProblem(source, 0, "Case " + name, ref.getAttribute("targetGUID"), "refers to a "
                + "source that is not in the project"));
          }
        } else if (ref.getLocalName().equals("SelectionRef")) {
          UnitId unit = selections.get(target);
          if (unit == null) {
            problems.add(new InputProblem(source, 0, "Case " + name, ref.getAttribute("targetGUID"), "refers to a "
                + "selection that is not in the project"));
          } else {
            units.add(unit);
          }
        }
      }
      Map<String, String> caseValues = values(caseElement, "Case " + name, variables, source, problems);
      if (!caseValues.isEmpty()) {
        values.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(caseValues);
      }
    }
    Map<String, List<UnitId>> lists = new LinkedHashMap<>();
    cases.forEach((name, units) -> lists.put(name, List.copyOf(units)));
    return new Cases(lists, values);
  }

  /**
   * The project's notes, each with the codes and sources whose {@code NoteRef} points at it. A {@code NoteRef} to no
   * note is an error naming the element that holds it.
   */
  static List<QdpxProject.Note> notes(Element root, BoundedZip zip, Map<String, String> users,
      Map<String, CodeId> byGuid, String source, List<InputProblem> problems) {
    Map<String, List<CodeId>> codes = new HashMap<>();
    Map<String, List<String>> sources = new HashMap<>();
    List<String[]> refs = new ArrayList<>();
    for (Element code : descendants(root, "Code")) {
      CodeId id = byGuid.get(key(code.getAttribute("guid")));
      for (Element ref : children(code, "NoteRef")) {
        if (id != null) {
          codes.computeIfAbsent(key(ref.getAttribute("targetGUID")), g -> new ArrayList<>()).add(id);
          refs.add(new String[] {"Code " + code.getAttribute("name"), ref.getAttribute("targetGUID")});
        }
      }
    }
    for (Element element : child(root, "Sources").map(QdpxXml::children).orElse(List.of())) {
      for (Element ref : children(element, "NoteRef")) {
        sources.computeIfAbsent(key(ref.getAttribute("targetGUID")), g -> new ArrayList<>())
            .add(key(element.getAttribute("guid")));
        refs.add(new String[] {element.getLocalName() + " " + element.getAttribute("name"),
            ref.getAttribute("targetGUID")});
      }
    }
    List<QdpxProject.Note> notes = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (Element note : child(root, "Notes").map(n -> children(n, "Note")).orElse(List.of())) {
      String guid = note.getAttribute("guid");
      String where = "Note " + (note.getAttribute("name").isBlank() ? guid : note.getAttribute("name"));
      if (!QdpxProject.GUID.matcher(guid).matches()) {
        problems.add(new InputProblem(source, 0, where, guid, "a note's guid must be a GUID"));
        continue;
      }
      Optional<String> text = text(note, where, zip, source, problems);
      if (text.isEmpty()) {
        continue;
      }
      known.add(key(guid));
      // the user's name by its GUID; a tool that wrote the name itself (older QualCoder) is read as written
      String creator = note.getAttribute("creatingUser").strip();
      String author = users.getOrDefault(key(creator), QdpxProject.GUID.matcher(creator).matches() ? "" : creator);
      String when = note.getAttribute("creationDateTime");
      Instant at = null;
      if (!when.isBlank()) {
        at = QdpxXml.instant(when);
        if (at == null) {
          problems.add(new InputProblem(source, 0, where, when, "creationDateTime is not a date and time"));
        }
      }
      notes.add(new QdpxProject.Note(guid.toLowerCase(Locale.ROOT), note.getAttribute("name"), text.get(), author,
          at, codes.getOrDefault(key(guid), List.of()), sources.getOrDefault(key(guid), List.of())));
    }
    for (String[] ref : refs) {
      if (!known.contains(key(ref[1]))) {
        problems.add(new InputProblem(source, 0, ref[0], ref[1], "NoteRef points to no note of the project's "
            + "Notes"));
      }
    }
    return notes;
  }
}
