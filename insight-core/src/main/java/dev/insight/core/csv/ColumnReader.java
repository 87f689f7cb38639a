package dev.insight.core.csv;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.NumericVariable;
import dev.insight.core.data.TextVariable;
import dev.insight.core.data.Variable;
import dev.insight.core.input.ProblemCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads one mapped variable, one row at a time. */
abstract class ColumnReader {

  abstract void read(CsvFile row, long line, ProblemCollector problems);

  abstract Variable build();

  static ColumnReader of(ColumnSpec spec, CsvHeader header, long headerLine,
      ProblemCollector problems) {
    if (spec instanceof ColumnSpec.Categorical c) {
      int at = header.require(c.column(), headerLine, problems);
      return c.categories().isEmpty() ? new Inferred(c, at) : new Coded(c, at);
    } else if (spec instanceof ColumnSpec.MultiColumns m) {
      int[] at = new int[m.options().size()];
      for (int i = 0; i < at.length; i++) {
        at[i] = header.require(m.options().get(i).column(), headerLine, problems);
      }
      return new MultiFromColumns(m, at);
    } else if (spec instanceof ColumnSpec.MultiList m) {
      return new MultiFromList(m, header.require(m.column(), headerLine, problems));
    } else if (spec instanceof ColumnSpec.Numeric n) {
      return new Numeric(n, header.require(n.column(), headerLine, problems));
    }
    ColumnSpec.Text t = (ColumnSpec.Text) spec;
    return new Text(t, header.require(t.column(), headerLine, problems));
  }

  /** Sorts codes numerically when they all are numbers, otherwise as text. */
  static final Comparator<String> NATURAL = (a, b) -> {
    Double x = number(a);
    Double y = number(b);
    if (x != null && y != null) {
      return Double.compare(x, y);
    }
    return a.compareTo(b);
  };

  private static @Nullable Double number(String text) {
    double value = DecimalNumber.parse(text);
    return Double.isNaN(value) ? null : value;
  }

  private static final class Coded extends ColumnReader {
    private final ColumnSpec.Categorical spec;
    private final int at;
    private final Map<String, Integer> index = new HashMap<>();
    private final CategoricalVariable.Builder builder;

    Coded(ColumnSpec.Categorical spec, int at) {
      this.spec = spec;
      this.at = at;
      List<Category> categories = spec.categories();
      for (int i = 0; i < categories.size(); i++) {
        index.put(categories.get(i).code(), i);
      }
      this.builder = CategoricalVariable.builder(spec.name(), spec.label(), categories);
    }

    @Override
    void read(CsvFile row, long line, ProblemCollector problems) {
      String value = row.rawField(at).strip();
      if (value.isEmpty()) {
        builder.addMissing();
        return;
      }
      Integer i = index.get(value);
      if (i == null) {
        builder.addMissing();
        problems.report(line, spec.column(), value, "unknown category of " + spec.name() + "; the codebook has "
            + spec.categories().stream().map(Category::code).toList());
        return;
      }
      builder.add(i);
    }

    @Override
    Variable build() {
      return builder.build();
    }
  }

  private static final class Inferred extends ColumnReader {
    private final ColumnSpec.Categorical spec;
    private final int at;
    private final Map<String, Integer> firstSeen = new LinkedHashMap<>();
    private int[] values = new int[1024];
    private int size;

    Inferred(ColumnSpec.Categorical spec, int at) {
      this.spec = spec;
      this.at = at;
    }

    @Override
    void read(CsvFile row, long line, ProblemCollector problems) {
      String value = row.rawField(at).strip();
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value.isEmpty() ? CategoricalVariable.NO_ANSWER
          : firstSeen.computeIfAbsent(value, v -> firstSeen.size());
    }

    @Override
    Variable build() {
      List<String> codes = new ArrayList<>(firstSeen.keySet());
      codes.sort(NATURAL);
      int[] remap = new int[codes.size()];
      for (int i = 0; i < codes.size(); i++) {
        remap[firstSeen.get(codes.get(i))] = i;
      }
      int[] indices = new int[size];
      for (int row = 0; row < size; row++) {
        indices[row] = values[row] < 0 ? CategoricalVariable.NO_ANSWER : remap[values[row]];
      }
      return CategoricalVariable.of(spec.name(), spec.label(), codes.stream().map(Category::of).toList(), indices);
    }
  }

  private static final class MultiFromColumns extends ColumnReader {
    private final ColumnSpec.MultiColumns spec;
    private final int[] at;
    private final boolean[] chosen;
    private final MultiResponseVariable.Builder builder;

    MultiFromColumns(ColumnSpec.MultiColumns spec, int[] at) {
      this.spec = spec;
      this.at = at;
      this.chosen = new boolean[at.length];
      this.builder = MultiResponseVariable.builder(spec.name(), spec.label(),
          spec.options().stream().map(ColumnSpec.OptionColumn::category).toList());
    }

