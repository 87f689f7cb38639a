package dev.insight.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.interchange.CodedCsv;
import dev.insight.codeframe.interchange.CodeframeJson;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.Prediction;
import dev.insight.codeframe.rules.RuleCoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.reflect.ClassTag$;

/**
 * Codes a text column of a Spark {@link Dataset} with a codeframe's rules ({@code insight code apply}) or a learned
 * model ({@code insight code predict}), row for row as those commands do.
 *
 * <p>Implementation note: the codeframe (as JSON) or the model (in its saved format) is broadcast once as bytes;
 * each executor JVM builds the coder from them once, keyed by the bytes' SHA-256, and keeps it for every task and
 * every later job with the same coder. A learned model codes a partition in batches of {@value #BATCH} comments
 * through {@link LearnedCoder#predictAll(List, List)}, as the command does for a whole file.
 *
 * <p>A null comment (Spark's CSV reader reads an empty field as null) is not coded: its code columns are null, so
 * it is counted apart rather than read as a comment with no code. An empty string is coded as the commands code an
 * empty field.
 */
public final class SparkCoding {
  static final int BATCH = 1024;
  private static final Map<String, Object> CODERS = new ConcurrentHashMap<>();

  private SparkCoding() {}

  /**
   * Applies a codeframe's rules: adds one integer 0/1 column per codable code, named by the code id, then one per
   * net ({@link CodedCsv#netColumn}), as {@code insight code apply} writes them.
   *
   * @param data the rows
   * @param textColumn the comment column, a string
   * @param codeframe a codeframe with at least one rule
   * @return the rows with the code columns added (null where the comment is null)
   * @throws IllegalArgumentException when the column is missing or not a string, the codeframe has no rules, or a
   *     code column would replace an existing column
   */
  public static Dataset<Row> applyRules(Dataset<Row> data, String textColumn, Codeframe codeframe) {
    checkNotNull(codeframe, "codeframe");
    int textAt = stringColumn(data, textColumn);
    checkArgument(RuleCoder.of(codeframe).ruleCount() > 0, "codeframe %s has no rules", codeframe.name());
    List<String> added = new ArrayList<>();
    codeframe.codable().forEach(c -> added.add(c.id().value()));
    codeframe.nets().forEach(n -> added.add(CodedCsv.netColumn(n)));
    StructType schema = extend(data.schema(), added, List.of());
    byte[] bytes = json(codeframe);
    Broadcast<byte[]> shared = broadcast(data, bytes);
    String key = "rules:" + sha256(bytes);
    MapPartitionsFunction<Row, Row> code = rows -> {
      RuleFrame frame = (RuleFrame) CODERS.computeIfAbsent(key, k -> RuleFrame.of(shared.value()));
      return new MappingIterator(rows, row -> {
        Object[] out = Arrays.copyOf(values(row), row.size() + frame.columns());
        if (!row.isNullAt(textAt)) {
          frame.code(row.getString(textAt), out, row.size());
        }
        return RowFactory.create(out);
      });
    };
    return data.mapPartitions(code, Encoders.row(schema));
  }

