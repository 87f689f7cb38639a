package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One term of a calibration model and its population totals, as a term of R's {@code calibrate} formula: the
 * product of its variables. Its categorical variables split the population into cells; the term has one total per
 * cell: the number of people in it when the term has no numeric variable, otherwise the population total of the
 * product of its numeric variables among the people in it.
 *
 * <ul>
 *   <li>{@code stype} (categorical): a count per category, {@link #counts(String, Map)};</li>
 *   <li>{@code enroll} (numeric): one population total, {@link #total(String, double)};</li>
 *   <li>{@code stype:comp.imp} (an interaction): a count per combination of categories;</li>
 *   <li>{@code stype:enroll}: the total of {@code enroll} within each category of {@code stype}.</li>
 * </ul>
 * Which variables are categorical and which numeric is read from the data when the calibration is applied. A
 * cell's key lists one category code per categorical variable, in the order of {@link #variables()}; a term with
 * no categorical variable has one total, under the empty key. Every cell with respondents needs a total.
 *
 * @param variables the variables multiplied, at least one, each once
 * @param totals the population total of each cell, in display order, keyed by its category codes
 */
public record CalibrationTerm(List<String> variables, Map<List<String>, Double> totals) {
  /**
   * Validates: variables given and distinct, at least one total, every total finite, keys all of one length (at
   * most the number of variables) and without blank codes.
   *
   * @param variables the variables multiplied, at least one, each once
   * @param totals the population total of each cell, keyed by its category codes
   */
  public CalibrationTerm {
    checkNotNull(variables, "variables");
    checkNotNull(totals, "totals");
    checkArgument(!variables.isEmpty(), "a calibration term needs at least one variable");
    variables = List.copyOf(variables);
    checkArgument(new HashSet<>(variables).size() == variables.size(), "term %s names a variable twice",
        String.join(":", variables));
    for (String v : variables) {
      checkArgument(!v.isBlank(), "term %s has a blank variable name", String.join(":", variables));
    }
    String name = String.join(":", variables);
    checkArgument(!totals.isEmpty(), "term %s has no totals", name);
    Map<List<String>, Double> copy = new LinkedHashMap<>();
    int length = -1;
    for (Map.Entry<List<String>, Double> e : totals.entrySet()) {
      List<String> key = List.copyOf(checkNotNull(e.getKey(), "cell of term %s", name));
      double total = checkNotNull(e.getValue(), "total of %s=%s", name, String.join(":", key));
      checkArgument(Double.isFinite(total), "total of %s=%s must be finite: %s", name, String.join(":", key),
          total);
      checkArgument(length < 0 || key.size() == length, "cells of term %s must all give %s category codes: %s",
          name, length, String.join(":", key));
      checkArgument(key.size() <= variables.size(), "cell %s of term %s gives more codes than the term has "
          + "variables", String.join(":", key), name);
      for (String code : key) {
        checkArgument(!code.isEmpty(), "cell %s of term %s has a blank category code", String.join(":", key), name);
      }
      length = key.size();
      copy.put(key, total);
    }
    totals = Collections.unmodifiableMap(copy);
  }

  /**
   * A categorical main effect: the population count of each category (a margin).
   *
   * @param variable the categorical variable
   * @param counts the count of each category code, in display order
   * @return the term
   */
  public static CalibrationTerm counts(String variable, Map<String, Double> counts) {
    Map<List<String>, Double> totals = new LinkedHashMap<>();
    counts.forEach((code, count) -> totals.put(List.of(code), count));
    return new CalibrationTerm(List.of(variable), totals);
  }

  /**
   * A numeric variable: its population total.
   *
   * @param variable the numeric variable
   * @param total its population total
   * @return the term
   */
  public static CalibrationTerm total(String variable, double total) {
    return new CalibrationTerm(List.of(variable), Map.of(List.of(), total));
  }

  /**
   * A term of several variables (an interaction) with a total per cell.
   *
   * @param variables the variables, for example {@code stype, comp.imp} or {@code stype, enroll}
   * @param totals the total of each cell, keyed by the category codes of the term's categorical variables
   * @return the term
   */
  public static CalibrationTerm of(List<String> variables, Map<List<String>, Double> totals) {
    return new CalibrationTerm(variables, totals);
  }

  /**
   * The categorical main effect of a margin of counts.
   *
   * @param margin a margin of counts
   * @return the term
   * @throws IllegalArgumentException when the margin holds proportions
   */
  public static CalibrationTerm of(Margin margin) {
    checkArgument(margin.kind() == TargetKind.COUNTS, "calibration to totals needs counts, but the margin of %s "
        + "holds proportions", margin.variable());
    return counts(margin.variable(), margin.targets());
  }

  /**
   * The term's name as in an R formula: its variables joined by {@code :}.
   *
   * @return for example {@code stype:comp.imp}
   */
  public String name() {
    return String.join(":", variables);
  }

  /* The cells' keys in order. */
  List<List<String>> cells() {
    return new ArrayList<>(totals.keySet());
  }
}
