package dev.insight.codeframe.coding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Dataset;
import dev.insight.core.data.TextVariable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The comments a {@link Coder} codes: each comment's unit (a respondent's id), its text and its context (the question
 * it answers, or empty), in order. Built from a dataset's text variable, from a map, or from parallel lists.
 *
 * @param units the units, without repeats
 * @param texts the comments, one per unit
 * @param contexts each comment's context, one per unit (empty strings when there is none)
 */
public record Comments(List<UnitId> units, List<String> texts, List<String> contexts) {

  /**
   * Validates the lists.
   *
   * @param units the units, without repeats
   * @param texts the comments, one per unit
   * @param contexts each comment's context, one per unit (empty strings when there is none)
   */
  public Comments {
    units = List.copyOf(units);
    texts = List.copyOf(texts);
    contexts = List.copyOf(contexts);
    checkArgument(units.size() == texts.size() && units.size() == contexts.size(),
        "%s units, %s texts and %s contexts: give one of each per comment", units.size(), texts.size(),
        contexts.size());
    Set<UnitId> seen = new HashSet<>();
    for (UnitId unit : units) {
      checkArgument(seen.add(unit), "unit %s is given twice", unit);
    }
  }

  /**
   * Comments without contexts.
   *
   * @param units the units, without repeats
   * @param texts the comments, one per unit
   * @return the comments
   */
  public static Comments of(List<UnitId> units, List<String> texts) {
    return new Comments(units, texts, Collections.nCopies(texts.size(), ""));
  }

  /**
   * Comments from a map, in its iteration order.
   *
   * @param comments each unit's comment
   * @return the comments
   */
  public static Comments of(Map<UnitId, String> comments) {
    checkNotNull(comments, "comments");
    return of(new ArrayList<>(comments.keySet()), new ArrayList<>(comments.values()));
  }

  /**
   * The comments of a dataset's text variable: every respondent who wrote one (blank and missing comments are
   * left out), their respondent id as the unit.
   *
   * @param dataset the survey data
   * @param textVariable the name of its text variable holding the comments
   * @return the comments, in row order
   * @throws IllegalArgumentException if there is no such text variable
   */
  public static Comments of(Dataset dataset, String textVariable) {
    checkNotNull(dataset, "dataset");
    TextVariable text = dataset.text(textVariable);
    List<UnitId> units = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int row = 0; row < dataset.rowCount(); row++) {
      Optional<String> comment = text.textAt(row);
      if (comment.isPresent() && !comment.get().isBlank()) {
        units.add(UnitId.of(dataset.id(row)));
        texts.add(comment.get());
      }
    }
    return of(units, texts);
  }

  /**
   * How many comments.
   *
   * @return the count
   */
  public int size() {
    return units.size();
  }

  /**
   * These comments without the blank ones (a respondent who left the box empty made no comment to code).
   *
   * @return the comments whose text is not blank, in order
   */
  public Comments withText() {
    List<UnitId> keptUnits = new ArrayList<>();
    List<String> keptTexts = new ArrayList<>();
    List<String> keptContexts = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      if (!texts.get(i).isBlank()) {
        keptUnits.add(units.get(i));
        keptTexts.add(texts.get(i));
        keptContexts.add(contexts.get(i));
      }
    }
    return new Comments(keptUnits, keptTexts, keptContexts);
  }

  /**
   * Whether any comment has a context.
   *
   * @return true if a context is not empty
   */
  public boolean hasContexts() {
    return contexts.stream().anyMatch(c -> !c.isEmpty());
  }

  /**
   * The text of each unit, in order.
   *
   * @return a map from unit to comment
   */
  public Map<UnitId, String> byUnit() {
    Map<UnitId, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      map.put(units.get(i), texts.get(i));
    }
    return map;
  }

  /**
   * Checks that every unit of a coding is one of these comments: a coded comment missing from the data is an
   * error, not silently dropped.
   *
   * @param coding the coding
   * @param source the coding's file, for the message
   * @throws IllegalArgumentException naming up to five units that are not comments here, and how many in all
   */
  public void checkCovers(Coding coding, String source) {
    Map<UnitId, Integer> index = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      index.put(units.get(i), i);
    }
    List<String> missing = new ArrayList<>();
    int count = 0;
    for (UnitId unit : coding.units()) {
      if (!index.containsKey(unit)) {
        count++;
        if (missing.size() < 5) {
          missing.add(unit.value());
        }
      }
    }
    checkArgument(count == 0, "%s: %s coded comment id(s) are not comments of the data, e.g. %s", source, count,
        missing);
  }
}
