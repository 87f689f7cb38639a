package dev.insight.codeframe.manual;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.coding.Coding;
import dev.insight.core.input.InputProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coded data as read: one {@link Coding} per coder, the units on which coders disagree, and the problems met
 * (always empty in strict mode, which throws instead).
 *
 * @param byCoder each coder's coding, in the order the coders were met in the file
 * @param conflicts the units coded by two or more coders with different codes
 * @param problems the problems met while reading, in file order
 */
public record ManualCoding(Map<String, Coding> byCoder, List<CoderConflict> conflicts, List<InputProblem> problems) {

  /**
   * Copies the collections, keeping the coders' order.
   *
   * @param byCoder each coder's coding, in the order the coders were met in the file
   * @param conflicts the units coded by two or more coders with different codes
   * @param problems the problems met while reading, in file order
   */
  public ManualCoding {
    checkNotNull(byCoder, "byCoder");
    byCoder = Collections.unmodifiableMap(new LinkedHashMap<>(byCoder));
    conflicts = List.copyOf(conflicts);
    problems = List.copyOf(problems);
  }

  /**
   * The coding of the only coder in the file.
   *
   * @return the coding
   * @throws IllegalStateException when the file has several coders (use {@link #byCoder()}) or none
   */
  public Coding coding() {
    if (byCoder.size() != 1) {
      throw new IllegalStateException("the coded data has " + byCoder.size() + " coders " + byCoder.keySet()
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
    checkArgument(coding != null, "no coder %s in the coded data; coders are %s", coder, byCoder.keySet());
    return coding;
  }
}
