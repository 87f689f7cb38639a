package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
   * A weighting's fields, in the one shape every output uses: the final weights' report, then {@code steps}, each
   * step that made them (the weighting to the targets, then any trimming) with its own report, in order, so the
   * calibration's convergence is kept when the weights were trimmed after it.
   *
   * @param node where to put them
   * @param steps the steps' reports in order, at least one; the last is the final weights'
   * @return the node
   * @throws IllegalArgumentException when there is no step
   */
  static ObjectNode weighting(ObjectNode node, List<WeightingReport> steps) {
    checkArgument(!steps.isEmpty(), "a weighting has at least one step; got %s", steps);
    report(node, steps.get(steps.size() - 1));
    ArrayNode array = node.putArray("steps");
    for (WeightingReport step : steps) {
      report(array.addObject(), step);
    }
    return node;
  }

  /** One weighting report's fields. */
  private static ObjectNode report(ObjectNode node, WeightingReport report) {
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
   * @param steps the reports of the weighting steps in order (the weighting to the targets, then any trimming), at
   *     least one; the last is the final weights'
   * @param history the steps that made the design, in order
   * @throws UncheckedIOException when writing fails
   * @throws IllegalArgumentException when there is no step
   */
  public static void writeWeighting(Writer writer, List<WeightingReport> steps, List<String> history) {
    ObjectNode root = weighting(root("weighting"), steps);
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
