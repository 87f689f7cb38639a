package dev.insight.examples.cli.code;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the comments of a CSV file by id: the one way the code commands read comments to join a coded file to. */
final class CommentsFile {
  private CommentsFile() {}

  /**
   * Reads every row's id and comment (and context).
   *
   * @throws InvalidInputException for a missing column, a blank or repeated id (every one, with its line)
   */
  static Comments read(Path data, String idColumn, String textColumn, @Nullable String contextColumn) {
    String source = data.toString();
    List<UnitId> units = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<String> contexts = new ArrayList<>();
    Map<String, Long> lineOf = new HashMap<>();
    try (Reader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
            .detectBomHeader(true).ofCsvRecord(reader)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new InvalidInputException(new InputProblem(source, 0, null, null, "the file is empty"));
      }
      CsvRecord header = rows.next();
      int idAt = column(header, idColumn, source);
      int textAt = column(header, textColumn, source);
      int contextAt = contextColumn == null ? -1 : column(header, contextColumn, source);
      List<InputProblem> problems = new ArrayList<>();
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        long line = row.getStartingLineNumber();
        String id = idAt < row.getFieldCount() ? row.getField(idAt).strip() : "";
        if (id.isEmpty()) {
          problems.add(new InputProblem(source, line, idColumn, null, "the respondent id is blank"));
          continue;
        }
        Long first = lineOf.putIfAbsent(id, line);
        if (first != null) {
          problems.add(new InputProblem(source, line, idColumn, id, "duplicate respondent id (first on line "
              + first + ")"));
          continue;
        }
        units.add(UnitId.of(id));
        texts.add(textAt < row.getFieldCount() ? row.getField(textAt) : "");
        contexts.add(contextAt >= 0 && contextAt < row.getFieldCount() ? row.getField(contextAt) : "");
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    } catch (CsvParseException e) {
      throw new InvalidInputException(new InputProblem(source, 0, null, null, "malformed CSV: " + e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return new Comments(units, texts, contexts);
  }

  private static int column(CsvRecord header, String name, String source) {
    for (int i = 0; i < header.getFieldCount(); i++) {
      if (header.getField(i).strip().equals(name)) {
        return i;
      }
    }
    throw new InvalidInputException(new InputProblem(source, header.getStartingLineNumber(), name, null,
        "column not found; the header has " + header.getFields()));
  }
}
