package dev.insight.core.sss;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.Category;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One variable of a Triple-S survey, as its metadata declares it.
 *
 * @param ident the {@code ident} attribute
 * @param name the variable's name
 * @param label the question text (the first language's, where the file gives several)
 * @param type the type
 * @param literal whether a single's codes are literal strings ({@code format="literal"}) rather than numbers
 * @param use {@code serial} (the respondent id), {@code weight}, or null
 * @param start the first character of the field (fixed-width data) or its first field (CSV data), from 1
 * @param finish the last character or field, at least {@code start}
 * @param subfields for a multiple in spread format, the number of subfields; 0 for a bitstring and other types
 * @param width for a multiple in spread format, the characters of each subfield; else 0
 * @param values the declared codes with their labels, ranges of a single or multiple expanded, in code order
 * @param ranges the declared ranges of a quantity
 * @param size for a character variable, its declared size, or 0 when none is given
 */
public record TripleSVariable(String ident, String name, String label, TripleSType type, boolean literal,
    @Nullable String use, int start, int finish, int subfields, int width, List<Category> values,
    List<TripleSVariable.Range> ranges, int size) {

  /**
   * Validates and copies.
   *
   * @param ident the {@code ident} attribute
   * @param name the variable's name
   * @param label the question text
   * @param type the type
   * @param literal whether a single's codes are literal strings
   * @param use {@code serial}, {@code weight}, or null
   * @param start the first character or field, from 1
   * @param finish the last character or field
   * @param subfields spread subfields, or 0
   * @param width characters per spread subfield, or 0
   * @param values the declared codes with their labels
   * @param ranges the ranges of a quantity
   * @param size the declared size of a character variable, or 0
   */
  public TripleSVariable {
    checkNotNull(ident, "ident");
    checkNotNull(name, "name");
    checkNotNull(type, "type");
    label = label == null || label.isBlank() ? name : label;
    checkArgument(start >= 1 && finish >= start, "variable %s: position %s to %s", name, start, finish);
    values = List.copyOf(values);
    ranges = List.copyOf(ranges);
  }

  /**
   * A declared range of values, both ends included.
   *
   * @param from the lowest value
   * @param to the highest value
   */
  public record Range(double from, double to) {
    /**
     * Whether a value is in the range.
     *
     * @param value a value
     * @return true when {@code from <= value <= to}
     */
    public boolean contains(double value) {
      return value >= from && value <= to;
    }
  }

  /**
   * The width of the variable's field: characters in fixed-width data, fields in CSV data.
   *
   * @return {@code finish - start + 1}
   */
  public int span() {
    return finish - start + 1;
  }

  /**
   * Whether a multiple is in spread format (codes in subfields) rather than a bitstring.
   *
   * @return true for a spread multiple
   */
  public boolean spread() {
    return subfields > 0;
  }

  /**
   * The columns the variable reads as: its name, or for a multiple one {@code NAME_CODE} column per declared code
   * (1 when chosen, 0 when not, blank when the respondent answered none of them).
   *
   * @return the column names
   */
  public List<String> columns() {
    if (type != TripleSType.MULTIPLE) {
      return List.of(name);
    }
    return values.stream().map(v -> name + "_" + v.code()).toList();
  }
}
