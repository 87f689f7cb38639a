package dev.insight.codeframe.interchange;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.CodeSet;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.CodeframeProblem;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.Sentiment;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.rules.RuleSyntaxException;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What every reader shares: the codes read so far with the line each came from, the problems met, and the final
 * check that turns them into a frame or an exception listing every problem with its line.
 */
final class Entries {
  private final String source;
  private final List<Code.Builder> codes = new ArrayList<>();
  private final List<Boolean> codableGiven = new ArrayList<>();
  private final List<Long> lines = new ArrayList<>();
  private final List<InputProblem> problems = new ArrayList<>();
  private final List<CodeSet> sets = new ArrayList<>();
  private final List<Long> setLines = new ArrayList<>();

  Entries(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  void problem(long line, @Nullable String column, @Nullable String value, String message) {
    problems.add(new InputProblem(source, line, column, value, message));
  }

  InvalidInputException fatal(long line, @Nullable String column, @Nullable String value, String message) {
    problem(line, column, value, message);
    return new InvalidInputException(problems);
  }

  /** Adds a code; {@code codable} null means "not given": codable unless it turns out to have children. */
  void add(long line, Code.Builder code, @Nullable Boolean codable) {
    codes.add(code);
    codableGiven.add(codable != null);
    if (codable != null) {
      code.codable(codable);
    }
    lines.add(line);
  }

  InvalidInputException failNow() {
    return new InvalidInputException(problems);
  }

  void addSet(long line, CodeSet set) {
    sets.add(set);
    setLines.add(line);
  }

  int size() {
    return codes.size();
  }

  @Nullable CodeId id(String value, long line, String column) {
    try {
      return CodeId.of(value);
    } catch (IllegalArgumentException e) {
      problem(line, column, value, e.getMessage());
      return null;
    }
  }

  @Nullable Reserved reserved(String value, long line, String column) {
    if (value.isBlank()) {
      return null;
    }
    String normal = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace("'", "").replace('-', '_');
    for (Reserved reserved : Reserved.values()) {
      if (reserved.name().equals(normal)) {
        return reserved;
      }
    }
    problem(line, column, value, "not a reserved meaning; use no_answer, dont_know, other or gibberish");
    return null;
  }

  @Nullable Sentiment sentiment(String value, long line, String column) {
    if (value.isBlank()) {
      return null;
    }
    String normal = value.strip().toUpperCase(Locale.ROOT);
    for (Sentiment sentiment : Sentiment.values()) {
      if (sentiment.name().equals(normal)) {
        return sentiment;
      }
    }
    problem(line, column, value, "not a sentiment; use positive, neutral, negative or mixed");
    return null;
  }

  static String reservedName(Reserved reserved) {
    return reserved.name().toLowerCase(Locale.ROOT);
  }

  /** The frame, or an exception listing every problem (read problems, invalid codes, bad rules) with its line. */
  Codeframe build(String name, String version) {
    List<Code> built = new ArrayList<>();
    List<Long> builtLines = new ArrayList<>();
    Set<CodeId> parents = new HashSet<>();
    for (Code.Builder builder : codes) {
      Code probe = tryBuild(builder, -1);
      if (probe != null && probe.parent() != null) {
        parents.add(probe.parent());
      }
    }
    for (int i = 0; i < codes.size(); i++) {
      Code.Builder builder = codes.get(i);
      Code probe = tryBuild(builder, lines.get(i));
      if (probe == null) {
        continue;
      }
      if (!codableGiven.get(i)) {
        builder.codable(!parents.contains(probe.id()) || probe.reserved() != null);
      }
      Code code = tryBuild(builder, lines.get(i));
      if (code == null) {
        continue;
      }
      if (code.rule() != null) {
        try {
          RuleCoder.check(code.id(), code.rule());
        } catch (RuleSyntaxException e) {
          problem(lines.get(i), "rule", code.rule(), e.getMessage());
        }
      }
      built.add(code);
      builtLines.add(lines.get(i));
    }
    for (CodeframeProblem problem : Codeframe.validate(built)) {
      String message = problem.related() >= 0
          ? "duplicate code id " + problem.code() + " (first on line " + builtLines.get(problem.related()) + ")"
          : problem.message();
      problem(builtLines.get(problem.index()), null, problem.code().value(), message);
    }
    Set<CodeId> ids = new HashSet<>();
    built.forEach(c -> ids.add(c.id()));
    for (int i = 0; i < sets.size(); i++) {
      for (CodeId member : sets.get(i).members()) {
        if (!ids.contains(member)) {
          problem(setLines.get(i), "set " + sets.get(i).name(), member.value(), "code set member is not a code of the frame");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    try {
      return Codeframe.of(name, version, built, sets);
    } catch (IllegalArgumentException e) {
      throw fatal(0, null, null, e.getMessage());
    }
  }

  private @Nullable Code tryBuild(Code.Builder builder, long line) {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      if (line >= 0) {
        problem(line, null, null, e.getMessage());
      }
      return null;
    }
  }
}
