package dev.insight.core.sss;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.csv.RowSource;
import dev.insight.core.data.Category;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The records of a Triple-S data file as rows of cells, the column names first: each variable's field cut from the
 * fixed-width line (or taken from the CSV fields) and checked against its declaration. A code not declared, a
 * number that is not one, a date that is not a date, a line shorter than the record: each a problem naming the data
 * file, the line, the variable, its characters or fields and the value; in lenient mode the cell reads as not
 * answered and the respondent is kept.
 */
final class TripleSRows implements RowSource {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
  private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");

  private final TripleSMetadata metadata;
  private final Path dataFile;
  private final ProblemCollector problems;
  private final @Nullable FixedLines fixed;
  private final @Nullable CsvFile csv;
  private final String describe;
  private final List<String> names = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final List<String> options = new ArrayList<>();
  private final int[] firstColumn;
  private final List<Map<String, Integer>> optionIndex = new ArrayList<>();
  private final int recordWidth;
  private int skip;
  private boolean headerGiven;
  private String[] cells = new String[0];
  private long line;

  TripleSRows(TripleSMetadata metadata, Path dataFile, Charset charset, CsvOptions csvOptions,
      ProblemCollector problems) {
    this.metadata = metadata;
    this.dataFile = dataFile;
    this.problems = problems;
    this.firstColumn = new int[metadata.variables().size()];
    int width = 0;
    for (int i = 0; i < firstColumn.length; i++) {
      TripleSVariable v = metadata.variables().get(i);
      firstColumn[i] = names.size();
      width = Math.max(width, v.finish());
      Map<String, Integer> index = new HashMap<>();
      if (v.type() == TripleSType.MULTIPLE) {
        List<Category> values = v.values();
        for (int k = 0; k < values.size(); k++) {
          names.add(v.columns().get(k));
          labels.add(v.label());
          options.add(values.get(k).label());
          index.put(values.get(k).code(), k);
        }
      } else {
        names.add(v.name());
        labels.add(v.label());
        options.add("");
        for (int k = 0; k < v.values().size(); k++) {
          index.put(v.values().get(k).code(), k);
        }
      }
      optionIndex.add(index);
    }
    this.recordWidth = width;
    this.skip = metadata.csv() ? 0 : metadata.skip();
    if (metadata.csv()) {
      List<String> fields = new ArrayList<>();
      for (int i = 1; i <= width; i++) {
        fields.add("field_" + i);
      }
      this.fixed = null;
      this.csv = CsvFile.openWithoutHeader(dataFile, fields, metadata.skip(), csvOptions.withEncoding(charset)
          .withDelimiter(csvOptions.delimiter() == null ? ',' : csvOptions.delimiter()), problems);
    } else {
      this.csv = null;
      this.fixed = new FixedLines(dataFile, charset, 2 * MetadataParser.MAX_POSITION, problems);
    }
    this.describe = "Triple-S " + metadata.version() + ", " + (metadata.csv() ? "CSV" : "fixed-width") + " data "
        + dataFile.getFileName() + " in " + charset.name();
  }

  @Override
  public boolean next() {
    if (!headerGiven) {
      headerGiven = true;
      cells = names.toArray(new String[0]);
      line = 0;
      return true;
    }
    cells = new String[names.size()];
    java.util.Arrays.fill(cells, "");
    return csv != null ? nextCsv(csv) : nextFixed(fixed);
  }

