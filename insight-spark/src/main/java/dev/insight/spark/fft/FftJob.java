package dev.insight.spark.fft;

import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.stats.disclosure.HierarchicalSuppression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Friends and Family Test publication as a Spark application, for {@code spark-submit} and Databricks JAR
 * tasks (see {@code docs/spark.md}).
 *
 * <pre>
 * spark-submit --class dev.insight.spark.fft.FftJob insight-spark-job.jar \
 *     --input responses-2026-10.parquet --output publication/2026-10 [--minimum 8]
 *     [--codeframe themes.json | --model themes.model [--abstain-below C]]
 *     [--levels icb,trust,site,ward] [--rating rating] [--comment comment] [--format csv|parquet] [--overwrite]
 * </pre>
 *
 * <p>Writes {@code publication.parquet}, {@code publication-csv} (one CSV file with a header) and
 * {@code summary-json} under the output directory; prints the summary. Bad arguments, missing columns and an
 * organisation under two parents end the run with a message on standard error and exit status 1, before anything
 * is written.
 */
public final class FftJob {
  private FftJob() {}

  /**
   * Runs the job.
   *
   * @param args the options above
   */
  public static void main(String[] args) {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      fail(e);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("insight FFT publication").getOrCreate();
    try {
      FftSummary summary = run(spark, options);
      summary.describe(levels(options)).forEach(System.out::println);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      // NotATreeException included: the offending codes are in the message
      fail(e);
    } catch (Exception e) {
      // Spark's AnalysisException (a path that does not exist, output already there) is checked in Java's eyes
      if (e instanceof org.apache.spark.sql.AnalysisException) {
        fail(e);
      } else {
        throw e;
      }
    }
  }

  /*
   * spark-submit: the message on standard error and exit status 1. A Databricks JAR task must not call
   * System.exit (the platform then cannot tell how the run ended), so there the exception is thrown with the same
   * message and the run is marked failed.
   */
  private static void fail(Exception e) {
    System.err.println("insight fft: " + e.getMessage());
    if (System.getenv("DATABRICKS_RUNTIME_VERSION") != null) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    System.exit(1);
  }

  /**
   * Runs the job in an existing session (the body of {@link #main}).
   *
   * @param spark the session
   * @param options the options by name, without the leading dashes
   * @return the summary
   */
  public static FftSummary run(SparkSession spark, Map<String, String> options) {
    String input = options.get("input");
    String format = options.getOrDefault("format", input.endsWith(".csv") || input.endsWith(".csv.gz") ? "csv"
        : "parquet");
    Dataset<Row> responses = switch (format) {
      // every column as text: a rating of "7" or "very good" must reach the checks, not become null
      case "csv" -> spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
          .option("inferSchema", "false").csv(input);
      case "parquet" -> spark.read().parquet(input);
      default -> throw new IllegalArgumentException("--format " + format + ": expected csv or parquet");
    };
    ThemeCoder coder;
    if (options.containsKey("model")) {
      double abstain = Double.parseDouble(options.getOrDefault("abstain-below", "0"));
      coder = ThemeCoder.learned(LearnedCoder.load(Path.of(options.get("model"))), abstain);
    } else if (options.containsKey("codeframe")) {
      coder = ThemeCoder.rules(CodeframeFiles.read(Path.of(options.get("codeframe"))));
    } else {
      coder = ThemeCoder.builtInThemes();
    }
    int minimum = Integer.parseInt(options.getOrDefault("minimum", "8"));
    FftPublication publication = FftPublication.of(levels(options), options.getOrDefault("rating", "rating"),
        options.getOrDefault("comment", "comment"), coder, HierarchicalSuppression.belowMinimum(minimum));
    FftPublication.Result result = publication.run(responses);
    write(spark, result, options.get("output"), options.containsKey("overwrite"));
    return result.summary();
  }

  /**
   * Writes a publication: Parquet, one CSV file (texts that a spreadsheet would run as a formula are prefixed with
   * an apostrophe) and the summary as JSON.
   *
   * @param spark the session
   * @param result the publication
   * @param output the output directory
   * @param overwrite whether to replace earlier output
   */
  public static void write(SparkSession spark, FftPublication.Result result, String output, boolean overwrite) {
    SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    Dataset<Row> table = spark.createDataFrame(result.rows(), result.schema()).coalesce(1);
    table.write().mode(mode).parquet(output + "/publication.parquet");
    List<Row> safe = new ArrayList<>();
    for (Row row : result.rows()) {
      Object[] values = new Object[row.size()];
      for (int i = 0; i < values.length; i++) {
        Object value = row.get(i);
        values[i] = value instanceof String s ? neutralise(s) : value;
      }
      safe.add(RowFactory.create(values));
    }
    spark.createDataFrame(safe, result.schema()).coalesce(1).write().mode(mode).option("header", "true")
        .csv(output + "/publication-csv");
    FftSummary s = result.summary();
    StructType schema = new StructType().add("rows_read", DataTypes.LongType).add("rows_published",
        DataTypes.LongType).add("missing_level", DataTypes.LongType).add("rating_outside_scale", DataTypes.LongType)
        .add("null_comment", DataTypes.LongType).add("comments_coded", DataTypes.LongType)
        .add("abstained", DataTypes.LongType).add("organisations", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("hidden_primary", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("hidden_complementary", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("coding", DataTypes.StringType).add("rule", DataTypes.StringType);
    Row summary = RowFactory.create(s.rowsRead(), s.rowsPublished(), s.missingLevel(), s.ratingOutsideScale(),
        s.nullComment(), s.commentsCoded(), s.abstained(), s.organisations().toArray(new Integer[0]),
        s.hiddenPrimary().toArray(new Integer[0]), s.hiddenComplementary().toArray(new Integer[0]), s.coding(),
        s.rule());
    spark.createDataFrame(List.of(summary), schema).coalesce(1).write().mode(mode).json(output + "/summary-json");
  }

  static String neutralise(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private static List<String> levels(Map<String, String> options) {
    return Arrays.stream(options.getOrDefault("levels", "icb,trust,site,ward").split(",")).map(String::strip)
        .toList();
  }

  static Map<String, String> parse(String[] args) {
    List<String> valued = List.of("input", "output", "format", "codeframe", "model", "abstain-below", "minimum",
        "levels", "rating", "comment");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg + "; options start with --");
      }
      String name = arg.substring(2);
      if (name.equals("overwrite")) {
        options.put(name, "true");
      } else if (valued.contains(name)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + arg + "; the options are --" + String.join(", --",
            valued) + ", --overwrite");
      }
    }
    for (String required : List.of("input", "output")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }
    if (options.containsKey("model") && options.containsKey("codeframe")) {
      throw new IllegalArgumentException("give --codeframe or --model, not both");
    }
    check(options, "minimum", v -> Integer.parseInt(v) >= 2, "a whole number of at least 2");
    check(options, "abstain-below", v -> Double.parseDouble(v) >= 0 && Double.parseDouble(v) <= 1,
        "a number from 0 to 1");
    return options;
  }

  private static void check(Map<String, String> options, String name, java.util.function.Predicate<String> ok,
      String expected) {
    String value = options.get(name);
    if (value == null) {
      return;
    }
    boolean good;
    try {
      good = ok.test(value);
    } catch (NumberFormatException e) {
      good = false;
    }
    if (!good) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "--%s %s: expected %s", name, value, expected));
    }
  }
}
