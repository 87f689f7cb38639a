package dev.insight.codeframe.interchange;

import dev.insight.core.internal.CsvOutput;
import dev.insight.core.internal.SpreadsheetText;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A codeframe as a CSV codebook, one row per node: the columns {@code code,label,parent,description} are required
 * (in any order); {@code codable} ({@code true}/{@code false}; when blank a node is codable unless it has
 * children), {@code include}, {@code exclude}, {@code examples} (separated by {@code " | "}), {@code sentiment},
 * {@code reserved} ({@code no_answer}, {@code dont_know}, {@code other}, {@code gibberish}), {@code rule} and
 * {@code color} are optional. A net is a row like any other, named in its children's {@code parent}. Code sets are
 * not kept (use JSON or REFI-QDA for them); writing a frame with sets fails rather than lose them.
 */
public final class CodebookCsv {
  static final List<String> REQUIRED = List.of("code", "label", "parent", "description");
  static final List<String> OPTIONAL = List.of("codable", "include", "exclude", "examples", "sentiment", "reserved",
      "rule", "color");
  private static final String EXAMPLE_SEPARATOR = " | ";

  private CodebookCsv() {}

  /**
   * Reads a codebook.
   *
   * @param reader the CSV text (UTF-8, a header row, comma separated)
   * @param source the file name used in messages
   * @param name the frame's name (a CSV codebook has no place for it)
   * @param version the frame's version label
   * @return the frame
   * @throws InvalidInputException listing every problem with its line and column
   * @throws UncheckedIOException when reading fails
   */
  public static Codeframe read(Reader reader, String source, String name, String version) {
    Entries entries = new Entries(source);
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
        .detectBomHeader(true).ofCsvRecord(reader)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw entries.fatal(0, null, null, "the codebook is empty; expected a header " + String.join(",", REQUIRED));
      }
      CsvRecord header = rows.next();
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < header.getFieldCount(); i++) {
        String column = header.getField(i).strip().toLowerCase(Locale.ROOT);
        if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
          entries.problem(header.getStartingLineNumber(), header.getField(i), null,
              "unknown codebook column (it would be lost); known columns are " + REQUIRED + " and " + OPTIONAL);
        } else if (columns.putIfAbsent(column, i) != null) {
          entries.problem(header.getStartingLineNumber(), column, null, "column appears twice");
        }
      }
      for (String required : REQUIRED) {
        if (!columns.containsKey(required)) {
          entries.problem(header.getStartingLineNumber(), required, null, "required column is missing");
        }
      }
      if (!columns.keySet().containsAll(REQUIRED)) {
        throw entries.failNow();
      }
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        row(row, columns, entries);
      }
    } catch (CsvParseException e) {
      throw entries.fatal(0, null, null, "malformed CSV: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return entries.build(name, version);
  }

  private static String field(CsvRecord row, Map<String, Integer> columns, String column) {
    Integer at = columns.get(column);
    if (at == null || at >= row.getFieldCount()) {
      return "";
    }
    // a cell the writer neutralised against formula injection reads back as written
    return SpreadsheetText.restore(row.getField(at)).strip();
  }

  private static void row(CsvRecord row, Map<String, Integer> columns, Entries entries) {
    long line = row.getStartingLineNumber();
    String id = field(row, columns, "code");
    String label = field(row, columns, "label");
    if (id.isEmpty()) {
      entries.problem(line, "code", null, "the code is blank");
      return;
    }
    if (label.isEmpty()) {
      entries.problem(line, "label", null, "code " + id + " has no label");
      return;
    }
    CodeId codeId = entries.id(id, line, "code");
    if (codeId == null) {
      return;
    }
    Code.Builder builder = Code.builder(codeId, label);
    String parent = field(row, columns, "parent");
    if (!parent.isEmpty()) {
      builder.parent(entries.id(parent, line, "parent"));
    }
    builder.description(field(row, columns, "description"));
    builder.include(field(row, columns, "include"));
    builder.exclude(field(row, columns, "exclude"));
    String examples = field(row, columns, "examples");
    if (!examples.isEmpty()) {
      Arrays.stream(examples.split(" \\| ")).map(String::strip).filter(e -> !e.isEmpty()).forEach(builder::example);
    }
    builder.sentiment(entries.sentiment(field(row, columns, "sentiment"), line, "sentiment"));
    builder.reserved(entries.reserved(field(row, columns, "reserved"), line, "reserved"));
    String rule = field(row, columns, "rule");
    builder.rule(rule.isEmpty() ? null : rule);
    String color = field(row, columns, "color");
    builder.color(color.isEmpty() ? null : color);
    String codable = field(row, columns, "codable").toLowerCase(Locale.ROOT);
    Boolean flag = null;
    if (codable.equals("true") || codable.equals("1") || codable.equals("yes")) {
      flag = Boolean.TRUE;
    } else if (codable.equals("false") || codable.equals("0") || codable.equals("no")) {
      flag = Boolean.FALSE;
    } else if (!codable.isEmpty()) {
      entries.problem(line, "codable", codable, "expected true or false");
    }
    entries.add(line, builder, flag);
  }

  /**
   * Writes a codebook with every column; {@link #read} reads it back equal.
   *
   * @param codeframe the frame
   * @param writer where the CSV goes (not closed)
   * @throws IllegalArgumentException when the frame has code sets, which a CSV codebook cannot keep
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Codeframe codeframe, Writer writer) {
    if (!codeframe.sets().isEmpty()) {
      throw new IllegalArgumentException("codeframe " + codeframe.name() + " has " + codeframe.sets().size()
          + " code set(s), which a CSV codebook cannot keep; write JSON or REFI-QDA instead");
    }
    CsvOutput csv = CsvOutput.of(writer);
    List<String> header = new ArrayList<>(REQUIRED);
    header.addAll(OPTIONAL);
    csv.record(header);
    for (Code code : codeframe.codes()) {
      for (String example : code.examples()) {
        if (example.contains(EXAMPLE_SEPARATOR)) {
          throw new IllegalArgumentException("code " + code.id() + ": example '" + example + "' contains '"
              + EXAMPLE_SEPARATOR + "', the separator of the examples column; write JSON instead");
        }
      }
      csv.record(code.id().value(), code.label(), code.parent() == null ? "" : code.parent().value(),
          code.description(), Boolean.toString(code.codable()), code.include(), code.exclude(),
          String.join(EXAMPLE_SEPARATOR, code.examples()), code.sentiment() == null ? "" : code.sentiment().word(),
          code.reserved() == null ? "" : Entries.reservedName(code.reserved()), code.rule() == null ? "" : code.rule(),
          code.color() == null ? "" : code.color());
    }
    try {
      csv.flush();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
