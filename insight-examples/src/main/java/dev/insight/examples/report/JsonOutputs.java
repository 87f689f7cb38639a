package dev.insight.examples.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.stats.table.TableWriter;
import dev.insight.stats.design.WeightingReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The one JSON serialisation behind every JSON output of the {@code insight} command ({@code analysis.json},
 * {@code insight table --out t.json}, {@code insight weight --report r.json}): each starts with
 * {@code schemaVersion} and {@code kind}, keys come in a fixed order, a value that does not exist is {@code null},
 * and a thing has the same name wherever it appears. The JSON Schema describing all three is shipped at
 * {@value #SCHEMA_RESOURCE}.
 */
public final class JsonOutputs {
  /** The version of the shape; removing or renaming a key changes the major number. */
  public static final String SCHEMA_VERSION = TableWriter.JSON_SCHEMA_VERSION;
  /** Where the JSON Schema is on the class path. */
  public static final String SCHEMA_RESOURCE = "/dev/insight/examples/report/insight-outputs.schema.json";

  static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonOutputs() {}

  /**
   * A new output's root: {@code schemaVersion} and {@code kind}.
   *
   * @param kind "analysis", "table" or "weighting"
   * @return the root node
   */
  static ObjectNode root(String kind) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("kind", kind);
    return root;
  }

  /**
   * A weighting report's fields, in the one shape every output uses.
   *
   * @param node where to put them
   * @param report the report
   * @return the node
   */
  static ObjectNode weighting(ObjectNode node, WeightingReport report) {
    node.put("method", report.method());
    node.put("converged", report.converged());
    node.put("iterations", report.iterations());
    number(node, "largestGap", report.largestGap());
    node.put("largestGapAt", report.largestGapAt());
    node.put("respondents", report.respondents());
    node.put("excluded", report.excluded());
    number(node, "minWeight", report.minWeight());
    number(node, "maxWeight", report.maxWeight());
    number(node, "maxToMinRatio", report.maxToMinRatio());
    number(node, "weightSum", report.weightSum());
    number(node, "efficiency", report.efficiency());
    number(node, "effectiveBase", report.effectiveBase());
    number(node, "designEffect", report.designEffect());
    return node;
  }

  /**
   * Writes the weighting report of {@code insight weight --report}.
   *
   * @param writer where to write; flushed, not closed
   * @param report the report
   * @param history the steps that made the weights, in order
   * @throws UncheckedIOException when writing fails
   */
  public static void writeWeighting(Writer writer, WeightingReport report, List<String> history) {
    ObjectNode root = weighting(root("weighting"), report);
    history.forEach(root.putArray("history")::add);
    try {
      writer.write(MAPPER.writeValueAsString(root));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the weighting report", e);
    }
  }

  /** A number, or null where it does not exist (NaN, infinite). */
  static void number(ObjectNode node, String name, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }
}