    @Override
    void read(CsvFile row, long line, ProblemCollector problems) {
      int blanks = 0;
      String firstBlank = null;
      for (int i = 0; i < at.length; i++) {
        String value = row.rawField(at[i]).strip();
        chosen[i] = false;
        switch (value) {
          case "1" -> chosen[i] = true;
          case "0" -> { }
          case "" -> {
            blanks++;
            if (firstBlank == null) {
              firstBlank = spec.options().get(i).column();
            }
          }
          default -> problems.report(line, spec.options().get(i).column(), value,
              "expected 0 or 1 (or blank for no answer) for an option of " + spec.name()
              + "; read as not chosen");
        }
      }
      if (blanks == at.length) {
        builder.addMissing();
        return;
      }
      if (blanks > 0) {
        problems.report(line, firstBlank, "", "blank in " + blanks + " of the " + at.length + " option columns of "
            + spec.name() + " while the others are answered; blanks read as not chosen");
      }
      builder.add(chosen);
    }

    @Override
    Variable build() {
      return builder.build();
    }
  }

  private static final class MultiFromList extends ColumnReader {
    private final ColumnSpec.MultiList spec;
    private final int at;
    private final Pattern split;
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean[] chosen;
    private final MultiResponseVariable.Builder builder;
    /** The most parts an option splits into at the delimiter (an option's own delimiters plus one). */
    private int longest = 1;
    /** The first parts of the options that hold the delimiter: only there is a longer run tried. */
    private final java.util.Set<String> heads = new java.util.HashSet<>();

    MultiFromList(ColumnSpec.MultiList spec, int at) {
      this.spec = spec;
      this.at = at;
      this.split = Pattern.compile(Pattern.quote(spec.delimiter()));
      for (int i = 0; i < spec.options().size(); i++) {
        String code = spec.options().get(i).code();
        index.put(code, i);
        String[] parts = split.split(code, -1);
        if (parts.length > 1) {
          heads.add(parts[0].strip());
          longest = Math.max(longest, parts.length);
        }
      }
      this.chosen = new boolean[spec.options().size()];
      this.builder = MultiResponseVariable.builder(spec.name(), spec.label(), spec.options());
    }

    @Override
    void read(CsvFile row, long line, ProblemCollector problems) {
      String value = row.rawField(at).strip();
      if (value.isEmpty()) {
        builder.addMissing();
        return;
      }
      Arrays.fill(chosen, false);
      String[] parts = split.split(value, -1);
      for (int p = 0; p < parts.length; p++) {
        String code = parts[p].strip();
        if (code.isEmpty()) {
          continue;
        }
        // an option whose label holds the delimiter: the longest run of parts that is an option
        Integer i = null;
        for (int k = heads.contains(code) ? Math.min(parts.length, p + longest) : p; k > p + 1 && i == null; k--) {
          String joined = String.join(spec.delimiter(), Arrays.copyOfRange(parts, p, k)).strip();
          i = index.get(joined);
          if (i != null) {
            p = k - 1;
          }
        }
        if (i == null) {
          i = index.get(code);
        }
        if (i == null) {
          problems.report(line, spec.column(), code, "unknown option of " + spec.name() + "; the codebook has "
              + spec.options().stream().map(Category::code).toList());
          continue;
        }
        chosen[i] = true;
      }
      builder.add(chosen);
    }

    @Override
    Variable build() {
      return builder.build();
    }
  }

  private static final class Numeric extends ColumnReader {
    private final ColumnSpec.Numeric spec;
    private final int at;
    private final NumericVariable.Builder builder;

    Numeric(ColumnSpec.Numeric spec, int at) {
      this.spec = spec;
      this.at = at;
      this.builder = NumericVariable.builder(spec.name(), spec.label())
          .missingCodes(spec.missingCodes().stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    void read(CsvFile row, long line, ProblemCollector problems) {
      String value = row.rawField(at).strip();
      if (value.isEmpty()) {
        builder.add(Double.NaN);
        return;
      }
      double number = DecimalNumber.parse(value);
      if (Double.isNaN(number)) {
        builder.add(Double.NaN);
        problems.report(line, spec.column(), value, DecimalNumber.why(value) + " (numeric variable "
            + spec.name() + "; use . as the decimal point)");
        return;
      }
      builder.add(number);
    }

    @Override
    Variable build() {
      return builder.build();
    }
  }

  private static final class Text extends ColumnReader {
    private final ColumnSpec.Text spec;
    private final int at;
    private final List<@Nullable String> values = new ArrayList<>();

    Text(ColumnSpec.Text spec, int at) {
      this.spec = spec;
      this.at = at;
    }

    @Override
    void read(CsvFile row, long line, ProblemCollector problems) {
      String value = row.rawField(at);
      values.add(value.isBlank() ? null : value);
    }

    @Override
    Variable build() {
      return TextVariable.of(spec.name(), spec.label(), values);
    }
  }
}
