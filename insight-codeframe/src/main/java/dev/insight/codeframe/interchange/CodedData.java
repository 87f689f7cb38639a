package dev.insight.codeframe.interchange;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A coded file as read by {@link CodedFileReader}: one {@link Coding} per coder (the project's coded format holds one
 * coding, kept under the file's name), the units coders coded differently, the problems met (empty in strict mode,
 * which throws instead), the comments when a text column was read, and the line each unit was first met on.
 *
 * @param source the file name used in messages
 * @param byCoder each coder's coding, in the order the coders were met in the file
 * @param conflicts the units coded by two or more coders with different codes
 * @param problems the problems met while reading, in file order (lenient mode)
 * @param comments the comments of the coded units, read from the text column (empty when none was asked for)
 * @param lines the line of the file each unit was first met on
 */
public record CodedData(String source, Map<String, Coding> byCoder, List<CoderConflict> conflicts,
    List<InputProblem> problems, Comments comments, Map<UnitId, Long> lines) {

  /**
   * Copies the collections, keeping their order.
   *
   * @param source the file name used in messages
   * @param byCoder each coder's coding, in the order the coders were met in the file
   * @param conflicts the units coded by two or more coders with different codes
   * @param problems the problems met while reading, in file order (lenient mode)
   * @param comments the comments of the coded units, read from the text column (empty when none was asked for)
   * @param lines the line of the file each unit was first met on
   */
  public CodedData {
    checkNotNull(source, "source");
    checkNotNull(comments, "comments");
    byCoder = Collections.unmodifiableMap(new LinkedHashMap<>(byCoder));
    conflicts = List.copyOf(conflicts);
    problems = List.copyOf(problems);
    lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
  }

  /**
   * The coding of the only coder in the file (or of the coded format's one coding).
   *
   * @return the coding
   * @throws IllegalStateException when the file has several coders (use {@link #byCoder()}) or none
   */
  public Coding coding() {
    if (byCoder.size() != 1) {
      throw new IllegalStateException(source + " has " + byCoder.size() + " coders " + byCoder.keySet()
          + "; choose one with byCoder()");
    }
    return byCoder.values().iterator().next();
  }

  /**
   * One coder's coding.
   *
   * @param coder the coder's name
   * @return the coding
   * @throws IllegalArgumentException when there is no such coder
   */
  public Coding of(String coder) {
    Coding coding = byCoder.get(coder);
    checkArgument(coding != null, "no coder %s in %s; coders are %s", coder, source, byCoder.keySet());
    return coding;
  }

  /**
   * Checks that every coded unit is a comment of the data: a coded comment id missing from the data is an error
   * naming this file, the line and the id, never dropped.
   *
   * @param known the ids of the data (respondents or comments)
   * @param data the data's name, for the message
   * @throws InvalidInputException naming every coded unit that is not in the data, each with its line
   */
  public void checkIn(Collection<UnitId> known, String data) {
    Set<UnitId> ids = known instanceof Set<UnitId> set ? set : new HashSet<>(known);
    List<InputProblem> missing = new ArrayList<>();
    for (Coding coding : byCoder.values()) {
      for (UnitId unit : coding.units()) {
        if (!ids.contains(unit)) {
          missing.add(new InputProblem(source, lines.getOrDefault(unit, 0L), "id", unit.value(),
              "not an id of " + data + ": a coded comment must be one of the data's"));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
  }

  /**
   * Combines codings read from several files. A unit in several of them must have the same codes in each; the
   * assignments of the first that has it are kept.
   *
   * @param files the codings read, each with its source and lines
   * @return one coded data, named after every file, its lines those of the file each unit was kept from
   * @throws InvalidInputException naming every unit the files disagree on, with each file, line and codes
   */
  public static CodedData combine(List<CodedData> files) {
    checkArgument(!files.isEmpty(), "no codings to combine");
    Codeframe frame = files.get(0).coding().codeframe();
    Coding.Builder builder = Coding.builder(frame);
    Map<UnitId, CodedData> firstFile = new LinkedHashMap<>();
    Map<UnitId, Long> lines = new LinkedHashMap<>();
    List<InputProblem> problems = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CodedData data : files) {
      names.add(data.source());
      Coding coding = data.coding();
      if (!coding.codeframe().equals(frame)) {
        problems.add(new InputProblem(data.source(), 0, null, null, "coded with another codeframe than "
            + files.get(0).source()));
        continue;
      }
      for (UnitId unit : coding.units()) {
        CodedData earlier = firstFile.putIfAbsent(unit, data);
        if (earlier == null) {
          lines.put(unit, data.lines().getOrDefault(unit, 0L));
          builder.unit(unit);
          coding.assignments(unit).forEach(builder::add);
        } else if (!earlier.coding().codes(unit).equals(coding.codes(unit))) {
          problems.add(new InputProblem(data.source(), data.lines().getOrDefault(unit, 0L), "id", unit.value(),
              "conflicting codes for " + unit.value() + ": " + names(earlier.coding().codes(unit)) + " in "
                  + earlier.source() + " (line " + earlier.lines().getOrDefault(unit, 0L) + "), "
                  + names(coding.codes(unit)) + " here"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String source = String.join(" + ", names);
    return new CodedData(source, Map.of(source, builder.build()), List.of(), List.of(),
        Comments.of(List.of(), List.of()), lines);
  }

  private static String names(Set<CodeId> codes) {
    Set<String> sorted = new TreeSet<>();
    codes.forEach(c -> sorted.add(c.value()));
    return sorted.isEmpty() ? "no code" : String.join(";", sorted);
  }
}
