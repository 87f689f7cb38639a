package dev.insight.codeframe.interchange;

import static com.google.common.base.Preconditions.checkNotNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.SpreadsheetText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The coded file: the one file format every coder writes (manual import, rules, the learned model, the review page)
 * and every consumer reads (agreement, training, tables, the report). One row per assignment, so each code of each
 * comment keeps its own provenance:
 * <pre>
 * id,code,by,source,confidence,at,evidence
 * R1,sa,human,ann,,2026-12-01T10:00:00Z,
 * R1,wa,rule,wait* NEAR/3 appointment,,2026-12-01T10:00:00Z,Waiting; appointment
 * R2,sl,model,visits.model insight-learned-coder/4 3fa2c91b (trained on 300),0.9312,2026-12-01T10:05:00Z,
 * R3,,,,,,
 * </pre>
 * {@code by} is {@code human}, {@code rule} or {@code model}; {@code source} is the coder's name, the rule as written
 * or the model's name and version; {@code confidence} is the model's calibrated probability (blank for people and
 * rules); {@code at} an ISO instant; {@code evidence} the matched words or features, separated by {@code "; "}. A row
 * with only an id is a comment that was coded and given no code. Rows follow the coding's order of units.
 *
 * <p>Reading ({@link CodedFileReader#coded}) checks everything against the codeframe and reports every problem at once, each with file, line,
 * column and value: a code not in the codeframe or not codable (a net), a unit coded twice with the same code, a
 * none-code beside other codes, missing or malformed provenance, a blank id, a missing column. Cells that a
 * spreadsheet would run as a formula are written with a leading apostrophe ({@code SpreadsheetText}, as every
 * output of the project), which reading removes again.
 */
public final class CodingCsv {
  /** The columns, in order. */
  public static final List<String> COLUMNS = List.of("id", "code", "by", "source", "confidence", "at", "evidence");
  private static final String EVIDENCE_SEPARATOR = "; ";

  private CodingCsv() {}

  /**
   * Writes a coding.
   *
   * @param coding the coding
   * @param writer where the CSV goes (flushed, not closed)
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Coding coding, Writer writer) {
    checkNotNull(coding, "coding");
    checkNotNull(writer, "writer");
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer);
    csv.writeRecord(COLUMNS);
    String[] row = new String[COLUMNS.size()];
    for (UnitId unit : coding.units()) {
      List<Assignment> assignments = coding.assignments(unit);
      if (assignments.isEmpty()) {
        Arrays.fill(row, "");
        row[0] = safe(unit.value());
        csv.writeRecord(row);
        continue;
      }
      for (Assignment assignment : assignments) {
        Provenance provenance = assignment.provenance();
        row[0] = safe(unit.value());
        row[1] = safe(assignment.code().value());
        row[2] = by(provenance);
        row[3] = safe(provenance instanceof Provenance.Rule rule ? rule.rule() : provenance.source());
        row[4] = provenance.confidence().isPresent()
            ? String.format(Locale.ROOT, "%.4f", provenance.confidence().getAsDouble()) : "";
        row[5] = provenance.at().toString();
        List<String> evidence = provenance instanceof Provenance.Rule rule ? rule.matched()
            : provenance instanceof Provenance.Model model ? model.evidence() : List.of();
        row[6] = safe(String.join(EVIDENCE_SEPARATOR, evidence));
        csv.writeRecord(row);
      }
    }
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the rows of a coded file after its header (the one reader, {@link CodedFileReader}, calls this).
   *
   * @throws InvalidInputException listing every problem
   */
  static CodedData read(Iterator<CsvRecord> rows, String source, Codeframe frame, List<InputProblem> problems) {
    CsvRecord header = rows.next();
    if (!header.getFields().equals(COLUMNS)) {
      throw new InvalidInputException(new InputProblem(source, header.getStartingLineNumber(), null,
          String.join(",", header.getFields()), "a coded file's header is " + String.join(",", COLUMNS)));
    }
    Coding.Builder builder = Coding.builder(frame);
    Map<UnitId, Map<CodeId, Long>> seen = new HashMap<>();
    Map<UnitId, Long> lines = new LinkedHashMap<>();
    while (rows.hasNext()) {
      CsvRecord row = rows.next();
      long line = row.getStartingLineNumber();
      if (row.getFieldCount() != COLUMNS.size()) {
        problems.add(new InputProblem(source, line, null, null, "expected " + COLUMNS.size()
            + " fields, found " + row.getFieldCount()));
        continue;
      }
      String id = unsafe(row.getField(0)).strip();
      if (id.isEmpty()) {
        problems.add(new InputProblem(source, line, "id", row.getField(0), "the id is blank"));
        continue;
      }
      UnitId unit = UnitId.of(id);
      builder.unit(unit);
      lines.putIfAbsent(unit, line);
      String codeText = unsafe(row.getField(1)).strip();
      if (codeText.isEmpty()) {
        for (int f = 2; f < COLUMNS.size(); f++) {
          if (!row.getField(f).isBlank()) {
            problems.add(new InputProblem(source, line, COLUMNS.get(f), row.getField(f), "a row "
                + "without a code (a comment given no code) has nothing else"));
            break;
          }
        }
        continue;
      }
      CodeId code = CodeId.of(codeText);
      if (!frame.contains(code)) {
        problems.add(new InputProblem(source, line, "code", codeText, "not a code of the codeframe "
            + frame.name() + " " + frame.version()));
        continue;
      }
      if (!frame.code(code).codable()) {
        problems.add(new InputProblem(source, line, "code", codeText, "a net, not a codable code: give the codes "
            + "under it"));
        continue;
      }
      Long first = seen.computeIfAbsent(unit, u -> new LinkedHashMap<>()).putIfAbsent(code, line);
      if (first != null) {
        problems.add(new InputProblem(source, line, "code", codeText, "unit " + id + " already has this code "
            + "(line " + first + "); a coded file holds one coding: give each coder's coding its own file"));
        continue;
      }
      Provenance provenance = provenance(row, line, source, problems);
      if (provenance != null) {
        builder.assign(unit, code, provenance);
      }
    }
    // a none-code beside other codes: name the unit and its line
    seen.forEach((unit, codes) -> {
      boolean exclusive = codes.keySet().stream().anyMatch(c -> frame.code(c).isExclusive());
      if (exclusive && codes.size() > 1) {
        problems.add(new InputProblem(source, codes.values().iterator().next(), "code", codes.keySet().toString(),
            "unit " + unit.value() + " has a none-code (no answer, don't know, gibberish) beside other codes"));
      }
    });
    if (!problems.isEmpty()) {
      // a coding with a none-code beside others cannot be built: lenient reading is for the wide layouts
      problems.sort(Comparator.comparingLong(InputProblem::line));
      throw new InvalidInputException(problems);
    }
    return new CodedData(source, Map.of(source, builder.build()), List.of(), List.of(),
        Comments.of(List.of(), List.of()), lines);
  }

  private static @Nullable Provenance provenance(CsvRecord row, long line, String source,
      List<InputProblem> problems) {
    String by = row.getField(2).strip();
    String who = unsafe(row.getField(3)).strip();
    String confidence = row.getField(4).strip();
    String when = row.getField(5).strip();
    String evidenceText = unsafe(row.getField(6)).strip();
    List<String> evidence = evidenceText.isEmpty() ? List.of() : List.of(evidenceText.split(EVIDENCE_SEPARATOR));
    int before = problems.size();
    Instant time = null;
    try {
      time = Instant.parse(when);
    } catch (DateTimeParseException e) {
      problems.add(new InputProblem(source, line, "at", when, "expected an ISO instant such as "
          + "2026-12-01T10:00:00Z"));
    }
    if (!by.equals("human") && !by.equals("rule") && !by.equals("model")) {
      problems.add(new InputProblem(source, line, "by", by, "expected human, rule or model"));
      return null;
    }
    if (who.isEmpty()) {
      problems.add(new InputProblem(source, line, "source", who, "the " + (by.equals("human") ? "coder's name"
          : by.equals("rule") ? "rule" : "model's name") + " is blank"));
    }
    double score = Double.NaN;
    if (by.equals("model")) {
      try {
        score = Double.parseDouble(confidence);
      } catch (NumberFormatException e) {
        score = Double.NaN;
      }
      if (!(score >= 0 && score <= 1)) {
        problems.add(new InputProblem(source, line, "confidence", confidence, "a model's code needs a confidence "
            + "from 0 to 1"));
      }
    } else if (!confidence.isEmpty()) {
      problems.add(new InputProblem(source, line, "confidence", confidence, "only a model's code has a "
          + "confidence"));
    }
    if (by.equals("human") && !evidence.isEmpty()) {
      problems.add(new InputProblem(source, line, "evidence", evidenceText, "a person's code has no evidence"));
    }
    if (problems.size() > before || time == null) {
      return null;
    }
    return switch (by) {
      case "human" -> new Provenance.Human(who, time);
      case "rule" -> new Provenance.Rule(who, evidence, time);
      default -> new Provenance.Model(who, score, evidence, time);
    };
  }

  private static String by(Provenance provenance) {
    if (provenance instanceof Provenance.Human) {
      return "human";
    }
    return provenance instanceof Provenance.Rule ? "rule" : "model";
  }

  /** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
  static String safe(String cell) {
    return SpreadsheetText.neutralise(cell);
  }

  /** Undoes {@link #safe(String)}. */
  static String unsafe(String cell) {
    return SpreadsheetText.restore(cell);
  }
}
