package dev.insight.stats.design;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.Variable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A subgroup of respondents, for a table, an estimate or a test: a small expression language, parsed (never
 * evaluated as code). A subgroup of a design is a domain: the rest of the design stays for the variance, as R's
 * {@code subset}.
 *
 * <p>Syntax ({@link #parse(String)}):
 * <pre>
 *   expr    := term ("or" term)*
 *   term    := factor ("and" factor)*
 *   factor  := "not" factor | "(" expr ")" | compare
 *   compare := VAR ("=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") VALUE
 *            | VAR ["not"] "in" "(" VALUE ("," VALUE)* ")"
 *   VALUE   := a bare word (letters, digits, _ . - +) or a quoted string ('...' or "...")
 * </pre>
 * Keywords are case-insensitive. On a single-choice variable {@code =} and {@code in} compare category codes (a
 * code the variable does not have is an error, not an empty match); on a multiple-response variable
 * {@code v = code} means "chose that option"; on a numeric variable values are numbers and every comparison works.
 * A respondent with no answer matches no comparison (not even {@code !=}); {@code not} then includes them.
 * Examples: {@code commented=1}, {@code sector in (NHS, VCFSE)}, {@code contact = Yes and not area = "West Essex"}.
 */
public sealed interface Filter permits Filter.All, Filter.Compare, Filter.In, Filter.And, Filter.Or, Filter.Not {

  /**
   * Everyone.
   *
   * @return the filter that keeps every respondent
   */
  static Filter all() {
    return All.INSTANCE;
  }

  /**
   * The respondents in one category of a single-choice variable, with one value of a numeric variable, or who
   * chose one option of a multiple-response variable: {@code variable = code}.
   *
   * @param variable the variable
   * @param code the category or option code, or the value
   * @return the filter
   */
  static Filter category(String variable, String code) {
    return new Compare(checkNotNull(variable, "variable"), Operator.EQ, checkNotNull(code, "code"));
  }

  /**
   * Parses a filter expression.
   *
   * @param text the expression; blank means everyone
   * @return the filter
   * @throws IllegalArgumentException with the position and what was expected, when the text is not valid
   */
  static Filter parse(String text) {
    return text.isBlank() ? all() : new FilterParser(text).parse();
  }

  /**
   * Which rows of the dataset the filter keeps.
   *
   * @param data the dataset
   * @return one flag per row
   * @throws IllegalArgumentException naming the variable or value, when a variable does not exist or a value is
   *     not one of its categories or not a number
   */
  boolean[] select(Dataset data);

  /**
   * The variables the filter reads, so a caller can load them.
   *
   * @return the names, in the order they appear
   */
  default java.util.Set<String> variables() {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    if (this instanceof Compare c) {
      names.add(c.variable());
    } else if (this instanceof In in) {
      names.add(in.variable());
    } else if (this instanceof And and) {
      names.addAll(and.left().variables());
      names.addAll(and.right().variables());
    } else if (this instanceof Or or) {
      names.addAll(or.left().variables());
      names.addAll(or.right().variables());
    } else if (this instanceof Not not) {
      names.addAll(not.inner().variables());
    }
    return names;
  }

  /** Keeps everyone. */
  enum All implements Filter {
    /** The only instance. */
    INSTANCE;

    @Override
    public boolean[] select(Dataset data) {
      boolean[] keep = new boolean[data.rowCount()];
      java.util.Arrays.fill(keep, true);
      return keep;
    }

    @Override
    public String toString() {
      return "(everyone)";
    }
  }

  /** A comparison operator. */
  enum Operator {
    /** Equal. */
    EQ("="),
    /** Not equal. */
    NE("!="),
    /** Less than. */
    LT("<"),
    /** At most. */
    LE("<="),
    /** Greater than. */
    GT(">"),
    /** At least. */
    GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /**
     * How the operator is written.
     *
     * @return the symbol
     */
    public String symbol() {
      return symbol;
    }

    boolean test(double left, double right) {
      return switch (this) {
        case EQ -> left == right;
        case NE -> left != right;
        case LT -> left < right;
        case LE -> left <= right;
        case GT -> left > right;
        case GE -> left >= right;
      };
    }
  }

  /**
   * {@code variable operator value}.
   *
   * @param variable the variable name
   * @param operator the comparison
   * @param value the value as written
   */
  record Compare(String variable, Operator operator, String value) implements Filter {
    @Override
    public boolean[] select(Dataset data) {
      Variable v = data.variable(variable);
      boolean[] keep = new boolean[data.rowCount()];
      if (v instanceof NumericVariable numeric) {
        double target = number(variable, value);
        for (int row = 0; row < keep.length; row++) {
          keep[row] = !numeric.isMissing(row) && operator.test(numeric.valueAt(row), target);
        }
        return keep;
      }
      checkArgument(operator == Operator.EQ || operator == Operator.NE,
          "filter: %s %s %s compares a %s variable by order; only = and != work on categories", variable,
          operator.symbol(), value, kind(v));
      if (v instanceof CategoricalVariable categorical) {
        int code = categoryIndex(categorical, value);
        for (int row = 0; row < keep.length; row++) {
          int index = categorical.categoryIndex(row);
          keep[row] = !categorical.isMissing(row) && (index == code) == (operator == Operator.EQ);
        }
        return keep;
      }
      if (v instanceof MultiResponseVariable multi) {
        int option = multi.indexOf(value);
        checkArgument(option >= 0, "filter: variable %s has no option %s; it has %s", variable, value,
            codes(multi.options()));
        for (int row = 0; row < keep.length; row++) {
          keep[row] = !multi.isMissing(row) && multi.isSelected(row, option) == (operator == Operator.EQ);
        }
        return keep;
      }
      throw new IllegalArgumentException("filter: variable " + variable + " is text and cannot be compared");
    }

    @Override
    public String toString() {
      return variable + " " + operator.symbol() + " " + quote(value);
    }
  }

  /**
   * {@code variable [not] in (values)}.
   *
   * @param variable the variable name
   * @param values the values as written
   * @param negated whether it is {@code not in}
   */
  record In(String variable, List<String> values, boolean negated) implements Filter {
    /**
     * Copies the values
     *
     * @param variable the variable name
     * @param values the values as written
     * @param negated whether it is {@code not in}
     */
    public In {
      values = List.copyOf(values);
      checkArgument(!values.isEmpty(), "filter: %s in () has no values", variable);
    }

    @Override
    public boolean[] select(Dataset data) {
      boolean[] keep = new boolean[data.rowCount()];
      for (String value : values) {
        boolean[] one = new Compare(variable, Operator.EQ, value).select(data);
        for (int row = 0; row < keep.length; row++) {
          keep[row] |= one[row];
        }
      }
      if (negated) {
        Variable v = data.variable(variable);
        for (int row = 0; row < keep.length; row++) {
          keep[row] = !keep[row] && !v.isMissing(row);
        }
      }
      return keep;
    }

    @Override
    public String toString() {
      return variable + (negated ? " not in (" : " in (")
          + values.stream().map(Filter::quote).collect(Collectors.joining(", ")) + ")";
    }
  }

  /**
   * Both.
   *
   * @param left the first condition
   * @param right the second condition
   */
  record And(Filter left, Filter right) implements Filter {
    @Override
    public boolean[] select(Dataset data) {
      boolean[] a = left.select(data);
      boolean[] b = right.select(data);
      for (int row = 0; row < a.length; row++) {
        a[row] &= b[row];
      }
      return a;
    }

    @Override
    public String toString() {
      return "(" + left + " and " + right + ")";
    }
  }

  /**
   * Either.
   *
   * @param left the first condition
   * @param right the second condition
   */
  record Or(Filter left, Filter right) implements Filter {
    @Override
    public boolean[] select(Dataset data) {
      boolean[] a = left.select(data);
      boolean[] b = right.select(data);
      for (int row = 0; row < a.length; row++) {
        a[row] |= b[row];
      }
      return a;
    }

    @Override
    public String toString() {
      return "(" + left + " or " + right + ")";
    }
  }

  /**
   * Not.
   *
   * @param inner the condition negated
   */
  record Not(Filter inner) implements Filter {
    @Override
    public boolean[] select(Dataset data) {
      boolean[] a = inner.select(data);
      for (int row = 0; row < a.length; row++) {
        a[row] = !a[row];
      }
      return a;
    }

    @Override
    public String toString() {
      return "not " + inner;
    }
  }

  private static double number(String variable, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("filter: variable " + variable + " is numeric but " + quote(value)
          + " is not a number", e);
    }
  }

  private static int categoryIndex(CategoricalVariable categorical, String value) {
    int index = categorical.indexOf(value);
    checkArgument(index >= 0, "filter: variable %s has no category %s; it has %s", categorical.name(), value,
        codes(categorical.categories()));
    return index;
  }

  private static String codes(List<dev.insight.core.data.Category> categories) {
    return categories.stream().map(dev.insight.core.data.Category::code).collect(Collectors.joining(", ", "[",
        "]"));
  }

  private static String kind(Variable v) {
    return v instanceof MultiResponseVariable ? "multiple-response" : "single-choice";
  }

  private static String quote(String value) {
    return value.matches("[A-Za-z0-9_.+-]+") ? value : "\"" + value.replace("\"", "\\\"") + "\"";
  }
}
