package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.UnitId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Coded comments to learn from: the codes in a fixed order (the order of the model's outputs) and the examples.
 *
 * @param mode whether a comment takes several codes or exactly one
 * @param codes the codes, in output order, without duplicates
 * @param examples the coded comments; every code they use is in {@code codes}; in single-label mode each has
 *     exactly one
 * @param contextName what the examples' contexts are (e.g. the column they came from, "FFT question"), recorded in
 *     the model so predictions can be given the same; empty when the examples have no context
 */
public record CodedExamples(LabelMode mode, List<CodeId> codes, List<CodedExample> examples, String contextName) {

  /**
   * Validates that the examples use only the listed codes, one each in single-label mode.
   *
   * @param mode whether a comment takes several codes or exactly one
   * @param codes the codes, in output order, without duplicates
   * @param examples the coded comments; every code they use is in {@code codes}; in single-label mode each has exactly one
   * @param contextName what the examples' contexts are (e.g. the column they came from, "FFT question"), recorded in the model so predictions can be given the same; empty when the examples have no context
   */
  public CodedExamples {
    checkNotNull(mode, "mode");
    checkNotNull(contextName, "contextName");
    codes = List.copyOf(codes);
    examples = List.copyOf(examples);
    checkArgument(!codes.isEmpty(), "at least one code is needed");
    checkArgument(new HashSet<>(codes).size() == codes.size(), "codes repeat: %s", codes);
    HashSet<CodeId> known = new HashSet<>(codes);
    for (int i = 0; i < examples.size(); i++) {
      CodedExample example = examples.get(i);
      for (CodeId code : example.codes()) {
        checkArgument(known.contains(code), "example %s uses code '%s', which is not among the codes", i + 1, code);
      }
      checkArgument(mode == LabelMode.MULTI_LABEL || example.codes().size() == 1,
          "single-label example %s has %s codes, not one", i + 1, example.codes().size());
    }
  }

  /**
   * Coded comments without a context.
   *
   * @param mode whether a comment takes several codes or exactly one
   * @param codes the codes, in output order, without duplicates
   * @param examples the coded comments
   */
  public CodedExamples(LabelMode mode, List<CodeId> codes, List<CodedExample> examples) {
    this(mode, codes, examples, "");
  }

  /**
   * Examples with the codes in first-seen order.
   *
   * @param mode the mode
   * @param examples the examples
   * @return the examples
   */
  public static CodedExamples of(LabelMode mode, List<CodedExample> examples) {
    List<CodeId> codes = new ArrayList<>();
    HashSet<CodeId> seen = new HashSet<>();
    for (CodedExample example : examples) {
      example.codes().stream().sorted((a, b) -> a.value().compareTo(b.value())).filter(seen::add)
          .forEach(codes::add);
    }
    return new CodedExamples(mode, codes, examples);
  }

  /**
   * The coded comments of a coding, to learn from: every unit of the coding, in its order, with the comment and
   * context of that unit and the codes given; the codes are the codable codes of the coding's frame, in its order.
   *
   * @param mode whether a comment takes several codes or exactly one
   * @param coding the coding (as read by {@code CodedFileReader})
   * @param comments the comments of the coded units
   * @param contextName what the contexts are (see {@link #contextName()}); empty for none
   * @return the examples
   * @throws IllegalArgumentException naming a coded unit with no comment
   */
  public static CodedExamples of(LabelMode mode, Coding coding, Comments comments, String contextName) {
    checkNotNull(coding, "coding");
    Map<UnitId, Integer> row = new HashMap<>();
    for (int i = 0; i < comments.size(); i++) {
      row.put(comments.units().get(i), i);
    }
    List<CodedExample> examples = new ArrayList<>(coding.units().size());
    for (UnitId unit : coding.units()) {
      Integer i = row.get(unit);
      checkArgument(i != null, "coded unit %s has no comment", unit);
      examples.add(new CodedExample(comments.texts().get(i), coding.codes(unit), comments.contexts().get(i)));
    }
    List<CodeId> codes = new ArrayList<>();
    coding.codeframe().codable().forEach(c -> codes.add(c.id()));
    return new CodedExamples(mode, codes, examples, contextName);
  }

  /**
   * The comments.
   *
   * @return the texts in example order
   */
  public List<String> texts() {
    List<String> texts = new ArrayList<>(examples.size());
    for (CodedExample example : examples) {
      texts.add(example.text());
    }
    return texts;
  }

  /**
   * The comments' contexts.
   *
   * @return the contexts in example order (empty strings when there is no context)
   */
  public List<String> contexts() {
    List<String> contexts = new ArrayList<>(examples.size());
    for (CodedExample example : examples) {
      contexts.add(example.context());
    }
    return contexts;
  }

  /**
   * A subset of the examples, with the same codes.
   *
   * @param rows the example indexes
   * @return the subset
   */
  public CodedExamples subset(int[] rows) {
    List<CodedExample> chosen = new ArrayList<>(rows.length);
    for (int r : rows) {
      chosen.add(examples.get(r));
    }
    return new CodedExamples(mode, codes, chosen, contextName);
  }

  /** Each example's code indexes, ascending. */
  int[][] labelIndexes() {
    Map<CodeId, Integer> position = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      position.put(codes.get(i), i);
    }
    int[][] labels = new int[examples.size()][];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = examples.get(i).codes().stream().mapToInt(position::get).sorted().toArray();
    }
    return labels;
  }
}
