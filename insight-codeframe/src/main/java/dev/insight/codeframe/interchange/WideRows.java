package dev.insight.codeframe.interchange;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The rules of the wide layouts that {@link CodedFileReader} applies to a row: times, none-codes, conflicts. */
final class WideRows {
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private WideRows() {}

  /** A unit's codes less the none-codes that sit beside other codes, each such row reported. */
  static Set<CodeId> exclusive(Codeframe frame, Set<CodeId> codes, long line, UnitId unit, String source,
      List<InputProblem> problems) {
    if (codes.size() < 2) {
      return codes;
    }
    Set<CodeId> kept = new LinkedHashSet<>();
    List<CodeId> dropped = new ArrayList<>();
    for (CodeId code : codes) {
      if (frame.code(code).isExclusive()) {
        dropped.add(code);
      } else {
        kept.add(code);
      }
    }
    if (dropped.isEmpty()) {
      return codes;
    }
    if (kept.isEmpty()) {
      // several none-codes and nothing else: keep the first
      kept.add(dropped.remove(0));
    }
    problems.add(new InputProblem(source, line, null, unit.value(), "none-code(s) " + dropped
        + " exclude every other code, but the unit also has " + kept + "; the none-code(s) are left out"));
    return kept;
  }

  /** A time as spreadsheets write it: ISO instant, ISO date-time or date (UTC), or dd/MM/yyyy; null if none. */
  static @Nullable Instant time(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(value, DAY_MONTH_YEAR).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The units two or more coders coded differently. */
  static List<CoderConflict> conflicts(Map<String, Map<UnitId, CodedFileReader.Row>> seen,
      Map<String, Set<CodeId>> codes) {
    if (seen.size() < 2) {
      return List.of();
    }
    Map<UnitId, Map<String, Set<CodeId>>> byUnit = new LinkedHashMap<>();
    seen.forEach((coder, units) -> units.forEach((unit, first) ->
        byUnit.computeIfAbsent(unit, u -> new LinkedHashMap<>()).put(coder, codes.get(CodedFileReader.key(first)))));
    List<CoderConflict> conflicts = new ArrayList<>();
    byUnit.forEach((unit, byCoder) -> {
      if (byCoder.size() > 1 && byCoder.values().stream().distinct().count() > 1) {
        conflicts.add(new CoderConflict(unit, byCoder));
      }
    });
    return conflicts;
  }
}
