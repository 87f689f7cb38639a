package dev.insight.codeframe.interchange;

import static com.google.common.base.Preconditions.checkNotNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.SpreadsheetText;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * <p>Reading checks everything against the codeframe and reports every problem at once, each with file, line,
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
   * Reads a coded file.
   *
   * @param file the file (UTF-8)
   * @param codeframe the codeframe the codes belong to
   * @return the coding
   * @throws InvalidInputException listing every problem, each with file, line, column and value
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Coding read(Path file, Codeframe codeframe) {
    checkNotNull(file, "file");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString(), codeframe);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no coded file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the coded file " + file, e);
    }
  }

  /**
   * Reads a coded file.
   *
   * @param reader the CSV text
   * @param source the file name used in messages
   * @param codeframe the codeframe the codes belong to
   * @return the coding
   * @throws InvalidInputException listing every problem, each with file, line, column and value
   * @throws UncheckedIOException when reading fails
   */
  public static Coding read(Reader reader, String source, Codeframe codeframe) {
    checkNotNull(reader, "reader");
    checkNotNull(source, "source");
    checkNotNull(codeframe, "codeframe");
    List<InputProblem> problems = new ArrayList<>();
    Coding.Builder builder = Coding.builder(codeframe);
    // per unit and code, the line that gave it; per unit, the line of a none-code
    Map<UnitId, Map<CodeId, Long>> seen = new HashMap<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
        .detectBomHeader(true).ofCsvRecord(reader)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new InvalidInputException(new InputProblem(source, 1, null, null, "the coded file is empty; it "
            + "needs the header " + String.join(",", COLUMNS)));
      }
      CsvRecord header = rows.next();
      if (!header.getFields().equals(COLUMNS)) {
        throw new InvalidInputException(new InputProblem(source, header.getStartingLineNumber(), null,
            String.join(",", header.getFields()), "a coded file's header is " + String.join(",", COLUMNS)));
      }
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        long line = row.getStartingLineNumber();
        if (row.getFieldCount() != COLUMNS.size()) {
          problems.add(new InputProblem(source, line, null, null, "expected " + COLUMNS.size() + " fields, found "
              + row.getFieldCount()));
          continue;
        }
        String id = unsafe(row.getField(0)).strip();
        if (id.isEmpty()) {
          problems.add(new InputProblem(source, line, "id", row.getField(0), "the id is blank"));
          continue;
        }
        UnitId unit = UnitId.of(id);
        builder.unit(unit);
        String codeText = unsafe(row.getField(1)).strip();
        if (codeText.isEmpty()) {
          for (int f = 2; f < COLUMNS.size(); f++) {
            if (!row.getField(f).isBlank()) {
              problems.add(new InputProblem(source, line, COLUMNS.get(f), row.getField(f), "a row without a code "
                  + "(a comment given no code) has nothing else"));
              break;
            }
          }
          continue;
        }
        CodeId code = CodeId.of(codeText);
        if (!codeframe.contains(code)) {
          problems.add(new InputProblem(source, line, "code", codeText, "not a code of the codeframe "
              + codeframe.name() + " " + codeframe.version()));
          continue;
        }
        Code frameCode = codeframe.code(code);
        if (!frameCode.codable()) {
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + source, e.getCause());
    }
    // a none-code beside other codes: name the unit and its lines
    seen.forEach((unit, codes) -> {
      boolean exclusive = codes.keySet().stream().anyMatch(c -> codeframe.code(c).isExclusive());
      if (exclusive && codes.size() > 1) {
        problems.add(new InputProblem(source, codes.values().iterator().next(), "code", codes.keySet().toString(),
            "unit " + unit.value() + " has a none-code (no answer, don't know, gibberish) beside other codes"));
      }
    });
    if (!problems.isEmpty()) {
      problems.sort((a, b) -> Long.compare(a.line(), b.line()));
      throw new InvalidInputException(problems);
    }
    return builder.build();
  }

  private static @Nullable Provenance provenance(CsvRecord row, long line, String source,
      List<InputProblem> problems) {
    String by = row.getField(2).strip();
    String who = unsafe(row.getField(3)).strip();
    String confidence = row.getField(4).strip();
    String at = row.getField(5).strip();
    String evidenceText = unsafe(row.getField(6)).strip();
    List<String> evidence = evidenceText.isEmpty() ? List.of() : List.of(evidenceText.split(EVIDENCE_SEPARATOR));
    int before = problems.size();
    Instant time = null;
    try {
      time = Instant.parse(at);
    } catch (DateTimeParseException e) {
      problems.add(new InputProblem(source, line, "at", at, "expected an ISO instant such as 2026-12-01T10:00:00Z"));
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
      problems.add(new InputProblem(source, line, "confidence", confidence, "only a model's code has a confidence"));
    }
    if (by.equals("human") && !evidence.isEmpty()) {
      problems.add(new InputProblem(source, line, "evidence", evidenceText, "a person's code has no evidence"));
    }
    if (problems.size() > before) {
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

  /**
   * Combines codings of the same frame (say, a person's and then a model's of the comments the person left). A unit
   * in several codings must have the same codes in each; the assignments of the first coding that has the unit are
   * kept.
   *
   * @param codings the codings, each with the name used in messages (its file)
   * @return the combined coding
   * @throws InvalidInputException naming every unit the codings disagree on, with each file's codes (a conflict
   *     report), or a coding of another frame
   */
  public static Coding combine(Map<String, Coding> codings) {
    checkNotNull(codings, "codings");
    if (codings.isEmpty()) {
      throw new IllegalArgumentException("no codings to combine");
    }
    Codeframe frame = codings.values().iterator().next().codeframe();
    Coding.Builder builder = Coding.builder(frame);
    Map<UnitId, String> firstSource = new LinkedHashMap<>();
    Map<UnitId, Set<CodeId>> firstCodes = new HashMap<>();
    List<InputProblem> problems = new ArrayList<>();
    codings.forEach((source, coding) -> {
      if (!coding.codeframe().equals(frame)) {
        problems.add(new InputProblem(source, 0, null, null, "coded with another codeframe than "
            + firstSource.values().stream().findFirst().orElse("the first file")));
        return;
      }
      for (UnitId unit : coding.units()) {
        Set<CodeId> codes = coding.codes(unit);
        String earlier = firstSource.putIfAbsent(unit, source);
        if (earlier == null) {
          firstCodes.put(unit, codes);
          builder.unit(unit);
          coding.assignments(unit).forEach(builder::add);
        } else if (!firstCodes.get(unit).equals(codes)) {
          problems.add(new InputProblem(source, 0, "id", unit.value(), "conflicting codes for " + unit.value()
              + ": " + names(firstCodes.get(unit)) + " in " + earlier + ", " + names(codes) + " in " + source));
        }
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return builder.build();
  }

  private static String names(Set<CodeId> codes) {
    Set<String> sorted = new TreeSet<>();
    codes.forEach(c -> sorted.add(c.value()));
    return sorted.isEmpty() ? "no code" : String.join(";", sorted);
  }
}
