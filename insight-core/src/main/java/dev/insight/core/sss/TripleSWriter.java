package dev.insight.core.sss;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.insight.core.codebook.CodebookVariable;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.codebook.VariableType;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvHeader;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.data.Category;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes a survey as Triple-S XML 2.0 metadata with fixed-width data, from its records ({@link CsvFile}) and its
 * codebook, in two passes over the records: {@link #measure} each record to learn the fields' widths, then
 * {@link #metadata} and {@link #write} each record.
 *
 * <p>Each variable keeps its label and its categories in order. A single-choice or ordinal variable is a
 * {@code single}: codes as written when they are all whole numbers ({@code 0}, {@code 12}; no leading zeros),
 * otherwise {@code format="literal"} with the codes as written. A multiple-response variable is a {@code multiple}
 * in bitstring format: one character per option, 1 chosen and 0 not, in the codebook's order (the options become
 * codes 1, 2, ... labelled with their text; blank when the respondent answered none of them). A numeric variable
 * is a {@code quantity} whose range is the smallest and largest value, its missing codes as labelled values. The id
 * is the {@code serial} variable. A date column of ISO dates is a {@code date}; text, and anything else, is
 * {@code character} as wide as its longest value ({@code <size>} the same), line breaks written as spaces. Names
 * become Triple-S names (letters, digits and {@code _}, starting with a letter), each change noted.
 */
public final class TripleSWriter {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern CODE = Pattern.compile("0|[1-9][0-9]{0,8}");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final List<Field> fields = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private long lineBreaks;
  private boolean placed;

  /** How one variable is written. */
  private static final class Field {
    final CodebookVariable source;
    final String name;
    final int[] at;
    final List<Category> options;
    final Map<String, Integer> index = new HashMap<>();
    TripleSType type;
    boolean literal;
    boolean serial;
    boolean numbers = true;
    boolean dates = true;
    int width = 1;
    @Nullable BigDecimal min;
    @Nullable BigDecimal max;
    int start;

    Field(CodebookVariable source, String name, int[] at) {
      this.source = source;
      this.name = name;
      this.at = at;
      this.options = source.categories();
      for (int i = 0; i < options.size(); i++) {
        index.put(options.get(i).code(), i);
      }
      this.type = switch (source.type()) {
        case SINGLE, ORDINAL -> TripleSType.SINGLE;
        case MULTIPLE -> TripleSType.MULTIPLE;
        case NUMERIC -> TripleSType.QUANTITY;
        case DATE -> TripleSType.DATE;
        case TEXT, ID -> TripleSType.CHARACTER;
      };
      this.serial = source.type() == VariableType.ID;
      if (type == TripleSType.SINGLE) {
        literal = !options.stream().allMatch(c -> CODE.matcher(c.code()).matches());
        options.forEach(c -> width = Math.max(width, c.code().length()));
      }
      if (type == TripleSType.MULTIPLE) {
        width = Math.max(1, options.size());
      }
      if (type == TripleSType.QUANTITY) {
        source.missingCodes().forEach(code -> width = Math.max(width, plain(code).length()));
      }
    }
  }

  private TripleSWriter() {}

  /**
   * A writer for the variables of a codebook, read from the columns of a header.
   *
   * @param codebook the variables to write, in order
   * @param header the header of the records they will be read from
   * @return the writer, ready to measure records
   * @throws IllegalArgumentException when a variable's column is not in the header, or a multiple-response or
   *     single-choice variable has no categories to declare
   */
  public static TripleSWriter of(SurveyCodebook codebook, CsvHeader header) {
    checkNotNull(codebook, "codebook");
    TripleSWriter writer = new TripleSWriter();
    Set<String> taken = new HashSet<>();
    for (CodebookVariable v : codebook.variables()) {
      int[] at = new int[v.columns().size()];
      for (int i = 0; i < at.length; i++) {
        String column = v.columns().get(i);
        at[i] = header.indexOf(column).orElseThrow(() -> new IllegalArgumentException("variable " + v.name()
            + ": column " + column + ": " + header.whyNot(column)));
      }
      if ((v.type() == VariableType.MULTIPLE || v.type() == VariableType.SINGLE || v.type() == VariableType.ORDINAL)
          && v.categories().isEmpty()) {
        throw new IllegalArgumentException("variable " + v.name() + " is " + v.type().jsonName() + " with no "
            + "categories: Triple-S declares every code; give them with --codebook");
      }
      String name = name(v.name(), taken);
      if (!name.equals(v.name())) {
        writer.notes.add("variable " + v.name() + " is written as " + name + " (a Triple-S name is letters, digits "
            + "and _, starting with a letter)");
      }
      writer.fields.add(new Field(v, name, at));
    }
    return writer;
  }

  private static String name(String wanted, Set<String> taken) {
    String name = wanted.replaceAll("[^A-Za-z0-9_]+", "_");
    if (!NAME.matcher(name).matches()) {
      name = "V" + name;
    }
    String base = name;
    for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  /**
   * Learns from one record the widths of the fields, the range of the numbers and whether dates and ids can be
   * written as Triple-S dates and quantities.
   *
   * @param record the records, positioned on a record
   * @throws dev.insight.core.input.InvalidInputException when a value cannot be written: a code not among its
   *     variable's categories, or text in a numeric variable (naming the line, column and value)
   */
  public void measure(CsvFile record) {
    checkState(!placed, "every record is measured before the metadata is written");
    for (Field f : fields) {
      if (f.type == TripleSType.MULTIPLE) {
        String delimiter = f.source.delimiter();
        if (delimiter != null) {
          for (String part : cell(record, f.at[0]).split(Pattern.quote(delimiter), -1)) {
            if (!part.isBlank() && !f.index.containsKey(part.strip())) {
              throw record.problems().fatal(record.line(), f.source.columns().get(0), part.strip(), "not an option "
                  + "of " + f.source.name() + ": Triple-S declares every option of a multiple (give the options "
                  + "with --codebook)");
            }
          }
        }
        continue;
      }
      String value = cell(record, f.at[0]);
      if (value.isEmpty()) {
        continue;
      }
      switch (f.source.type()) {
        case SINGLE, ORDINAL -> {
          if (!f.index.containsKey(value)) {
            throw record.problems().fatal(record.line(), f.source.columns().get(0), value, "not a category of "
                + f.source.name() + ": Triple-S declares every code of a single (give the categories with "
                + "--codebook)");
          }
        }
        case NUMERIC -> {
          if (Double.isNaN(DecimalNumber.parse(value))) {
            throw record.problems().fatal(record.line(), f.source.columns().get(0), value,
                DecimalNumber.why(value) + " (numeric variable " + f.source.name() + ")");
          }
          BigDecimal number = new BigDecimal(value);
          if (!f.source.missingCodes().contains(value)) {
            f.min = f.min == null || number.compareTo(f.min) < 0 ? number : f.min;
            f.max = f.max == null || number.compareTo(f.max) > 0 ? number : f.max;
          }
          f.width = Math.max(f.width, number.toPlainString().length());
        }
        case ID -> {
          f.numbers &= CODE.matcher(value).matches();
          if (f.numbers) {
            BigDecimal number = new BigDecimal(value);
            f.min = f.min == null || number.compareTo(f.min) < 0 ? number : f.min;
            f.max = f.max == null || number.compareTo(f.max) > 0 ? number : f.max;
          }
          f.width = Math.max(f.width, value.codePointCount(0, value.length()));
        }
        case DATE -> {
          f.dates &= ISO_DATE.matcher(value).matches();
          f.width = Math.max(f.width, value.codePointCount(0, value.length()));
        }
        default -> f.width = Math.max(f.width, value.codePointCount(0, value.length()));
      }
    }
  }

  private static String cell(CsvFile record, int at) {
    return at < record.fieldCount() ? record.field(at).strip() : "";
  }

  private static String plain(String number) {
    double parsed = DecimalNumber.parse(number);
    return Double.isNaN(parsed) ? number : new BigDecimal(number).toPlainString();
  }

  /** Settles each field's type and position, once every record is measured. */
  private void place() {
    if (placed) {
      return;
    }
    placed = true;
    int next = 1;
    for (Field f : fields) {
      if (f.source.type() == VariableType.ID && f.numbers) {
        f.type = TripleSType.QUANTITY;
      }
      if (f.source.type() == VariableType.DATE && f.dates) {
        f.width = 8;
      } else if (f.source.type() == VariableType.DATE) {
        f.type = TripleSType.CHARACTER;
      }
      f.start = next;
      next += f.width;
    }
  }

  /**
   * The width of a record, once every record is measured.
   *
   * @return the characters of one record
   */
  public int recordWidth() {
    place();
    Field last = fields.isEmpty() ? null : fields.get(fields.size() - 1);
    return last == null ? 0 : last.start + last.width - 1;
  }

  /**
   * The metadata, once every record is measured: Triple-S XML 2.0 in UTF-8, its record in fixed format.
   *
   * @param name the survey's name
   * @param title the survey's title
   * @return the {@code .sss} file's text
   */
  public String metadata(String name, String title) {
    place();
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("sss");
      xml.writeAttribute("version", "2.0");
      element(xml, 1, "origin", "insight");
      indent(xml, 1);
      xml.writeStartElement("survey");
      element(xml, 2, "name", name);
      element(xml, 2, "title", title);
      indent(xml, 2);
      xml.writeStartElement("record");
      xml.writeAttribute("ident", "A");
      xml.writeAttribute("format", "fixed");
      int ident = 0;
      for (Field f : fields) {
        variable(xml, f, ++ident);
      }
      indent(xml, 2);
      xml.writeEndElement();
      indent(xml, 1);
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the metadata could not be written: " + e.getMessage(), e);
    }
    return text.toString();
  }

  private void variable(XMLStreamWriter xml, Field f, int ident) throws XMLStreamException {
    indent(xml, 3);
    xml.writeStartElement("variable");
    xml.writeAttribute("ident", Integer.toString(ident));
    xml.writeAttribute("type", f.type.attribute());
    if (f.type == TripleSType.SINGLE && f.literal) {
      xml.writeAttribute("format", "literal");
    }
    if (f.serial) {
      xml.writeAttribute("use", "serial");
    }
    element(xml, 4, "name", f.name);
    element(xml, 4, "label", f.source.label());
    indent(xml, 4);
    xml.writeEmptyElement("position");
    xml.writeAttribute("start", Integer.toString(f.start));
    xml.writeAttribute("finish", Integer.toString(f.start + f.width - 1));
    switch (f.type) {
      case SINGLE -> {
        indent(xml, 4);
        xml.writeStartElement("values");
        for (Category c : f.options) {
          element(xml, 5, "value", c.label(), c.code());
        }
        indent(xml, 4);
        xml.writeEndElement();
      }
      case MULTIPLE -> {
        indent(xml, 4);
        xml.writeStartElement("values");
        for (int i = 0; i < f.options.size(); i++) {
          element(xml, 5, "value", f.options.get(i).label(), Integer.toString(i + 1));
        }
        indent(xml, 4);
        xml.writeEndElement();
      }
      case QUANTITY -> {
        indent(xml, 4);
        xml.writeStartElement("values");
        indent(xml, 5);
        xml.writeEmptyElement("range");
        xml.writeAttribute("from", f.min == null ? "0" : f.min.toPlainString());
        xml.writeAttribute("to", f.max == null ? "0" : f.max.toPlainString());
        if (!f.serial) {
          for (Category c : f.options) {
            if (c.missing()) {
              element(xml, 5, "value", c.label(), plain(c.code()));
            }
          }
        }
        indent(xml, 4);
        xml.writeEndElement();
      }
      case CHARACTER -> element(xml, 4, "size", Integer.toString(f.width));
      default -> { }
    }
    indent(xml, 3);
    xml.writeEndElement();
  }

  private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }

  private static void element(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
    element(xml, depth, name, text, null);
  }

  private static void element(XMLStreamWriter xml, int depth, String name, String text, @Nullable String code)
      throws XMLStreamException {
    indent(xml, depth);
    xml.writeStartElement(name);
    if (code != null) {
      xml.writeAttribute("code", code);
    }
    xml.writeCharacters(xmlText(text));
    xml.writeEndElement();
  }

  /** Text as XML 1.0 allows it, on one line: control characters and line breaks as spaces. */
  private static String xmlText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean surrogateOk = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1)) || Character.isLowSurrogate(c) && i > 0
          && Character.isHighSurrogate(text.charAt(i - 1));
      boolean bad = c < 0x20 || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c) && !surrogateOk;
      out.append(bad ? ' ' : c);
    }
    return out.toString().replaceAll(" {2,}", " ").strip();
  }

  /**
   * Writes one record as a fixed-width line, ended by CR LF.
   *
   * @param record the records, positioned on a record
   * @param out where the line goes
   * @throws IOException when writing fails
   */
  public void write(CsvFile record, Writer out) throws IOException {
    place();
    StringBuilder line = new StringBuilder(recordWidth() + 2);
    for (Field f : fields) {
      if (f.type == TripleSType.MULTIPLE) {
        multiple(f, record, line);
        continue;
      }
      String value = cell(record, f.at[0]);
      if (value.isEmpty()) {
        pad(line, "", f.width, false);
        continue;
      }
      switch (f.type) {
        case SINGLE -> pad(line, value, f.width, !f.literal);
        case QUANTITY -> pad(line, new BigDecimal(value).toPlainString(), f.width, true);
        case DATE -> line.append(value, 0, 4).append(value, 5, 7).append(value, 8, 10);
        default -> {
          String text = value;
          if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            lineBreaks++;
            text = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
          }
          pad(line, text, f.width, false);
        }
      }
    }
    out.write(line.toString());
    out.write("\r\n");
  }

  private static void pad(StringBuilder line, String text, int width, boolean right) {
    int length = text.codePointCount(0, text.length());
    if (right) {
      line.append(" ".repeat(width - length)).append(text);
    } else {
      line.append(text).append(" ".repeat(width - length));
    }
  }

  /** A multiple's bitstring: 1 for each option chosen, blank when no option column holds an answer. */
  private static void multiple(Field f, CsvFile record, StringBuilder line) {
    boolean[] chosen = new boolean[f.options.size()];
    boolean answered = false;
    if (f.source.delimiter() != null) {
      String cell = cell(record, f.at[0]);
      answered = !cell.isEmpty();
      for (String part : cell.split(Pattern.quote(f.source.delimiter()), -1)) {
        Integer i = f.index.get(part.strip());
        if (i != null) {
          chosen[i] = true;
        }
      }
    } else {
      for (int i = 0; i < f.at.length; i++) {
        String cell = cell(record, f.at[i]);
        answered |= !cell.isEmpty();
        chosen[i] = !cell.isEmpty() && !cell.equals("0");
      }
    }
    for (boolean c : chosen) {
      line.append(!answered ? ' ' : c ? '1' : '0');
    }
  }

  /**
   * What the writer changed that the user should know: names made Triple-S names, line breaks in text written as
   * spaces.
   *
   * @return the notes, in words
   */
  public List<String> notes() {
    List<String> all = new ArrayList<>(notes);
    if (lineBreaks > 0) {
      all.add(lineBreaks + " text value" + (lineBreaks == 1 ? "" : "s") + " held line breaks, written as spaces "
          + "(a fixed-width record is one line)");
    }
    return all;
  }
}
