package dev.insight.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.interchange.DataColumns;
import dev.insight.codeframe.learn.CodedExample;
import dev.insight.codeframe.learn.CodedExamples;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.Prediction;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.spark.fft.FftGenerator;
import dev.insight.spark.fft.PhraseModel;
import dev.insight.spark.fft.ThemeCoder;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkCodingTest {
  private static SparkSession spark;
  private static Dataset<Row> month;
  private static Codeframe themes;

  @BeforeAll
  static void start() throws Exception {
    spark = LocalSpark.start("SparkCodingTest");
    // a comment is null for a quarter of the responses: those rows must come back uncoded, not coded as empty
    month = FftGenerator.of(7, PhraseModel.builtIn(), "2026-10", 3, 6, 12, 40).month(spark, 1_500, 2).cache();
    Method frame = ThemeCoder.class.getDeclaredMethod("codeframe");
    frame.setAccessible(true);
    themes = (Codeframe) frame.invoke(ThemeCoder.builtInThemes());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void applyRules_sameCodesRowForRowAsTheRuleCoder() {
    List<Row> rows = SparkCoding.applyRules(month, "comment", themes).orderBy("response_id").collectAsList();
    RuleCoder coder = RuleCoder.of(themes);
    List<Code> codable = themes.codable();
    int nulls = 0;
    int coded = 0;
    assertThat(rows).hasSize(1_500);
    for (Row row : rows) {
      String comment = row.getAs("comment");
      if (comment == null) {
        nulls++;
        for (Code code : codable) {
          assertThat(row.isNullAt(row.fieldIndex(code.id().value()))).isTrue();
        }
        continue;
      }
      Set<CodeId> expected = new HashSet<>(coder.codes(comment));
      for (Code code : codable) {
        int value = row.getAs(code.id().value());
        assertThat(value).as("%s on %s", code.id(), comment).isEqualTo(expected.contains(code.id()) ? 1 : 0);
        coded += value;
      }
    }
    assertThat(nulls).isBetween(250, 500);
    assertThat(coded).as("the rules code something").isGreaterThan(500);
  }

  @Test
  void predict_sameProbabilitiesRowForRowAsPredictAll() {
    // a model learned from rule-coded comments of another month
    List<Row> training = FftGenerator.of(8, PhraseModel.builtIn(), "2026-09", 3, 6, 12, 40).month(spark, 400, 2)
        .where("comment is not null").collectAsList();
    RuleCoder rules = RuleCoder.of(themes);
    List<CodedExample> examples = new ArrayList<>();
    for (Row row : training) {
      String comment = row.getAs("comment");
      examples.add(new CodedExample(comment, Set.copyOf(rules.codes(comment))));
    }
    LearnedCoder model = LearnedCoder.train(CodedExamples.of(LabelMode.MULTI_LABEL, examples));

    List<Row> rows = SparkCoding.predict(month, "comment", model, 0.5).orderBy("response_id").collectAsList();
    List<String> texts = new ArrayList<>();
    rows.stream().filter(r -> r.getAs("comment") != null).forEach(r -> texts.add(r.getAs("comment")));
    List<Prediction> expected = model.withAbstention(0.5).predictAll(texts);
    int next = 0;
    List<CodeId> codes = model.codes();
    for (Row row : rows) {
      if (row.getAs("comment") == null) {
        assertThat(row.isNullAt(row.fieldIndex("confidence"))).isTrue();
        continue;
      }
      Prediction p = expected.get(next++);
      for (int c = 0; c < codes.size(); c++) {
        int assigned = row.getAs(codes.get(c).value());
        assertThat(assigned).isEqualTo(p.isAssigned(c) ? 1 : 0);
        double probability = row.getAs(codes.get(c).value() + " confidence");
        assertThat(probability).isEqualTo(p.probability(c));
      }
      double confidence = row.getAs("confidence");
      assertThat(confidence).isEqualTo(p.confidence());
      int abstained = row.getAs("abstained");
      assertThat(abstained).isEqualTo(p.abstained() ? 1 : 0);
    }
    assertThat(next).isEqualTo(texts.size());
  }

  @Test
  void predict_singleLabelModelSavedAndLoaded_sameCodeConfidenceAndAbstentionRowForRowAsCodePredict(
      @TempDir Path dir) throws Exception {
    // a single-label model learned from the first rule code of another month's comments, saved to a file and
    // loaded from it, as code learn and code predict do
    List<Row> training = FftGenerator.of(9, PhraseModel.builtIn(), "2026-08", 3, 6, 12, 40).month(spark, 500, 2)
        .where("comment is not null").collectAsList();
    RuleCoder rules = RuleCoder.of(themes);
    List<CodedExample> examples = new ArrayList<>();
    for (Row row : training) {
      String comment = row.getAs("comment");
      List<CodeId> codes = rules.codes(comment);
      examples.add(new CodedExample(comment, Set.of(codes.isEmpty() ? CodeId.of("other") : codes.get(0))));
    }
    Path file = dir.resolve("single.model");
    try (OutputStream out = Files.newOutputStream(file)) {
      LearnedCoder.train(CodedExamples.of(LabelMode.SINGLE_LABEL, examples)).write(out);
    }
    LearnedCoder model = LearnedCoder.load(file);
    assertThat(model.mode()).isEqualTo(LabelMode.SINGLE_LABEL);
    double threshold = 0.6;
    // one CSV of comments, with a comma, doubled quotes and a line break inside fields, read by both sides
    StructType schema = new StructType().add("id", DataTypes.StringType).add("comment", DataTypes.StringType);
    Dataset<Row> comments = month.where("comment is not null").selectExpr("cast(response_id as string) as id",
        "comment").union(spark.createDataFrame(List.of(RowFactory.create("t1", "Kind staff, but a long wait"),
            RowFactory.create("t2", "They said \"soon\" and meant it"),
            RowFactory.create("t3", "Clean ward.\nGood food")), schema));
    Path folder = dir.resolve("comments-csv");
    comments.coalesce(1).write().option("header", "true").option("escape", "\"").csv(folder.toString());
    Path csv;
    try (Stream<Path> parts = Files.list(folder)) {
      csv = parts.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
    }

    // code predict: its reader, the model file, the threshold, every comment in file order
    List<List<String>> read = DataColumns.readColumns(csv, List.of("id", "comment"));
    List<Prediction> expected = LearnedCoder.load(file).withAbstention(threshold).predictAll(read.get(1));
    // Spark: the same file read as the FFT job reads CSV
    Dataset<Row> rows = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
        .option("inferSchema", "false").csv(csv.toString());
    Dataset<Row> predicted = SparkCoding.predict(rows, "comment", model, threshold);
    // the columns code predict writes, in its order
    List<String> columns = List.of(predicted.columns());
    assertThat(columns.subList(columns.size() - 3, columns.size())).containsExactly("code", "confidence",
        "abstained");
    Map<String, Row> byId = new HashMap<>();
    predicted.collectAsList().forEach(r -> byId.put(r.getAs("id"), r));
    assertThat(byId).hasSize(read.get(0).size());
    int abstained = 0;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < read.get(0).size(); i++) {
      Row row = byId.get(read.get(0).get(i));
      Prediction p = expected.get(i);
      assertThat(row.<String>getAs("comment")).isEqualTo(read.get(1).get(i));
      String code = row.getAs("code");
      assertThat(code).isEqualTo(p.assigned().get(0).value());
      assertThat(row.<Double>getAs("confidence")).isEqualTo(p.confidence());
      assertThat(row.<Integer>getAs("abstained")).isEqualTo(p.abstained() ? 1 : 0);
      abstained += p.abstained() ? 1 : 0;
      seen.add(code);
    }
    assertThat(byId.get("t3").<String>getAs("comment")).isEqualTo("Clean ward.\nGood food");
    assertThat(seen).as("more than one code predicted").hasSizeGreaterThan(1);
    assertThat(abstained).as("some rows left for a person, some not").isBetween(1, expected.size() - 1);

    // a null comment is not coded: its prediction columns are null
    Row uncoded = SparkCoding.predict(month.where("comment is null").limit(1), "comment", model, threshold).first();
    for (String column : List.of("code", "confidence", "abstained")) {
      assertThat(uncoded.isNullAt(uncoded.fieldIndex(column))).as(column).isTrue();
    }
  }

  @Test
  void applyRules_missingOrNumericColumn_failsNamingIt() {
    assertThatThrownBy(() -> SparkCoding.applyRules(month, "text", themes))
        .hasMessageStartingWith("column text not found; the columns are [response_id, month, icb");
    assertThatThrownBy(() -> SparkCoding.applyRules(month, "response_id", themes))
        .hasMessage("column response_id is bigint, not a string");
    assertThatThrownBy(() -> SparkCoding.applyRules(SparkCoding.applyRules(month, "comment", themes), "comment",
        themes)).hasMessage("column staff_attitude already exists");
  }
}