  /**
   * Codes with a learned model: for a multi-label model one integer 0/1 column per code (the code id) and one
   * double column per code ({@code "<code> confidence"}, the probability); for a single-label model a string
   * column {@code code}; then {@code confidence} (the probability the row is coded exactly right) and
   * {@code abstained} (0/1), as {@code insight code predict} writes them.
   *
   * @param data the rows
   * @param textColumn the comment column, a string
   * @param coder the model; a model trained with contexts reads its context column ({@link
   *     LearnedCoder#contextName()}) from the rows
   * @param abstainBelow leave rows with a confidence below this for a person (0 for none), as {@code
   *     --abstain-below}
   * @return the rows with the prediction columns added (null where the comment is null)
   * @throws IllegalArgumentException when a column is missing or not a string, or an added column would replace an
   *     existing one
   */
  public static Dataset<Row> predict(Dataset<Row> data, String textColumn, LearnedCoder coder, double abstainBelow) {
    checkNotNull(coder, "coder");
    checkArgument(abstainBelow >= 0 && abstainBelow <= 1, "abstention threshold must be in [0, 1]: %s",
        abstainBelow);
    int textAt = stringColumn(data, textColumn);
    int contextAt = coder.contextName().isEmpty() ? -1 : stringColumn(data, coder.contextName());
    boolean single = coder.mode() == LabelMode.SINGLE_LABEL;
    List<String> ints = new ArrayList<>();
    List<String> doubles = new ArrayList<>();
    if (!single) {
      coder.codes().forEach(c -> ints.add(c.value()));
      coder.codes().forEach(c -> doubles.add(c.value() + " confidence"));
    }
    StructType schema = extend(data.schema(), ints, doubles);
    // the columns in the order code predict writes them: the code (single-label), confidence, abstained
    for (String name : single ? List.of("code", "confidence", "abstained") : List.of("confidence", "abstained")) {
      checkArgument(!Arrays.asList(data.columns()).contains(name), "column %s already exists", name);
    }
    if (single) {
      schema = schema.add(DataTypes.createStructField("code", DataTypes.StringType, true));
    }
    schema = schema.add(DataTypes.createStructField("confidence", DataTypes.DoubleType, true));
    schema = schema.add(DataTypes.createStructField("abstained", DataTypes.IntegerType, true));
    byte[] bytes = model(coder);
    Broadcast<byte[]> shared = broadcast(data, bytes);
    String key = "model:" + sha256(bytes) + ":" + abstainBelow;
    MapPartitionsFunction<Row, Row> code = rows -> {
      LearnedCoder model = (LearnedCoder) CODERS.computeIfAbsent(key, k -> readModel(shared.value())
          .withAbstention(abstainBelow));
      return new BatchIterator(rows, BATCH, batch -> predictBatch(model, batch, textAt, contextAt, single));
    };
    return data.mapPartitions(code, Encoders.row(schema));
  }

  private static List<Row> predictBatch(LearnedCoder model, List<Row> batch, int textAt, int contextAt,
      boolean single) {
    List<String> texts = new ArrayList<>();
    List<String> contexts = new ArrayList<>();
    for (Row row : batch) {
      if (!row.isNullAt(textAt)) {
        texts.add(row.getString(textAt));
        contexts.add(contextAt < 0 || row.isNullAt(contextAt) ? "" : row.getString(contextAt));
      }
    }
    List<Prediction> predictions = contextAt < 0 ? model.predictAll(texts) : model.predictAll(texts, contexts);
    int k = model.codes().size();
    int extra = single ? 3 : 2 * k + 2;
    List<Row> out = new ArrayList<>(batch.size());
    int next = 0;
    for (Row row : batch) {
      Object[] values = Arrays.copyOf(values(row), row.size() + extra);
      if (!row.isNullAt(textAt)) {
        Prediction p = predictions.get(next++);
        int at = row.size();
        if (single) {
          values[at++] = p.assigned().get(0).value();
        } else {
          for (int c = 0; c < k; c++) {
            values[at++] = p.isAssigned(c) ? 1 : 0;
          }
          for (int c = 0; c < k; c++) {
            values[at++] = p.probability(c);
          }
        }
        values[at++] = p.confidence();
        values[at] = p.abstained() ? 1 : 0;
      }
      out.add(RowFactory.create(values));
    }
    return out;
  }

