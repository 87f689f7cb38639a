package dev.insight.core.sss;

import dev.insight.core.data.Category;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.SafeXml;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code .sss} metadata file into {@link TripleSMetadata}: first into a small element tree, bounded in size,
 * depth and element count, with DTDs never fetched and entity declarations refused; then element by element, each
 * mistake an {@link InvalidInputException} naming the file, the line and the element.
 */
final class MetadataParser {
  /** The largest metadata file read: far beyond a survey of ten thousand variables. */
  static final long MAX_BYTES = 64L << 20;
  /** The deepest element nesting (Triple-S needs six). */
  static final int MAX_DEPTH = 32;
  /** The most elements in one file. */
  static final int MAX_ELEMENTS = 2_000_000;
  /** The longest text of one element, in characters. */
  static final int MAX_TEXT = 100_000;
  /** The most codes one variable may declare (ranges of a single or multiple included). */
  static final int MAX_CODES = 10_000;
  /** The furthest position a variable may have (a record of a million characters). */
  static final int MAX_POSITION = 1_000_000;
  /** The furthest field of CSV data, as for any CSV record. */
  static final int MAX_FIELDS = 100_000;
  /** The most columns a survey reads as (a multiple reads as one per code). */
  static final int MAX_COLUMNS = 100_000;
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
  private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");
  private static final Pattern VERSION = Pattern.compile("[123]\\.[0-9]{1,3}(\\.[0-9]{1,3})?");

  private final String source;
  private final List<String> notes = new ArrayList<>();
  private String language = "";

  private MetadataParser(String source) {
    this.source = source;
  }

  /** An element: its name, attributes, children, text and line. */
  private static final class Node {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<Node> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final long line;

    Node(String name, long line) {
      this.name = name;
      this.line = line;
    }

    @Nullable Node child(String wanted) {
      for (Node c : children) {
        if (c.name.equals(wanted)) {
          return c;
        }
      }
      return null;
    }

    List<Node> all(String wanted) {
      return children.stream().filter(c -> c.name.equals(wanted)).toList();
    }
  }

