package dev.insight.spark.fft;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.insight.stats.disclosure.HierarchicalSuppression;
import dev.insight.stats.disclosure.Hierarchy;
import dev.insight.stats.disclosure.SuppressedCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Friends and Family Test publication of one month: for every organisation at every level and the grand total,
 * the number of responses, the share rating the service very good or good, the number of comments and the share
 * of comments on each theme, with {@link HierarchicalSuppression} applied to each.
 *
 * <p>Implementation note: Spark does the work that grows with the responses in one pass: the checks, the coding
 * (a map with the coder broadcast) and the sums per organisation path (one aggregation with map-side combining, the
 * job's only shuffle). The driver receives one row per path (15,000 for England), builds the hierarchy, adds the
 * sums up it and runs the same insight-stats suppression as a single machine would.
 *
 * <p>Rows with a missing organisation level or a rating outside 1 to 6 are set aside and counted in the
 * {@link FftSummary}; a null comment is counted too, and the response still counts in its organisation's totals.
 * Organisations given under two parents stop the run ({@link dev.insight.stats.disclosure.NotATreeException}
 * naming them).
 */
public final class FftPublication {
  /** The FFT rating scale: 1 very good, 2 good, 3 neither, 4 poor, 5 very poor, 6 don't know. */
  static final List<String> SCALE = List.of("1", "2", "3", "4", "5", "6");

  private final List<String> levels;
  private final String ratingColumn;
  private final String commentColumn;
  private final ThemeCoder coder;
  private final HierarchicalSuppression suppression;

  private FftPublication(List<String> levels, String ratingColumn, String commentColumn, ThemeCoder coder,
      HierarchicalSuppression suppression) {
    this.levels = List.copyOf(levels);
    this.ratingColumn = ratingColumn;
    this.commentColumn = commentColumn;
    this.coder = coder;
    this.suppression = suppression;
  }

  /**
   * A publication.
   *
   * @param levels the organisation columns from the top, such as {@code icb, trust, site, ward}
   * @param ratingColumn the rating column (text or number)
   * @param commentColumn the comment column (text)
   * @param coder what codes the comments
   * @param suppression the disclosure rule
   * @return the publication
   */
  public static FftPublication of(List<String> levels, String ratingColumn, String commentColumn, ThemeCoder coder,
      HierarchicalSuppression suppression) {
    checkArgument(!levels.isEmpty(), "at least one organisation level is needed");
    return new FftPublication(levels, checkNotNull(ratingColumn, "rating column"),
        checkNotNull(commentColumn, "comment column"), checkNotNull(coder, "coder"),
        checkNotNull(suppression, "suppression"));
  }

  /** The published table, one row per organisation and the grand total, and the run's summary. */
  public record Result(List<Row> rows, StructType schema, FftSummary summary) {
    /**
     * Copies the rows.
     *
     * @param rows the published rows
     * @param schema their columns
     * @param summary the run's summary
     */
    public Result {
      rows = List.copyOf(rows);
    }
  }

  /**
   * Runs the publication.
   *
   * @param responses the month's responses
   * @return the table and the summary
   * @throws IllegalArgumentException when a column is missing, naming it and the columns there are
   * @throws dev.insight.stats.disclosure.NotATreeException when an organisation is under two parents
   */
  public Result run(Dataset<Row> responses) {
    List<String> columns = Arrays.asList(responses.columns());
    List<String> needed = new ArrayList<>(levels);
    needed.add(ratingColumn);
    needed.add(commentColumn);
    for (String name : needed) {
      checkArgument(columns.contains(name), "column %s not found; the columns are %s", name, columns);
    }
    Column missingLevel = lit(false);
    for (String level : levels) {
      missingLevel = missingLevel.or(col(level).isNull()).or(trim(col(level)).equalTo(""));
    }
    Column rating = trim(col(ratingColumn).cast(DataTypes.StringType));
    Column onScale = rating.isin(SCALE.toArray());
    Column badRating = missingLevel.equalTo(false).and(onScale.isNull().or(onScale.equalTo(false)));
    Column ok = missingLevel.equalTo(false).and(badRating.equalTo(false));
    // one pass: rows set aside keep their place in the sums as counts of problems, with no comment to code
    List<Column> select = new ArrayList<>();
    for (String level : levels) {
      select.add(trim(col(level)).as(level));
    }
    select.add(when(ok, 1L).otherwise(0L).as("_ok"));
    select.add(when(missingLevel, 1L).otherwise(0L).as("_missing_level"));
    select.add(when(badRating, 1L).otherwise(0L).as("_bad_rating"));
    select.add(when(ok.and(rating.isin("1", "2")), 1L).otherwise(0L).as("_good"));
    select.add(when(ok, col(commentColumn).cast(DataTypes.StringType)).as("_comment"));
    select.add(when(ok.and(col(commentColumn).isNull()), 1L).otherwise(0L).as("_null_comment"));
    Dataset<Row> coded = coder.code(responses.select(select.toArray(Column[]::new)), "_comment");
    List<String> themes = coder.themes();
    List<Column> sums = new ArrayList<>();
    for (String name : List.of("_ok", "_missing_level", "_bad_rating", "_good")) {
      sums.add(sum(col(name)).as(name));
    }
    sums.add(count(col("_comment")).as("_comments"));
    sums.add(sum(col("_null_comment")).as("_null_comments"));
    for (String theme : themes) {
      sums.add(sum(col("`" + theme + "`").cast(DataTypes.LongType)).as("_t_" + theme));
    }
    sums.add(coder.isLearned() ? sum(col("abstained").cast(DataTypes.LongType)).as("_abstained")
        : lit(0L).as("_abstained"));
    Column[] keys = levels.stream().map(l -> col(l)).toArray(Column[]::new);
    List<Row> groups = coded.groupBy(keys).agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
        .collectAsList();

    int k = levels.size();
    long rowsRead = 0;
    long missing = 0;
    long outside = 0;
    Hierarchy.Builder builder = Hierarchy.builder(levels);
    List<Row> byWard = new ArrayList<>();
    for (Row row : groups) {
      long okRows = row.getLong(k);
      rowsRead += okRows + row.getLong(k + 1) + row.getLong(k + 2);
      missing += row.getLong(k + 1);
      outside += row.getLong(k + 2);
      if (okRows > 0) {
        List<String> path = new ArrayList<>(k);
        for (int l = 0; l < k; l++) {
          path.add(row.getString(l));
        }
        builder.add(path);
        byWard.add(row);
      }
    }
    Hierarchy hierarchy = builder.build();
    Map<String, Long> n = new HashMap<>();
    Map<String, Long> good = new HashMap<>();
    Map<String, Long> comments = new HashMap<>();
    List<Map<String, Long>> mentions = new ArrayList<>();
    themes.forEach(t -> mentions.add(new HashMap<>()));
    long nullComments = 0;
    long abstained = 0;
    long published = 0;
    for (Row row : byWard) {
      String code = row.getString(k - 1);
      // a ward under two sites was stopped above, so each ward has one row here
      n.put(code, row.getLong(k));
      good.put(code, row.getLong(k + 3));
      comments.put(code, row.getLong(k + 4));
      nullComments += row.getLong(k + 5);
      for (int t = 0; t < themes.size(); t++) {
        mentions.get(t).put(code, row.isNullAt(k + 6 + t) ? 0L : row.getLong(k + 6 + t));
      }
      // a ward whose comments are all null has no abstention flags: the sum is null there
      abstained += row.isNullAt(k + 6 + themes.size()) ? 0 : row.getLong(k + 6 + themes.size());
      published += row.getLong(k);
    }
    SuppressedCounts responsesHidden = suppression.counts(hierarchy, n);
    SuppressedCounts goodHidden = suppression.shares(responsesHidden, good);
    SuppressedCounts commentsHidden = suppression.shares(responsesHidden, comments);
    List<SuppressedCounts> themeHidden = new ArrayList<>();
    for (Map<String, Long> m : mentions) {
      themeHidden.add(suppression.shares(commentsHidden, m));
    }
    StructType schema = schema(themes);
    List<Row> rows = new ArrayList<>();
    rows.add(grandTotal(responsesHidden, goodHidden, commentsHidden, themeHidden));
    List<Integer> organisations = new ArrayList<>();
    List<Integer> primary = new ArrayList<>();
    List<Integer> complementary = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      int[] range = hierarchy.unitsOf(l);
      organisations.add(range[1] - range[0]);
      int p = 0;
      int c = 0;
      for (int u = range[0]; u < range[1]; u++) {
        p += responsesHidden.reason(u) == SuppressedCounts.Reason.PRIMARY ? 1 : 0;
        c += responsesHidden.reason(u) == SuppressedCounts.Reason.COMPLEMENTARY ? 1 : 0;
        rows.add(unitRow(hierarchy, u, responsesHidden, goodHidden, commentsHidden, themeHidden, themes));
      }
      primary.add(p);
      complementary.add(c);
    }
    FftSummary summary = new FftSummary(rowsRead, published, missing, outside,
        nullComments, published - nullComments, abstained, organisations, primary, complementary, coder.describe(),
        suppression.rule());
    return new Result(rows, schema, summary);
  }

  private StructType schema(List<String> themes) {
    StructType schema = new StructType()
        .add("level", DataTypes.StringType, false)
        .add("code", DataTypes.StringType, false)
        .add("parent", DataTypes.StringType, true)
        .add("responses", DataTypes.LongType, true)
        .add("positive_share", DataTypes.DoubleType, true)
        .add("comments", DataTypes.LongType, true);
    java.util.Set<String> seen = new java.util.HashSet<>(List.of(schema.fieldNames()));
    for (String theme : themes) {
      String name = column(theme);
      checkArgument(seen.add(name), "two themes give the column %s: rename one of the codes", name);
      schema = schema.add(name, DataTypes.DoubleType, true);
    }
    return schema.add("hidden", DataTypes.StringType, false);
  }

  private static Row grandTotal(SuppressedCounts n, SuppressedCounts good, SuppressedCounts comments,
      List<SuppressedCounts> themes) {
    List<Object> values = new ArrayList<>();
    values.add("all");
    values.add("all");
    values.add(null);
    boolean nHidden = n.isGrandTotalHidden();
    values.add(nHidden ? null : n.grandTotal());
    values.add(good.isGrandTotalHidden() || n.grandTotal() == 0 ? null : (double) good.grandTotal() / n.grandTotal());
    values.add(comments.isGrandTotalHidden() ? null : comments.grandTotal());
    for (SuppressedCounts t : themes) {
      values.add(t.isGrandTotalHidden() || comments.grandTotal() == 0 ? null
          : (double) t.grandTotal() / comments.grandTotal());
    }
    values.add(nHidden ? "responses(complementary)" : "");
    return RowFactory.create(values.toArray());
  }

  private Row unitRow(Hierarchy h, int u, SuppressedCounts n, SuppressedCounts good, SuppressedCounts comments,
      List<SuppressedCounts> themes, List<String> themeNames) {
    List<Object> values = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    values.add(levels.get(h.level(u)));
    values.add(h.code(u));
    values.add(h.parent(u).isPresent() ? h.code(h.parent(u).getAsInt()) : null);
    values.add(n.isHidden(u) ? null : n.value(u));
    note(hidden, "responses", n, u);
    values.add(good.isHidden(u) || n.value(u) == 0 ? null : (double) good.value(u) / n.value(u));
    note(hidden, "positive_share", good, u);
    values.add(comments.isHidden(u) ? null : comments.value(u));
    note(hidden, "comments", comments, u);
    for (int t = 0; t < themes.size(); t++) {
      SuppressedCounts theme = themes.get(t);
      values.add(theme.isHidden(u) || comments.value(u) == 0 ? null : (double) theme.value(u) / comments.value(u));
      note(hidden, column(themeNames.get(t)), theme, u);
    }
    values.add(String.join(" ", hidden));
    return RowFactory.create(values.toArray());
  }

  /** A theme's share column: Parquet refuses spaces and {@code ,;{}()=} in names, so they become underscores. */
  static String column(String theme) {
    return theme.replaceAll("[\\s,;{}()=]+", "_") + "_share";
  }

  private static void note(List<String> hidden, String what, SuppressedCounts counts, int unit) {
    SuppressedCounts.Reason reason = counts.reason(unit);
    if (reason != SuppressedCounts.Reason.SHOWN) {
      hidden.add(what + "(" + reason.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
  }
}