  private boolean nextFixed(@Nullable FixedLines lines) {
    if (lines == null) {
      return false;
    }
    String read;
    while (true) {
      read = lines.next();
      if (read == null) {
        return false;
      }
      line = lines.line();
      if (skip > 0) {
        skip--;
      } else if (!read.isEmpty()) {
        break;
      }
    }
    String text = read;
    int[] points = null;
    int length = text.length();
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        points = text.codePoints().toArray();
        length = points.length;
        break;
      }
    }
    if (length < recordWidth) {
      int shortBy = length;
      TripleSVariable cut = metadata.variables().stream().filter(v -> v.finish() > shortBy).findFirst()
          .orElseThrow();
      problems.report(line, cut.name(), null, "the line is " + length + " characters long, shorter than the record "
          + "of " + recordWidth + " (variable " + cut.name() + " is at " + characters(cut) + ")"
          + (lenient() ? "; what the line lacks reads as blank" : ""));
    }
    List<TripleSVariable> variables = metadata.variables();
    for (int i = 0; i < variables.size(); i++) {
      TripleSVariable v = variables.get(i);
      int from = Math.min(v.start() - 1, length);
      int to = Math.min(v.finish(), length);
      String raw = points == null ? text.substring(from, to) : new String(points, from, to - from);
      if (to - from < v.span()) {
        raw = raw + " ".repeat(v.span() - (to - from));
      }
      read(i, v, raw, null);
    }
    return true;
  }

  private boolean nextCsv(CsvFile records) {
    if (!records.next()) {
      return false;
    }
    line = records.line();
    int count = records.fieldCount();
    if (count < recordWidth) {
      TripleSVariable cut = metadata.variables().stream().filter(v -> v.finish() > count).findFirst()
          .orElseThrow();
      problems.report(line, cut.name(), null, "the record has " + count + " fields, fewer than the "
          + recordWidth + " the metadata declares (variable " + cut.name() + " is at " + characters(cut) + ")"
          + (lenient() ? "; the missing fields read as blank" : ""));
    }
    List<TripleSVariable> variables = metadata.variables();
    for (int i = 0; i < variables.size(); i++) {
      TripleSVariable v = variables.get(i);
      if (v.span() == 1) {
        read(i, v, v.start() <= count ? records.field(v.start() - 1) : "", null);
      } else {
        String[] fields = new String[v.span()];
        for (int k = 0; k < fields.length; k++) {
          int at = v.start() - 1 + k;
          fields[k] = at < count ? records.field(at).strip() : "";
        }
        read(i, v, String.join(",", fields), fields);
      }
    }
    return true;
  }

  private boolean lenient() {
    return problems.mode() == ReadMode.LENIENT;
  }

  /** Where a variable is, in words: characters (fixed-width) or fields (CSV). */
  private String characters(TripleSVariable v) {
    String unit = metadata.csv() ? "field" : "character";
    return v.span() == 1 ? unit + " " + v.start() : unit + "s " + v.start() + " to " + v.finish();
  }

  private void bad(TripleSVariable v, String raw, String message) {
    problems.report(line, v.name(), raw.strip(), characters(v) + ": " + message
        + (lenient() ? "; read as not answered" : ""));
  }

  /** Reads one variable's raw field (and, for a multiple over several CSV fields, those fields) into its cells. */
  private void read(int index, TripleSVariable v, String raw, String @Nullable [] fields) {
    int column = firstColumn[index];
    String value = raw.strip();
    if (v.type() == TripleSType.MULTIPLE) {
      multiple(index, v, raw, fields);
      return;
    }
    if (value.isEmpty()) {
      return;
    }
    String cell = switch (v.type()) {
      case SINGLE -> single(v, value, optionIndex.get(index));
      case QUANTITY -> quantity(v, value);
      case CHARACTER -> character(v, metadata.csv() ? raw : raw.strip());
      case LOGICAL -> value.equals("0") || value.equals("1") ? value : fail(v, value, "a logical is 0 or 1");
      case DATE -> date(v, value);
      case TIME -> time(v, value);
      case MULTIPLE -> null;
    };
    if (cell != null) {
      cells[column] = cell;
    }
  }

  private @Nullable String fail(TripleSVariable v, String raw, String message) {
    bad(v, raw, message);
    return null;
  }

  private @Nullable String single(TripleSVariable v, String value, Map<String, Integer> codes) {
    String code = value;
    if (!v.literal()) {
      if (!digits(value)) {
        return fail(v, value, "not a code: " + v.name() + "'s codes are whole numbers (" + declared(v) + ")");
      }
      code = withoutLeadingZeros(value);
    }
    if (!codes.containsKey(code)) {
      return fail(v, value, "not a declared value of " + v.name() + " (" + declared(v) + ")");
    }
    return code;
  }

  private static boolean digits(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String withoutLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return i == 0 ? digits : digits.substring(i);
  }

  private static String declared(TripleSVariable v) {
    List<Category> values = v.values();
    String codes = values.stream().limit(12).map(Category::code).reduce((a, b) -> a + ", " + b).orElse("");
    return "the metadata declares " + codes + (values.size() > 12 ? ", ... (" + values.size() + " codes)" : "");
  }

  private @Nullable String quantity(TripleSVariable v, String value) {
    double x = NUMBER.matcher(value).matches() ? DecimalNumber.parse(value) : Double.NaN;
    if (Double.isNaN(x)) {
      return fail(v, value, "not a number (quantity " + v.name() + ")");
    }
    boolean inRange = v.ranges().isEmpty() && v.values().isEmpty();
    for (int i = 0; !inRange && i < v.ranges().size(); i++) {
      inRange = v.ranges().get(i).contains(x);
    }
    if (!inRange) {
      BigDecimal number = new BigDecimal(value);
      inRange = v.values().stream().anyMatch(c -> new BigDecimal(c.code()).compareTo(number) == 0);
    }
    if (!inRange) {
      return fail(v, value, "outside the declared range of " + v.name() + " (" + ranges(v) + ")");
    }
    return value.charAt(0) == '+' || value.charAt(0) == '.' || value.startsWith("-.") || value.endsWith(".")
        || value.length() > 1 && value.charAt(0) == '0' && value.charAt(1) != '.'
        ? new BigDecimal(value).toPlainString() : value;
  }

  private static String ranges(TripleSVariable v) {
    List<String> parts = new ArrayList<>();
    v.ranges().forEach(r -> parts.add(plain(r.from()) + " to " + plain(r.to())));
    v.values().forEach(c -> parts.add(c.code() + " \"" + c.label() + "\""));
    return String.join(", ", parts);
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private @Nullable String character(TripleSVariable v, String value) {
    String text = value.strip();
    if (metadata.csv() && v.size() > 0 && text.codePointCount(0, text.length()) > v.size()) {
      return fail(v, text, "longer than the size of " + v.name() + " (" + v.size() + " characters)");
    }
    return text;
  }

  private @Nullable String date(TripleSVariable v, String value) {
    if (value.length() == 8 && DIGITS.matcher(value).matches()) {
      try {
        return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
            Integer.parseInt(value.substring(6, 8))).toString();
      } catch (DateTimeException e) {
        return fail(v, value, "not a date (" + e.getMessage() + ")");
      }
    }
    return fail(v, value, "not a date written YYYYMMDD");
  }

  private @Nullable String time(TripleSVariable v, String value) {
    if ((value.length() == 6 || value.length() == 4) && DIGITS.matcher(value).matches()) {
      try {
        LocalTime time = LocalTime.of(Integer.parseInt(value.substring(0, 2)),
            Integer.parseInt(value.substring(2, 4)), value.length() == 6 ? Integer.parseInt(value.substring(4)) : 0);
        String text = time.toString();
        return value.length() == 6 && time.getSecond() == 0 ? text + ":00" : text.substring(0, value.length() == 6
            ? 8 : 5);
      } catch (DateTimeException e) {
        return fail(v, value, "not a time (" + e.getMessage() + ")");
      }
    }
    return fail(v, value, "not a time written HHMMSS");
  }

  private void multiple(int index, TripleSVariable v, String raw, String @Nullable [] fields) {
    int column = firstColumn[index];
    Map<String, Integer> options = optionIndex.get(index);
    boolean[] chosen = new boolean[v.values().size()];
    List<String> parts = new ArrayList<>();
    if (fields != null) {
      parts.addAll(List.of(fields));
    } else if (!v.spread()) {
      bitstring(column, v, raw, options);
      return;
    } else if (v.width() > 0) {
      for (int k = 0; k < v.subfields(); k++) {
        int from = k * v.width();
        parts.add(from + v.width() <= raw.length() ? raw.substring(from, from + v.width()) : "");
      }
    } else {
      parts.addAll(List.of(raw.strip().split("\\s+")));
    }
    if (parts.stream().allMatch(String::isBlank)) {
      return;
    }
    for (int k = 0; k < parts.size(); k++) {
      String part = parts.get(k).strip();
      if (!v.spread()) {
        if (part.isEmpty() || part.equals("0")) {
          continue;
        }
        Integer at = options.get(Integer.toString(k + 1));
        if (!part.equals("1")) {
          bad(v, raw, "a bitstring holds 0 and 1, and its character for code " + (k + 1) + " is \"" + part
              + "\"");
          return;
        }
        if (at == null) {
          bad(v, raw, "code " + (k + 1) + " is chosen, and it is not a declared value of " + v.name() + " ("
              + declared(v) + ")");
          return;
        }
        chosen[at] = true;
      } else {
        if (part.isEmpty() || part.chars().allMatch(c -> c == '0')) {
          continue;
        }
        Integer at = DIGITS.matcher(part).matches() ? options.get(new BigInteger(part).toString()) : null;
        if (at == null) {
          bad(v, raw, "subfield " + (k + 1) + " holds \"" + part + "\", not a declared value of " + v.name() + " ("
              + declared(v) + ")");
          return;
        }
        chosen[at] = true;
      }
    }
    for (int k = 0; k < chosen.length; k++) {
      cells[column + k] = chosen[k] ? "1" : "0";
    }
  }

  /** A bitstring in one field: character k is code k, 1 chosen, 0 or blank not; all blank is no answer. */
  private void bitstring(int column, TripleSVariable v, String raw, Map<String, Integer> options) {
    if (raw.isBlank()) {
      return;
    }
    int first = column;
    int count = v.values().size();
    for (int k = 0; k < count; k++) {
      cells[first + k] = "0";
    }
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (c == '0' || c == ' ') {
        continue;
      }
      if (c != '1') {
        fill(first, count, "");
        bad(v, raw, "a bitstring holds 0 and 1, and its character for code " + (k + 1) + " is \"" + c + "\"");
        return;
      }
      Integer at = options.get(Integer.toString(k + 1));
      if (at == null) {
        fill(first, count, "");
        bad(v, raw, "code " + (k + 1) + " is chosen, and it is not a declared value of " + v.name() + " ("
            + declared(v) + ")");
        return;
      }
      cells[first + at] = "1";
    }
  }

  private void fill(int first, int count, String value) {
    for (int k = 0; k < count; k++) {
      cells[first + k] = value;
    }
  }

  @Override
  public String[] fields() {
    return cells.clone();
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public List<String> labels() {
    return List.copyOf(labels);
  }

  @Override
  public List<String> options() {
    return List.copyOf(options);
  }

  /** The data file read. */
  Path dataFile() {
    return dataFile;
  }

  @Override
  public void close() {
    if (fixed != null) {
      fixed.close();
    }
    if (csv != null) {
      csv.close();
    }
  }
}