  static TripleSMetadata read(Path file) {
    MetadataParser parser = new MetadataParser(file.toString());
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Triple-S metadata " + file, e);
    }
    if (size > MAX_BYTES) {
      throw parser.error(0, null, "the metadata file is " + size + " bytes, more than the " + MAX_BYTES
          + " a Triple-S metadata file is read up to");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Triple-S metadata " + file, e);
    }
    String[] encoding = new String[1];
    String text = parser.decode(bytes, encoding);
    Node root = parser.tree(new StringReader(text));
    return parser.metadata(root, encoding[0]);
  }

  private static final Pattern DECLARED = Pattern.compile(
      "^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,39})[\"']");

  /**
   * The file's text: decoded by its byte-order mark, else the encoding its XML declaration gives, else UTF-8, bytes
   * not valid in it an error naming the line (decoding here, not in the XML parser, which prints such errors).
   */
  private String decode(byte[] bytes, String[] encoding) {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      skip = 3;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else {
      String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
      Matcher declared = DECLARED.matcher(head);
      if (declared.find()) {
        encoding[0] = declared.group(1);
        try {
          charset = Charset.forName(encoding[0]);
        } catch (IllegalArgumentException e) {
          throw error(1, null, "the XML declaration's encoding \"" + encoding[0] + "\" is not one this Java knows");
        }
      }
    }
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
        (long) ((bytes.length - skip) * (double) decoder.maxCharsPerByte()) + 16));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      long line = 1 + out.chars().filter(c -> c == '\n').count();
      throw error(line, null, "bytes not valid in " + charset.name() + " at byte offset " + in.position()
          + " (the encoding the XML declaration gives, or UTF-8 without one)");
    }
    out.flip();
    return out.toString();
  }

  private InvalidInputException error(long line, @Nullable String element, String message) {
    return new InvalidInputException(new InputProblem(source, line, element == null ? null : "<" + element + ">",
        null, message));
  }

  private InvalidInputException error(Node node, String message) {
    return error(node.line, node.name, message);
  }

  private Node tree(Reader in) {
    Deque<Node> open = new ArrayDeque<>();
    Node root = null;
    int elements = 0;
    long line = 0;
    XMLStreamReader xml = null;
    try {
      xml = SafeXml.inputFactory().createXMLStreamReader(in);
      while (xml.hasNext()) {
        int event = xml.next();
        line = xml.getLocation().getLineNumber();
        switch (event) {
          case XMLStreamConstants.DTD -> {
            if (xml.getText().contains("[")) {
              throw error(line, null, "a DOCTYPE with declarations of its own is refused (entities could read "
                  + "other files or fill memory); Triple-S needs none");
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> throw error(line, null, "entity reference &"
              + xml.getLocalName() + "; is refused: only XML's own entities (&amp; &lt; &gt; &quot; &apos;) and "
              + "character references are read");
          case XMLStreamConstants.START_ELEMENT -> {
            if (open.size() >= MAX_DEPTH) {
              throw error(line, xml.getLocalName(), "elements nest more than " + MAX_DEPTH + " deep");
            }
            if (++elements > MAX_ELEMENTS) {
              throw error(line, xml.getLocalName(), "more than " + MAX_ELEMENTS + " elements");
            }
            Node node = new Node(xml.getLocalName(), line);
            for (int i = 0; i < xml.getAttributeCount(); i++) {
              node.attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
            if (root == null) {
              root = node;
              if (!node.name.equals("sss")) {
                throw error(node, "not Triple-S metadata: the root element is <" + node.name + ">, not <sss>");
              }
            } else {
              Node parent = open.peek();
              if (parent == null) {
                throw error(node, "a second root element");
              }
              parent.children.add(node);
              if (node.name.equals("br")) {
                parent.text.append(' ');
              }
            }
            open.push(node);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            Node top = open.peek();
            if (top != null) {
              if (top.text.length() + xml.getTextLength() > MAX_TEXT) {
                throw error(line, top.name, "an element's text is longer than " + MAX_TEXT + " characters");
              }
              top.text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          default -> { }
        }
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      // the JDK's parser throws unchecked exceptions on some malformed DTDs (a message key missing from its
      // resources, say): still malformed XML, and said so
      throw error(line, null, "not well-formed XML (the parser stopped: " + e.getClass().getSimpleName() + ")");
    } catch (XMLStreamException e) {
      long at = e.getLocation() == null ? line : e.getLocation().getLineNumber();
      String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*"
          + "Message: ", "");
      throw error(Math.max(at, 0), null, "not well-formed XML: " + message.strip());
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // the read is over; its own failure, if any, is the one reported
        }
      }
    }
    if (root == null) {
      throw error(0, null, "not Triple-S metadata: the file holds no XML element");
    }
    return root;
  }

  private TripleSMetadata metadata(Node sss, @Nullable String encoding) {
    String version = sss.attributes.get("version");
    if (version == null || !VERSION.matcher(version.strip()).matches()) {
      throw error(sss, "the <sss> element's version is " + (version == null ? "missing" : "\"" + version + "\"")
          + "; this reader knows Triple-S XML 1.1 to 3.0");
    }
    String languages = sss.attributes.getOrDefault("languages", "").strip();
    language = languages.isEmpty() ? "" : languages.split("\\s+")[0];
    Node survey = sss.child("survey");
    if (survey == null) {
      throw error(sss, "no <survey> element");
    }
    if (survey.child("hierarchy") != null || survey.all("record").size() > 1) {
      Node at = survey.child("hierarchy") != null ? survey.child("hierarchy") : survey.all("record").get(1);
      throw error(at, "hierarchical Triple-S (several records, or a <hierarchy>) is not supported: export each "
          + "level as a survey of its own");
    }
    Node record = survey.child("record");
    if (record == null) {
      throw error(survey, "no <record> element: the survey declares no variables");
    }
    String format = record.attributes.getOrDefault("format", "fixed").strip();
    if (!format.equals("fixed") && !format.equals("csv")) {
      throw error(record, "format \"" + format + "\": a record's data is fixed or csv");
    }
    boolean csv = format.equals("csv");
    int skip = 0;
    String skipText = record.attributes.get("skip");
    if (skipText != null) {
      if (!WHOLE.matcher(skipText.strip()).matches() || Integer.parseInt(skipText.strip()) > 1000) {
        throw error(record, "skip \"" + skipText + "\": the lines to skip are a whole number from 0 to 1000");
      }
      skip = Integer.parseInt(skipText.strip());
    }
    String href = record.attributes.get("href");
    List<TripleSVariable> variables = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node node : record.all("variable")) {
      TripleSVariable v = variable(node, csv);
      if (!names.add(v.name())) {
        throw error(node, "variable name " + v.name() + " is declared twice");
      }
      variables.add(v);
    }
    if (variables.isEmpty()) {
      throw error(record, "the record declares no <variable>");
    }
    long columns = variables.stream().mapToLong(v -> v.columns().size()).sum();
    if (columns > MAX_COLUMNS) {
      throw error(record, "the variables read as " + columns + " columns, more than the " + MAX_COLUMNS
          + " a survey is read with");
    }
    return new TripleSMetadata(version.strip(), text(survey.child("name")), text(survey.child("title")), csv, skip,
        href == null || href.isBlank() ? null : href.strip(), encoding, variables, notes);
  }

  /** An element's text in its preferred language, white space collapsed; blank for a missing element. */
  private String text(@Nullable Node node) {
    if (node == null) {
      return "";
    }
    List<Node> texts = node.all("text");
    if (!texts.isEmpty()) {
      Node chosen = texts.stream().filter(t -> language.equals(t.attributes.get("lang"))).findFirst()
          .orElse(texts.get(0));
      return text(chosen);
    }
    return node.text.toString().replaceAll("\\s+", " ").strip();
  }

  private TripleSVariable variable(Node node, boolean csv) {
    String ident = node.attributes.get("ident");
    if (ident == null || ident.isBlank()) {
      throw error(node, "a <variable> needs an ident attribute");
    }
    String typeText = node.attributes.get("type");
    String where = "variable ident " + ident;
    TripleSType type = typeText == null ? null : TripleSType.of(typeText).orElse(null);
    if (type == null) {
      throw error(node, where + ": " + (typeText == null ? "no type attribute" : "unknown type \"" + typeText
          + "\"") + "; Triple-S types are single, multiple, quantity, character, logical, date and time");
    }
    String name = text(node.child("name"));
    if (name.isEmpty()) {
      throw error(node, where + ": no <name>");
    }
    where = "variable " + name;
    String formatText = node.attributes.getOrDefault("format", "numeric").strip();
    if (!formatText.equals("numeric") && !formatText.equals("literal")) {
      throw error(node, where + ": format \"" + formatText + "\": a single's codes are numeric or literal");
    }
    boolean literal = formatText.equals("literal") && type == TripleSType.SINGLE;
    String use = node.attributes.get("use");
    use = use == null || !(use.strip().equals("serial") || use.strip().equals("weight")) ? null : use.strip();
    Node position = node.child("position");
    if (position == null) {
      throw error(node, where + ": no <position>");
    }
    int start = positionNumber(position, "start", where, null);
    int finish = positionNumber(position, "finish", where, start);
    if (finish < start) {
      throw error(position, where + ": finish " + finish + " is before start " + start);
    }
    if (csv && finish > MAX_FIELDS) {
      throw error(position, where + ": field " + finish + " is beyond the " + MAX_FIELDS + " fields a CSV record "
          + "is read with");
    }
    int span = finish - start + 1;
    int subfields = 0;
    int width = 0;
    Node spread = node.child("spread");
    if (spread != null) {
      if (type != TripleSType.MULTIPLE) {
        throw error(spread, where + ": <spread> belongs to a multiple, and this variable is " + type.attribute());
      }
      subfields = positionNumber(spread, "subfields", where, null);
      Integer given = spread.attributes.get("width") == null ? null : positionNumber(spread, "width", where, null);
      if (csv) {
        width = given == null ? 0 : given;
        if (span != 1 && span != subfields) {
          throw error(spread, where + ": " + subfields + " subfields in fields " + start + " to " + finish
              + " (one field per subfield, or all in one field)");
        }
      } else {
        width = given != null ? given : span / subfields;
        if (given == null && span % subfields != 0 || (long) width * subfields > span) {
          throw error(spread, where + ": " + subfields + " subfields" + (given == null ? "" : " of " + width
              + " characters") + " do not fit in positions " + start + " to " + finish);
        }
      }
    }
    if (node.child("filter") != null) {
      notes.add(where + " has a <filter>: it is not applied; the respondents it leaves out read as not answered "
          + "where their data is blank");
    }
    List<TripleSVariable.Range> ranges = new ArrayList<>();
    List<Category> values = values(node, type, literal, where, ranges);
    int size = 0;
    Node sizeNode = node.child("size");
    if (sizeNode != null) {
      String sizeText = text(sizeNode);
      if (!WHOLE.matcher(sizeText).matches()) {
        throw error(sizeNode, where + ": size \"" + sizeText + "\" is not a whole number");
      }
      size = Integer.parseInt(sizeText);
    }
    checkShape(node, type, csv, span, subfields, width, values, where);
    return new TripleSVariable(ident.strip(), name, text(node.child("label")), type, literal, use, start, finish,
        subfields, width, values, ranges, size);
  }

  private int positionNumber(Node node, String attribute, String where, @Nullable Integer fallback) {
    String text = node.attributes.get(attribute);
    if (text == null && fallback != null) {
      return fallback;
    }
    if (text == null || !WHOLE.matcher(text.strip()).matches() || Integer.parseInt(text.strip()) < 1
        || Integer.parseInt(text.strip()) > MAX_POSITION) {
      throw error(node, where + ": " + attribute + " " + (text == null ? "is missing" : "\"" + text + "\" is not "
          + "a whole number from 1 to " + MAX_POSITION));
    }
    return Integer.parseInt(text.strip());
  }

  private List<Category> values(Node node, TripleSType type, boolean literal, String where,
      List<TripleSVariable.Range> ranges) {
    List<Node> declared = new ArrayList<>();
    Node values = node.child("values");
    if (values != null) {
      declared.addAll(values.children);
    }
    declared.addAll(node.all("range"));
    Map<String, Category> codes = new LinkedHashMap<>();
    for (Node value : declared) {
      if (value.name.equals("value")) {
        String code = value.attributes.get("code");
        if (code == null || code.isBlank()) {
          throw error(value, where + ": a <value> needs a code attribute");
        }
        String key = literal ? code.strip() : number(value, code, where, type);
        if (codes.put(key, Category.of(key, text(value).isEmpty() ? key : text(value))) != null) {
          throw error(value, where + ": code " + key + " is declared twice");
        }
      } else if (value.name.equals("range")) {
        double from = decimal(value, "from", where);
        double to = decimal(value, "to", where);
        if (to < from) {
          throw error(value, where + ": range from " + from + " to " + to + " is empty");
        }
        if (type == TripleSType.SINGLE && !literal || type == TripleSType.MULTIPLE) {
          if (from != Math.rint(from) || to != Math.rint(to) || to - from >= MAX_CODES) {
            throw error(value, where + ": a range of codes runs between whole numbers, at most " + MAX_CODES
                + " of them");
          }
          for (long c = (long) from; c <= (long) to; c++) {
            codes.putIfAbsent(Long.toString(c), Category.of(Long.toString(c)));
          }
        } else {
          ranges.add(new TripleSVariable.Range(from, to));
        }
      }
      if (codes.size() > MAX_CODES) {
        throw error(value, where + ": more than " + MAX_CODES + " codes");
      }
    }
    List<Category> ordered = new ArrayList<>(codes.values());
    if (!literal && type != TripleSType.QUANTITY) {
      ordered.sort(Comparator.comparing(c -> new BigDecimal(c.code())));
    }
    return ordered;
  }

  /** A declared numeric code in its plain form ({@code 01} and {@code 1} are one code). */
  private String number(Node value, String code, String where, TripleSType type) {
    String text = code.strip();
    if (!NUMBER.matcher(text).matches() || text.length() > 40) {
      throw error(value, where + ": code \"" + code + "\" is not a number" + (type == TripleSType.SINGLE
          ? " (give the variable format=\"literal\" for codes that are text)" : ""));
    }
    BigDecimal number = new BigDecimal(text);
    if (type != TripleSType.QUANTITY && (number.signum() < 0 || number.stripTrailingZeros().scale() > 0)) {
      throw error(value, where + ": code \"" + code + "\" is not a whole number from 0");
    }
    return type == TripleSType.QUANTITY ? number.toPlainString() : number.toBigInteger().toString();
  }

  private double decimal(Node node, String attribute, String where) {
    String text = node.attributes.get(attribute);
    if (text == null || !NUMBER.matcher(text.strip()).matches() || text.strip().length() > 40) {
      throw error(node, where + ": range " + attribute + " " + (text == null ? "is missing" : "\"" + text
          + "\" is not a number"));
    }
    return Double.parseDouble(text.strip());
  }

  private void checkShape(Node node, TripleSType type, boolean csv, int span, int subfields,
      int width, List<Category> values, String where) {
    if (csv && type != TripleSType.MULTIPLE && span != 1) {
      throw error(node, where + ": in CSV data a " + type.attribute() + " is one field, not fields " + (span > 0
          ? "spanning " + span : ""));
    }
    switch (type) {
      case SINGLE -> {
        if (values.isEmpty()) {
          throw error(node, where + ": a single declares its codes in <values>, and there are none");
        }
        if (!csv) {
          for (Category c : values) {
            if (c.code().length() > span) {
              throw error(node, where + ": code " + c.code() + " does not fit in its " + span + " characters");
            }
          }
        }
      }
      case MULTIPLE -> {
        if (values.isEmpty()) {
          throw error(node, where + ": a multiple declares its codes in <values>, and there are none");
        }
        for (Category c : values) {
          long code = Long.parseLong(c.code());
          if (subfields > 0 && !csv && c.code().length() > width) {
            throw error(node, where + ": code " + c.code() + " does not fit in a subfield of " + width
                + " characters");
          }
          int bits = csv && span == 1 ? Integer.MAX_VALUE : span;
          if (subfields == 0 && (code < 1 || code > bits)) {
            throw error(node, where + ": in a bitstring, code " + c.code() + " would be character " + code
                + " of " + span + "; a bitstring's codes run from 1 to its width");
          }
        }
      }
      case DATE -> {
        if (!csv && span != 8) {
          throw error(node, where + ": a date is 8 characters (YYYYMMDD), not " + span);
        }
      }
      case TIME -> {
        if (!csv && span != 6 && span != 4) {
          throw error(node, where + ": a time is 6 characters (HHMMSS) or 4 (HHMM), not " + span);
        }
      }
      default -> { }
    }
  }
}
