package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads coded comments, and comments to code, from CSV files (UTF-8, header row, RFC 4180 quoting).
 *
 * <p>Every problem is reported with file, line, column and value; a file with problems is not read at all
 * (strict), so a model is never trained on silently dropped rows.
 */
public final class TrainingCsv {
  private TrainingCsv() {}

  /**
   * Reads coded comments.
   *
   * @param file the CSV file
   * @param textColumn the column holding the comment
   * @param source where the codes are
   * @return the coded comments; code columns keep their order, codes from a list or label column are sorted
   * @throws InvalidInputException naming every missing column, bad 0/1 value, blank label or short row
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CodedExamples read(Path file, String textColumn, CodeSource source) {
    return read(file, textColumn, source, "");
  }

  /**
   * Reads coded comments with their context: a column that changes what the words mean, typically the question
   * the comment answers (see {@link CodedExample#context()}).
   *
   * @param file the CSV file
   * @param textColumn the column holding the comment
   * @param source where the codes are
   * @param contextColumn the column holding each comment's context; empty for none
   * @return the coded comments, whose {@link CodedExamples#contextName()} is the context column
   * @throws InvalidInputException naming every missing column, bad 0/1 value, blank label or short row
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CodedExamples read(Path file, String textColumn, CodeSource source, String contextColumn) {
    checkNotNull(textColumn, "textColumn");
    checkNotNull(source, "source");
    checkNotNull(contextColumn, "contextColumn");
    String name = file.toString();
    List<InputProblem> problems = new ArrayList<>();
    List<String> wanted = new ArrayList<>();
    wanted.add(textColumn);
    wanted.addAll(source.columns());
    boolean withContext = !contextColumn.isEmpty();
    if (withContext) {
      wanted.add(contextColumn);
    }
    List<CodedExample> examples = new ArrayList<>();
    Set<String> seenCodes = new TreeSet<>();
    try (CsvReader<CsvRecord> csv = reader(file)) {
      Iterator<CsvRecord> rows = csv.iterator();
      int[] at = header(rows, name, wanted, problems);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        long line = row.getStartingLineNumber();
        if (row.getFieldCount() <= max(at)) {
          problems.add(new InputProblem(name, line, null, null, "the row has " + row.getFieldCount()
              + " fields, too few for the columns asked for"));
          continue;
        }
        String text = row.getField(at[0]);
        Set<CodeId> codes = new LinkedHashSet<>();
        switch (source.kind()) {
          case CODE_COLUMNS -> {
            for (int c = 0; c < source.columns().size(); c++) {
              String value = row.getField(at[c + 1]).strip();
              if (value.equals("1")) {
                codes.add(CodeId.of(source.columns().get(c).strip()));
              } else if (!value.isEmpty() && !value.equals("0")) {
                problems.add(new InputProblem(name, line, source.columns().get(c), value,
                    "a code column must hold 1 (coded), 0 or blank (not coded)"));
              }
            }
          }
          case CODE_LIST -> {
            for (String part : row.getField(at[1]).split(";")) {
              if (!part.isBlank()) {
                codes.add(CodeId.of(part.strip()));
                seenCodes.add(part.strip());
              }
            }
          }
          case LABEL -> {
            String value = row.getField(at[1]).strip();
            if (value.isEmpty()) {
              problems.add(new InputProblem(name, line, source.columns().get(0), value,
                  "the label is blank; every comment of a single-label file needs one code"));
              continue;
            }
            codes.add(CodeId.of(value));
            seenCodes.add(value);
          }
        }
        examples.add(new CodedExample(text, codes, withContext ? row.getField(at[at.length - 1]).strip() : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (examples.isEmpty()) {
      throw new InvalidInputException(new InputProblem(name, 0, null, null, "the file has no coded comments"));
    }
    List<CodeId> codes = new ArrayList<>();
    if (source.kind() == CodeSource.Kind.CODE_COLUMNS) {
      source.columns().forEach(c -> codes.add(CodeId.of(c.strip())));
    } else {
      seenCodes.forEach(c -> codes.add(CodeId.of(c)));
    }
    return new CodedExamples(source.mode(), codes, examples, contextColumn);
  }

  /**
   * Reads the comments of a column, in file order.
   *
   * @param file the CSV file
   * @param textColumn the column holding the comment
   * @return one text per data row
   * @throws InvalidInputException if the column is missing or a row is too short
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<String> readTexts(Path file, String textColumn) {
    return readColumns(file, List.of(textColumn)).get(0);
  }

  /**
   * Reads several columns in one pass, in file order (e.g. the comment, its id and its context).
   *
   * @param file the CSV file
   * @param columns the columns to read
   * @return one list per column, in the order asked, each with one value per data row
   * @throws InvalidInputException naming every missing column and every row too short to reach a column
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<List<String>> readColumns(Path file, List<String> columns) {
    String name = file.toString();
    List<InputProblem> problems = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    columns.forEach(column -> values.add(new ArrayList<>()));
    try (CsvReader<CsvRecord> csv = reader(file)) {
      Iterator<CsvRecord> rows = csv.iterator();
      int[] at = header(rows, name, columns, problems);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        for (int c = 0; c < at.length; c++) {
          if (row.getFieldCount() <= at[c]) {
            problems.add(new InputProblem(name, row.getStartingLineNumber(), columns.get(c), null,
                "the row has " + row.getFieldCount() + " fields, too few to reach this column"));
            break;
          }
          values.get(c).add(row.getField(at[c]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return values;
  }

  /**
   * The column names of a CSV file's header row.
   *
   * @param file the CSV file
   * @return the names, stripped, in order
   * @throws InvalidInputException if the file is empty
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<String> columns(Path file) {
    try (CsvReader<CsvRecord> csv = reader(file)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new InvalidInputException(new InputProblem(file.toString(), 0, null, null,
            "the file is empty (no header row)"));
      }
      List<String> names = new ArrayList<>();
      rows.next().getFields().forEach(f -> names.add(f.strip()));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static CsvReader<CsvRecord> reader(Path file) throws IOException {
    return CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true).detectBomHeader(true)
        .ofCsvRecord(file, StandardCharsets.UTF_8);
  }

  private static int[] header(Iterator<CsvRecord> rows, String name, List<String> wanted,
      List<InputProblem> problems) {
    if (!rows.hasNext()) {
      problems.add(new InputProblem(name, 0, null, null, "the file is empty (no header row)"));
      return new int[0];
    }
    CsvRecord header = rows.next();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      position.putIfAbsent(header.getField(i).strip(), i);
    }
    int[] at = new int[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      Integer p = position.get(wanted.get(i).strip());
      if (p == null) {
        problems.add(new InputProblem(name, header.getStartingLineNumber(), wanted.get(i), null,
            "no such column in the header; the columns are " + header.getFields()));
      } else {
        at[i] = p;
      }
    }
    return at;
  }

  private static int max(int[] values) {
    int m = 0;
    for (int v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
