package dev.insight.codeframe.interchange;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.CodeSet;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.Sentiment;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * A codeframe as a REFI-QDA codebook ({@code .qdc}, namespace {@code urn:QDA-XML:codebook:1.0}; read also in the
 * spellings ATLAS.ti for Windows and NVivo 12 for Mac write, {@code urn:QDA-XML:codebook:0:4} and
 * {@code urn:QDA-XML:codebook:1:0}), the exchange format of NVivo, MAXQDA, ATLAS.ti, QualCoder and Taguette:
 * {@code CodeBook/Codes/Code} with attributes {@code guid}, {@code name}, {@code isCodable}, {@code color}, a
 * {@code Description} and nested {@code Code}s; and {@code Sets/Set} with {@code MemberCode guid} (as the Codebook
 * schema has it; {@code targetGUID}, the Project schema's name, is read too).
 *
 * <p>REFI-QDA has no fields for what a codeframe keeps besides a description, so they travel as labelled lines at
 * the end of the {@code Description}, which stay readable in every tool: {@code Include:}, {@code Exclude:},
 * {@code Example:} (one per example), {@code Sentiment:}, {@code Reserved:}, {@code Rule:} and {@code insight-id:}
 * (the code's id when it is not the GUID). On import those lines are taken back; a code without an
 * {@code insight-id} line gets its GUID as id. On export, a code whose id is not a GUID gets a GUID derived from the
 * frame's name and the id (a name-based UUID), so exporting twice gives the same file.
 *
 * <p>The XML is read with DTDs and external entities off: a file with a DOCTYPE is refused (XXE).
 */
public final class RefiQdaCodebook {
  /** The REFI-QDA codebook namespace. */
  public static final String NAMESPACE = "urn:QDA-XML:codebook:1.0";
  /**
   * The namespaces a codebook's root is read in: the standard's, and the spellings tools write for the same elements,
   * {@code urn:QDA-XML:codebook:0:4} (ATLAS.ti for Windows 23 to 26, the namespace of the standard's draft) and
   * {@code urn:QDA-XML:codebook:1:0} (NVivo 12 for Mac). Any other namespace is refused.
   */
  private static final Set<String> NAMESPACES = Set.of(NAMESPACE, "urn:QDA-XML:codebook:0:4",
      "urn:QDA-XML:codebook:1:0");
  private static final Pattern GUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String ID_LINE = "insight-id: ";
  /**
   * How deep codes may nest in a code book (a REFI-QDA file of any tool; real code trees are a few levels deep): a
   * deeper file is refused rather than read with unbounded work.
   */
  public static final int MAX_CODE_DEPTH = 100;
  /** The {@code origin} insight writes on its codebooks and projects. */
  private static final String ORIGIN = "insight";

  private RefiQdaCodebook() {}

  private static XMLInputFactory inputFactory() {
    // the JDK's own parser with DTDs and external entities off, as every reader of untrusted XML in insight
    return dev.insight.core.internal.SafeXml.inputFactory();
  }

  /** One {@code Code} element being read. */
  private static final class Open {
    final long line;
    final String guid;
    final String name;
    final @Nullable Boolean codable;
    final @Nullable String color;
    final @Nullable String parentGuid;
    String description = "";
    final int index;

    Open(long line, String guid, String name, @Nullable Boolean codable, @Nullable String color,
        @Nullable String parentGuid, int index) {
      this.line = line;
      this.guid = guid;
      this.name = name;
      this.codable = codable;
      this.color = color;
      this.parentGuid = parentGuid;
      this.index = index;
    }
  }

  /**
   * Reads a codebook.
   *
   * @param in the XML bytes
   * @param source the file name used in messages
   * @param name the frame's name (the codebook format has no name; the file name is a good choice)
   * @return the frame
   * @throws InvalidInputException listing every problem with its line (malformed XML, a DOCTYPE, a wrong root or
   *     namespace, missing attributes, duplicate GUIDs, unknown set members)
   * @throws UncheckedIOException when reading fails
   */
  public static Codeframe read(InputStream in, String source, String name) {
    Entries entries = new Entries(source);
    List<Open> done = new ArrayList<>();
    Deque<Open> stack = new ArrayDeque<>();
    List<long[]> setLines = new ArrayList<>();
    List<String[]> setHeads = new ArrayList<>();
    List<List<String[]>> setMembers = new ArrayList<>();
    XMLStreamReader xml = null;
    boolean ours = false;
    try {
      xml = inputFactory().createXMLStreamReader(in);
      boolean rootSeen = false;
      boolean inSet = false;
      StringBuilder text = null;
      int counter = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        long line = xml.getLocation().getLineNumber();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw entries.fatal(line, null, null,
              "DOCTYPE and entity declarations are not allowed in a codebook (XML external entities are refused)");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          String element = xml.getLocalName();
          if (!rootSeen) {
            rootSeen = true;
            ours = ORIGIN.equals(attribute(xml, "origin"));
            String namespace = xml.getNamespaceURI();
            if (!element.equals("CodeBook") || namespace == null || !NAMESPACES.contains(namespace)) {
              throw entries.fatal(line, element, namespace,
                  "not a REFI-QDA codebook: the root must be CodeBook in namespace " + NAMESPACE);
            }
            continue;
          }
          switch (element) {
            case "Code": {
              String guid = attribute(xml, "guid");
              if (stack.size() >= MAX_CODE_DEPTH) {
                throw entries.fatal(line, "Code", guid, "codes nested more than " + MAX_CODE_DEPTH + " deep");
              }
              String codeName = attribute(xml, "name");
              String codable = attribute(xml, "isCodable");
              if (guid == null || codeName == null || codeName.isBlank()) {
                entries.problem(line, "Code", guid, "a Code needs guid and name attributes");
              }
              Boolean flag = null;
              if (codable != null) {
                if (codable.equals("true") || codable.equals("1")) {
                  flag = Boolean.TRUE;
                } else if (codable.equals("false") || codable.equals("0")) {
                  flag = Boolean.FALSE;
                } else {
                  entries.problem(line, "isCodable", codable, "expected true or false");
                }
              }
              stack.push(new Open(line, guid == null ? "missing-" + line : guid,
                  codeName == null || codeName.isBlank() ? "unnamed" : codeName, flag, colour(attribute(xml, "color")),
                  stack.isEmpty() ? null : stack.peek().guid, counter++));
              break;
            }
            case "Description":
              text = new StringBuilder();
              break;
            case "Set":
              inSet = true;
              setLines.add(new long[] {line});
              setHeads.add(new String[] {attribute(xml, "name"), ""});
              setMembers.add(new ArrayList<>());
              break;
            case "MemberCode":
              if (inSet) {
                // the Codebook schema names the member by guid; a project's sets (and older files) by targetGUID
                String member = attribute(xml, "guid");
                setMembers.get(setMembers.size() - 1).add(new String[] {member != null ? member
                    : attribute(xml, "targetGUID"), Long.toString(line)});
              }
              break;
            default:
              break;
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          if (text != null) {
            text.append(xml.getText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String element = xml.getLocalName();
          if (element.equals("Description") && text != null) {
            if (inSet && stack.isEmpty()) {
              setHeads.get(setHeads.size() - 1)[1] = text.toString().strip();
            } else if (!stack.isEmpty()) {
              stack.peek().description = text.toString();
            }
            text = null;
          } else if (element.equals("Code") && !stack.isEmpty()) {
            done.add(stack.pop());
          } else if (element.equals("Set")) {
            inSet = false;
          }
        }
      }
    } catch (XMLStreamException e) {
      long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      throw entries.fatal(line, null, null, "malformed XML: " + e.getMessage().replaceAll("^ParseError at \\[[^]]*\\]\\s*Message: ", ""));
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // nothing more to report: the reading itself succeeded or already failed
        }
      }
    }
    done.sort((a, b) -> Integer.compare(a.index, b.index));
    Map<String, CodeId> idOfGuid = new HashMap<>();
    List<Code.Builder> builders = new ArrayList<>();
    for (Open open : done) {
      Description parsed = Description.parse(open.description);
      if (!ours) {
        parsed.keepInvalidAsText();
      }
      String id = parsed.id != null ? parsed.id : open.guid;
      CodeId codeId = entries.id(id, open.line, "guid");
      if (codeId == null) {
        builders.add(null);
        continue;
      }
      if (idOfGuid.putIfAbsent(open.guid, codeId) != null) {
        entries.problem(open.line, "guid", open.guid, "duplicate guid");
      }
      Code.Builder builder = Code.builder(codeId, open.name).description(parsed.description)
          .include(parsed.include).exclude(parsed.exclude).rule(parsed.rule)
          .color(open.color == null || open.color.isBlank() ? null : open.color);
      parsed.examples.forEach(builder::example);
      if (parsed.sentiment != null) {
        builder.sentiment(entries.sentiment(parsed.sentiment, open.line, "Description (Sentiment)"));
      }
      if (parsed.reserved != null) {
        builder.reserved(entries.reserved(parsed.reserved, open.line, "Description (Reserved)"));
      }
      builders.add(builder);
    }
    for (int i = 0; i < done.size(); i++) {
      Open open = done.get(i);
      Code.Builder builder = builders.get(i);
      if (builder == null) {
        continue;
      }
      if (open.parentGuid != null) {
        builder.parent(idOfGuid.get(open.parentGuid));
      }
      entries.add(open.line, builder, open.codable);
    }
    for (int s = 0; s < setHeads.size(); s++) {
      String setName = setHeads.get(s)[0];
      long line = setLines.get(s)[0];
      if (setName == null || setName.isBlank()) {
        entries.problem(line, "Set", null, "a Set needs a name attribute");
        continue;
      }
      List<CodeId> members = new ArrayList<>();
      for (String[] member : setMembers.get(s)) {
        CodeId id = member[0] == null ? null : idOfGuid.get(member[0]);
        if (id == null) {
          entries.problem(Long.parseLong(member[1]), "MemberCode", member[0],
              "set " + setName + ": guid is not the guid of a Code of the codebook");
        } else {
          members.add(id);
        }
      }
      entries.addSet(line, new CodeSet(setName, setHeads.get(s)[1], members));
    }
    return entries.build(name, "");
  }

  private static @Nullable String attribute(XMLStreamReader xml, String name) {
    String value = xml.getAttributeValue(null, name);
    return value == null ? null : value.strip();
  }

  /** The labelled lines at the end of a Description, split from the free text. */
  private static final class Description {
    String description = "";
    String include = "";
    String exclude = "";
    final List<String> examples = new ArrayList<>();
    @Nullable String sentiment;
    @Nullable String reserved;
    @Nullable String rule;
    @Nullable String id;

    static Description parse(String text) {
      Description d = new Description();
      List<String> free = new ArrayList<>();
      for (String line : text.split("\\R", -1)) {
        String stripped = line.strip();
        if (stripped.startsWith("Include: ")) {
          d.include = stripped.substring(9);
        } else if (stripped.startsWith("Exclude: ")) {
          d.exclude = stripped.substring(9);
        } else if (stripped.startsWith("Example: ")) {
          d.examples.add(stripped.substring(9));
        } else if (stripped.startsWith("Sentiment: ")) {
          d.sentiment = stripped.substring(11);
        } else if (stripped.startsWith("Reserved: ")) {
          d.reserved = stripped.substring(10);
        } else if (stripped.startsWith("Rule: ")) {
          d.rule = stripped.substring(6);
        } else if (stripped.startsWith(ID_LINE)) {
          d.id = stripped.substring(ID_LINE.length()).strip();
        } else {
          free.add(line);
        }
      }
      d.description = String.join("\n", free).strip();
      return d;
    }

    /**
     * In a codebook another tool wrote, a line that only looks like one of insight's ({@code Sentiment: mostly
     * negative}, {@code Rule: see the manual}) is part of the description, not an error.
     */
    void keepInvalidAsText() {
      StringBuilder text = new StringBuilder(description);
      if (sentiment != null && Arrays.stream(Sentiment.values())
          .noneMatch(s -> s.name().equals(sentiment.strip().toUpperCase(Locale.ROOT)))) {
        appendLine(text, "Sentiment: ", sentiment);
        sentiment = null;
      }
      if (reserved != null && Arrays.stream(Reserved.values()).noneMatch(r -> r.name().equals(reserved.strip()
          .toUpperCase(Locale.ROOT).replace(' ', '_').replace("'", "").replace('-', '_')))) {
        appendLine(text, "Reserved: ", reserved);
        reserved = null;
      }
      if (rule != null) {
        try {
          RuleCoder.check(CodeId.of("rule"), rule);
        } catch (IllegalArgumentException e) {
          // a RuleSyntaxException, or a rule the code id check refuses
          appendLine(text, "Rule: ", rule);
          rule = null;
        }
      }
      description = text.toString();
    }

    static String format(Code code) {
      StringBuilder text = new StringBuilder(code.description());
      appendLine(text, "Include: ", code.include());
      appendLine(text, "Exclude: ", code.exclude());
      for (String example : code.examples()) {
        appendLine(text, "Example: ", example);
      }
      if (code.sentiment() != null) {
        appendLine(text, "Sentiment: ", code.sentiment().word());
      }
      if (code.reserved() != null) {
        appendLine(text, "Reserved: ", Entries.reservedName(code.reserved()));
      }
      if (code.rule() != null) {
        appendLine(text, "Rule: ", code.rule());
      }
      if (!GUID.matcher(code.id().value()).matches()) {
        appendLine(text, ID_LINE, code.id().value());
      }
      return text.toString();
    }

    private static void appendLine(StringBuilder text, String label, String value) {
      if (value.isEmpty()) {
        return;
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(label).append(value.replace('\n', ' '));
    }
  }

  static String guid(Codeframe codeframe, String id) {
    if (GUID.matcher(id).matches()) {
      return id;
    }
    return UUID.nameUUIDFromBytes(("insight:" + codeframe.name() + ":" + id).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /**
   * The GUID a code set is exported with (the same in a {@code .qdc} and a {@code .qdpx}).
   *
   * @param codeframe the frame
   * @param set one of its sets
   * @return the GUID
   */
  public static String setGuid(Codeframe codeframe, CodeSet set) {
    return guid(codeframe, "set:" + set.name());
  }

  /**
   * The GUID a code has in the codebooks and projects this class writes: the code's id when it is a GUID, else a
   * name-based UUID of the frame's name and the id.
   *
   * @param codeframe the frame
   * @param code a code of the frame
   * @return the GUID
   */
  public static String codeGuid(Codeframe codeframe, CodeId code) {
    return guid(codeframe, code.value());
  }

  /** The schema allows #RGB as well as #RRGGBB: the same colour, written out in full. */
  private static @Nullable String colour(@Nullable String value) {
    if (value != null && value.length() == 4 && value.charAt(0) == '#') {
      StringBuilder full = new StringBuilder("#");
      for (int i = 1; i < 4; i++) {
        full.append(value.charAt(i)).append(value.charAt(i));
      }
      return full.toString();
    }
    return value;
  }

  /**
   * Writes the frame's codes as nested {@code Code} elements (with the GUIDs and descriptions of {@link #write}) in
   * the writer's current default namespace, for a REFI-QDA project's {@code CodeBook/Codes}, which has the
   * codebook's shape.
   *
   * @param codeframe the frame
   * @param xml a writer positioned inside a {@code Codes} element
   * @throws XMLStreamException when writing fails
   */
  public static void writeCodes(Codeframe codeframe, XMLStreamWriter xml) throws XMLStreamException {
    writeCodes(codeframe, xml, code -> List.of());
  }

  /**
   * Writes the frame's codes as {@link #writeCodes(Codeframe, XMLStreamWriter)} does, each followed (after its
   * description, as the Project schema orders them) by a {@code NoteRef} to each of its memos.
   *
   * @param codeframe the frame
   * @param xml a writer positioned inside a {@code Codes} element
   * @param notes the GUIDs of each code's notes, in order
   * @throws XMLStreamException when writing fails
   */
  public static void writeCodes(Codeframe codeframe, XMLStreamWriter xml, Function<CodeId, List<String>> notes)
      throws XMLStreamException {
    for (Code root : codeframe.roots()) {
      writeCode(codeframe, root, xml, 2, notes);
    }
  }

  /**
   * Writes a codebook (UTF-8); {@link #read} reads it back equal, except the frame's name and version, which the
   * format does not hold.
   *
   * @param codeframe the frame
   * @param out where the XML goes (not closed)
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Codeframe codeframe, OutputStream out) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("CodeBook");
      xml.writeDefaultNamespace(NAMESPACE);
      xml.writeAttribute("origin", ORIGIN);
      xml.writeCharacters("\n  ");
      xml.writeStartElement("Codes");
      for (Code root : codeframe.roots()) {
        writeCode(codeframe, root, xml, 2, code -> List.of());
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      if (!codeframe.sets().isEmpty()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("Sets");
        for (CodeSet set : codeframe.sets()) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("Set");
          xml.writeAttribute("guid", setGuid(codeframe, set));
          xml.writeAttribute("name", set.name());
          if (!set.description().isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("Description");
            xml.writeCharacters(set.description());
            xml.writeEndElement();
          }
          for (CodeId member : set.members()) {
            xml.writeCharacters("\n      ");
            xml.writeEmptyElement("MemberCode");
            xml.writeAttribute("guid", guid(codeframe, member.value()));
          }
          xml.writeCharacters("\n    ");
          xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      xml.close();
      out.flush();
    } catch (XMLStreamException e) {
      throw new UncheckedIOException(new IOException(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeCode(Codeframe codeframe, Code code, XMLStreamWriter xml, int depth,
      Function<CodeId, List<String>> notes) throws XMLStreamException {
    String indent = "\n" + "  ".repeat(depth);
    xml.writeCharacters(indent);
    xml.writeStartElement("Code");
    xml.writeAttribute("guid", guid(codeframe, code.id().value()));
    xml.writeAttribute("name", code.label());
    xml.writeAttribute("isCodable", Boolean.toString(code.codable()));
    if (code.color() != null) {
      xml.writeAttribute("color", code.color());
    }
    String description = Description.format(code);
    if (!description.isEmpty()) {
      xml.writeCharacters(indent + "  ");
      xml.writeStartElement("Description");
      xml.writeCharacters(description);
      xml.writeEndElement();
    }
    for (String note : notes.apply(code.id())) {
      xml.writeCharacters(indent + "  ");
      xml.writeEmptyElement("NoteRef");
      xml.writeAttribute("targetGUID", note);
    }
    for (Code child : codeframe.children(code.id())) {
      writeCode(codeframe, child, xml, depth + 1, notes);
    }
    xml.writeCharacters(indent);
    xml.writeEndElement();
  }
}