  /** A codeframe's rule coder and its columns, built once per executor. */
  private record RuleFrame(RuleCoder coder, Map<CodeId, Integer> codeColumn, int[][] netMembers, int codable) {
    static RuleFrame of(byte[] json) {
      Codeframe frame;
      try {
        frame = CodeframeJson.read(new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8),
            "broadcast codeframe");
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot read the broadcast codeframe", e);
      }
      Map<CodeId, Integer> column = new java.util.HashMap<>();
      List<Code> codable = frame.codable();
      for (int i = 0; i < codable.size(); i++) {
        column.put(codable.get(i).id(), i);
      }
      List<Code> nets = frame.nets();
      int[][] members = new int[nets.size()][];
      for (int n = 0; n < nets.size(); n++) {
        members[n] = frame.codableUnder(nets.get(n).id()).stream().mapToInt(column::get).toArray();
      }
      return new RuleFrame(RuleCoder.of(frame), Map.copyOf(column), members, codable.size());
    }

    int columns() {
      return codable + netMembers.length;
    }

    void code(String text, Object[] out, int at) {
      boolean[] has = new boolean[codable];
      for (CodeId id : coder.codes(text)) {
        has[codeColumn.get(id)] = true;
      }
      for (int c = 0; c < codable; c++) {
        out[at + c] = has[c] ? 1 : 0;
      }
      for (int n = 0; n < netMembers.length; n++) {
        boolean any = false;
        for (int c : netMembers[n]) {
          any |= has[c];
        }
        out[at + codable + n] = any ? 1 : 0;
      }
    }
  }

  static Object[] values(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    return values;
  }

  static int stringColumn(Dataset<Row> data, String column) {
    checkNotNull(column, "column");
    StructType schema = data.schema();
    Set<String> names = Set.of(schema.fieldNames());
    checkArgument(names.contains(column), "column %s not found; the columns are %s", column,
        Arrays.toString(schema.fieldNames()));
    StructField field = schema.apply(column);
    checkArgument(field.dataType().equals(DataTypes.StringType), "column %s is %s, not a string", column,
        field.dataType().simpleString());
    return schema.fieldIndex(column);
  }

  private static StructType extend(StructType schema, List<String> ints, List<String> doubles) {
    Set<String> names = Set.of(schema.fieldNames());
    StructType out = schema;
    for (String name : ints) {
      checkArgument(!names.contains(name), "column %s already exists", name);
      out = out.add(DataTypes.createStructField(name, DataTypes.IntegerType, true));
    }
    for (String name : doubles) {
      checkArgument(!names.contains(name), "column %s already exists", name);
      out = out.add(DataTypes.createStructField(name, DataTypes.DoubleType, true));
    }
    return out;
  }

  private static Broadcast<byte[]> broadcast(Dataset<Row> data, byte[] bytes) {
    return data.sparkSession().sparkContext().broadcast(bytes, ClassTag$.MODULE$.apply(byte[].class));
  }

  private static byte[] json(Codeframe codeframe) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      CodeframeJson.write(codeframe, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] model(LearnedCoder coder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      coder.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static LearnedCoder readModel(byte[] bytes) {
    try {
      return LearnedCoder.read(new ByteArrayInputStream(bytes), "broadcast model");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Maps each row of a partition. */
  private static final class MappingIterator implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final java.util.function.Function<Row, Row> map;

    MappingIterator(Iterator<Row> rows, java.util.function.Function<Row, Row> map) {
      this.rows = rows;
      this.map = map;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public Row next() {
      return map.apply(rows.next());
    }
  }

  /** Maps a partition batch by batch, so a model codes many comments per call. */
  private static final class BatchIterator implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final int size;
    private final java.util.function.Function<List<Row>, List<Row>> map;
    private Iterator<Row> current = java.util.Collections.emptyIterator();

    BatchIterator(Iterator<Row> rows, int size, java.util.function.Function<List<Row>, List<Row>> map) {
      this.rows = rows;
      this.size = size;
      this.map = map;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && rows.hasNext()) {
        List<Row> batch = new ArrayList<>(size);
        while (batch.size() < size && rows.hasNext()) {
          batch.add(rows.next());
        }
        current = map.apply(batch).iterator();
      }
      return current.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return current.next();
    }
  }
}
