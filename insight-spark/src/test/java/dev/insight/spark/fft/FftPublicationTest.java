package dev.insight.spark.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.spark.LocalSpark;
import dev.insight.stats.disclosure.HierarchicalSuppression;
import dev.insight.stats.disclosure.Hierarchy;
import dev.insight.stats.disclosure.NotATreeException;
import dev.insight.stats.disclosure.SuppressedCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FftPublicationTest {
  private static final List<String> LEVELS = List.of("icb", "trust", "site", "ward");
  private static SparkSession spark;
  private static Dataset<Row> month;
  private static List<Row> raw;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("FftPublicationTest");
    month = FftGenerator.of(11, PhraseModel.builtIn(), "2026-10", 3, 8, 20, 120).withBadRows(0.03)
        .month(spark, 4_000, 3).cache();
    raw = month.collectAsList();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static FftPublication publication(int minimum) {
    return FftPublication.of(LEVELS, "rating", "comment", ThemeCoder.builtInThemes(),
        HierarchicalSuppression.belowMinimum(minimum));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Test
  void run_sameTableAsTheSingleMachineEngineRowForRow() {
    FftPublication.Result result = publication(8).run(month);

    // the same publication built on one machine: rule coder, sums, insight-stats suppression
    RuleCoder coder = RuleCoder.of(ThemeCoder.builtInThemes().codeframe());
    List<String> themes = ThemeCoder.builtInThemes().themes();
    Hierarchy.Builder builder = Hierarchy.builder(LEVELS);
    Map<String, Long> n = new HashMap<>();
    Map<String, Long> good = new HashMap<>();
    Map<String, Long> comments = new HashMap<>();
    List<Map<String, Long>> mentions = new ArrayList<>();
    themes.forEach(t -> mentions.add(new HashMap<>()));
    for (Row row : raw) {
      String rating = row.getAs("rating");
      if (LEVELS.stream().anyMatch(l -> blank(row.getAs(l))) || !FftPublication.SCALE.contains(rating)) {
        continue;
      }
      List<String> path = List.of((String) row.getAs("icb"), (String) row.getAs("trust"), (String) row.getAs("site"),
          (String) row.getAs("ward"));
      builder.add(path);
      String ward = path.get(3);
      n.merge(ward, 1L, Long::sum);
      good.merge(ward, rating.equals("1") || rating.equals("2") ? 1L : 0L, Long::sum);
      String comment = row.getAs("comment");
      if (comment != null) {
        comments.merge(ward, 1L, Long::sum);
        Set<CodeId> codes = Set.copyOf(coder.codes(comment));
        for (int t = 0; t < themes.size(); t++) {
          mentions.get(t).merge(ward, codes.contains(CodeId.of(themes.get(t))) ? 1L : 0L, Long::sum);
        }
      }
    }
    Hierarchy h = builder.build();
    HierarchicalSuppression rule = HierarchicalSuppression.belowMinimum(8);
    SuppressedCounts nHidden = rule.counts(h, n);
    SuppressedCounts goodHidden = rule.shares(nHidden, good);
    SuppressedCounts commentsHidden = rule.shares(nHidden, comments);
    assertThat(result.rows()).hasSize(h.size() + 1);
    Row total = result.rows().get(0);
    assertThat(total.getString(0)).isEqualTo("all");
    assertThat(total.getLong(3)).isEqualTo(nHidden.grandTotal());
    for (int u = 0; u < h.size(); u++) {
      Row row = result.rows().get(u + 1);
      assertThat(row.getString(0)).isEqualTo(LEVELS.get(h.level(u)));
      assertThat(row.getString(1)).isEqualTo(h.code(u));
      assertThat(row.isNullAt(3)).isEqualTo(nHidden.isHidden(u));
      if (!nHidden.isHidden(u)) {
        assertThat(row.getLong(3)).isEqualTo(nHidden.value(u));
      }
      assertThat(row.isNullAt(4)).isEqualTo(goodHidden.isHidden(u));
      if (!goodHidden.isHidden(u)) {
        assertThat(row.getDouble(4)).isEqualTo((double) goodHidden.value(u) / nHidden.value(u));
      }
      assertThat(row.isNullAt(5)).isEqualTo(commentsHidden.isHidden(u));
      for (int t = 0; t < themes.size(); t++) {
        SuppressedCounts theme = rule.shares(commentsHidden, mentions.get(t));
        assertThat(row.isNullAt(6 + t)).as("%s %s", themes.get(t), h.code(u)).isEqualTo(theme.isHidden(u));
        if (!theme.isHidden(u)) {
          assertThat(row.getDouble(6 + t)).isEqualTo((double) theme.value(u) / commentsHidden.value(u));
        }
      }
    }
    // the suppression is exercised, not vacuous
    assertThat(nHidden.count(SuppressedCounts.Reason.PRIMARY)).isGreaterThanOrEqualTo(3);
    assertThat(nHidden.count(SuppressedCounts.Reason.COMPLEMENTARY)).isGreaterThanOrEqualTo(3);
    assertThat(result.summary().rule()).isEqualTo(rule.rule());
  }

  @Test
  void run_learnedModel_sameResponsesAsWithRules_wardsWithoutCommentsIncluded() {
    // a model learned from rule-coded comments of another month
    RuleCoder rules = RuleCoder.of(ThemeCoder.builtInThemes().codeframe());
    List<dev.insight.codeframe.learn.CodedExample> examples = new ArrayList<>();
    FftGenerator other = FftGenerator.of(12, PhraseModel.builtIn(), "2026-09", 2, 4, 8, 30);
    for (long id = 0; examples.size() < 300; id++) {
      String comment = (String) other.response(id).get(7);
      if (comment != null) {
        examples.add(new dev.insight.codeframe.learn.CodedExample(comment, Set.copyOf(rules.codes(comment))));
      }
    }
    var model = dev.insight.codeframe.learn.LearnedCoder.train(dev.insight.codeframe.learn.CodedExamples.of(
        dev.insight.codeframe.learn.LabelMode.MULTI_LABEL, examples));
    FftPublication learned = FftPublication.of(LEVELS, "rating", "comment", ThemeCoder.learned(model, 0.9),
        HierarchicalSuppression.belowMinimum(8));
    FftPublication.Result withModel = learned.run(month);
    FftPublication.Result withRules = publication(8).run(month);

    assertThat(withModel.rows()).hasSameSizeAs(withRules.rows());
    for (int i = 0; i < withRules.rows().size(); i++) {
      // responses, positive share and comments do not depend on the coder
      for (int c = 0; c < 6; c++) {
        assertThat(withModel.rows().get(i).get(c)).isEqualTo(withRules.rows().get(i).get(c));
      }
    }
    assertThat(withModel.summary().commentsCoded()).isEqualTo(withRules.summary().commentsCoded());
    assertThat(withModel.summary().abstained()).isBetween(1L, withModel.summary().commentsCoded());
    assertThat(withModel.summary().coding()).startsWith("learned model ");
  }

  @Test
  void run_badRows_countedInTheSummaryNeverDropped() {
    FftSummary summary = publication(8).run(month).summary();
    long missing = 0;
    long outside = 0;
    long nullComment = 0;
    for (Row row : raw) {
      boolean levelMissing = LEVELS.stream().anyMatch(l -> blank(row.getAs(l)));
      if (levelMissing) {
        missing++;
      } else if (!FftPublication.SCALE.contains((String) row.getAs("rating"))) {
        outside++;
      } else if (row.getAs("comment") == null) {
        nullComment++;
      }
    }
    assertThat(missing).isGreaterThan(10);
    assertThat(outside).isGreaterThan(10);
    assertThat(summary.rowsRead()).isEqualTo(4_000);
    assertThat(summary.missingLevel()).isEqualTo(missing);
    assertThat(summary.ratingOutsideScale()).isEqualTo(outside);
    assertThat(summary.nullComment()).isEqualTo(nullComment);
    assertThat(summary.rowsPublished() + summary.missingLevel() + summary.ratingOutsideScale()).isEqualTo(4_000);
    assertThat(summary.commentsCoded() + summary.nullComment()).isEqualTo(summary.rowsPublished());
    // the generator's small wards may have no response in a month: they are not published
    assertThat(summary.organisations()).hasSize(4);
    assertThat(summary.organisations().subList(0, 3)).containsExactly(3, 8, 20);
    assertThat(summary.organisations().get(3)).isBetween(90, 120);
    assertThat(summary.describe(LEVELS)).contains("rows set aside, a missing organisation level: " + missing);
  }

  @Test
  void run_wardUnderTwoSites_stopsNamingTheWardAndBothSites() {
    // a real ward of the month, reported once more under another site of the same trust
    Row first = raw.stream().filter(r -> LEVELS.stream().noneMatch(l -> blank(r.getAs(l)))).findFirst().get();
    String site = first.getAs("site");
    String ward = first.getAs("ward");
    String other = site + "X";
    Row moved = RowFactory.create(99_999L, "2026-10", first.getAs("icb"), first.getAs("trust"), other, ward, "1",
        null);
    Dataset<Row> broken = month.union(spark.createDataFrame(List.of(moved), FftGenerator.SCHEMA));
    assertThatThrownBy(() -> publication(8).run(broken)).isInstanceOf(NotATreeException.class)
        .hasMessage("the organisations do not form a tree: ward " + ward + " is under site " + site + " and " + other);
  }

  @Test
  void job_organisationsUnderTwoParentsAtTwoLevels_stopsBeforeWritingAndNamesEveryOne(@TempDir Path dir) {
    List<Row> good = raw.stream().filter(r -> LEVELS.stream().noneMatch(l -> blank(r.getAs(l)))).toList();
    Row first = good.get(0);
    Row other = good.stream().filter(r -> !r.getAs("trust").equals(first.getAs("trust"))).findFirst().get();
    String ward = first.getAs("ward");
    String site = first.getAs("site");
    String otherSite = other.getAs("site");
    String otherTrust = other.getAs("trust");
    // a ward reported under a second site, and a site reported under a second trust
    Row wardMoved = RowFactory.create(99_998L, "2026-10", first.getAs("icb"), first.getAs("trust"), site + "X", ward,
        "2", "kind staff");
    Row siteMoved = RowFactory.create(99_999L, "2026-10", other.getAs("icb"), otherTrust + "Y", otherSite, "new ward",
        "1", null);
    String input = dir.resolve("month.parquet").toString();
    month.union(spark.createDataFrame(List.of(wardMoved, siteMoved), FftGenerator.SCHEMA)).write().parquet(input);
    Map<String, String> options = FftJob.parse(new String[] {"--input", input, "--output",
        dir.resolve("out").toString()});
    assertThatThrownBy(() -> FftJob.run(spark, options)).isInstanceOf(NotATreeException.class)
        .hasMessageStartingWith("the organisations do not form a tree: ")
        .hasMessageContaining("ward " + ward + " is under site " + site + " and " + site + "X")
        .hasMessageContaining("site " + otherSite + " is under trust " + otherTrust + " and " + otherTrust + "Y");
    assertThat(Files.exists(dir.resolve("out"))).as("nothing written").isFalse();
  }

  @Test
  void job_csvIn_writesParquetCsvAndSummary_andRefusesToOverwrite(@TempDir Path dir) throws Exception {
    String input = dir.resolve("month.csv").toString();
    month.coalesce(1).write().option("header", "true").csv(input);
    Map<String, String> options = new LinkedHashMap<>(FftJob.parse(new String[] {"--input", input, "--format",
        "csv", "--output", dir.resolve("out").toString(), "--minimum", "10"}));
    FftSummary summary = FftJob.run(spark, options);

    assertThat(summary.rowsRead()).isEqualTo(4_000);
    // the CSV reader reads a blank level as null and the job's text ratings as text: the same rows set aside
    assertThat(summary.missingLevel()).isEqualTo(raw.stream().filter(r -> LEVELS.stream()
        .anyMatch(l -> blank(r.getAs(l)))).count()).isPositive();
    assertThat(summary.ratingOutsideScale()).isEqualTo(raw.stream().filter(r -> LEVELS.stream()
        .noneMatch(l -> blank(r.getAs(l))) && !FftPublication.SCALE.contains((String) r.getAs("rating"))).count())
        .isPositive();
    Dataset<Row> parquet = spark.read().parquet(dir.resolve("out/publication.parquet").toString());
    assertThat(parquet.count()).isEqualTo(1 + summary.organisations().stream().mapToInt(Integer::intValue).sum());
    assertThat(parquet.columns()).startsWith("level", "code", "parent", "responses", "positive_share", "comments",
        "staff_attitude_share");
    Dataset<Row> csv = spark.read().option("header", "true").csv(dir.resolve("out/publication-csv").toString());
    assertThat(csv.count()).isEqualTo(parquet.count());
    Row json = spark.read().json(dir.resolve("out/summary-json").toString()).first();
    assertThat(json.<String>getAs("rule")).startsWith("Counts of 1 to 9 are hidden at every level");
    assertThat(json.<Long>getAs("rows_read")).isEqualTo(4_000L);
    assertThatThrownBy(() -> FftJob.run(spark, options)).hasMessageContaining("already exists");
    assertThat(Files.exists(dir.resolve("out/publication.parquet"))).isTrue();
  }

  @Test
  void parse_badOptions_failWithTheirMessage() {
    assertThatThrownBy(() -> FftJob.parse(new String[] {"--input", "x.csv"})).hasMessage("--output is required");
    assertThatThrownBy(() -> FftJob.parse(new String[] {"--input", "x", "--output", "y", "--minimum", "1"}))
        .hasMessage("--minimum 1: expected a whole number of at least 2");
    assertThatThrownBy(() -> FftJob.parse(new String[] {"--input", "x", "--output", "y", "--codeframe", "a",
        "--model", "b"})).hasMessage("give --codeframe or --model, not both");
    assertThatThrownBy(() -> FftJob.parse(new String[] {"--inptu", "x"})).hasMessageStartingWith(
        "unknown option --inptu; the options are --input, --output");
  }

  @Test
  void neutralise_formulaLikeText_prefixedForSpreadsheets() {
    assertThat(FftJob.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(FftJob.neutralise("R1A01")).isEqualTo("R1A01");
  }
}
