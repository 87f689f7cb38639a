package dev.insight.codeframe.interchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A coding with its full provenance as JSON, so codings can be kept and exchanged between tools of the project:
 * <pre>
 * {"codeframe": "name", "version": "2",
 *  "units": [{"unit": "r1", "assignments": [
 *     {"code": "sa", "by": "human", "coder": "ann", "at": "2026-11-01T10:00:00Z"},
 *     {"code": "wa", "by": "rule", "rule": "wait*", "matched": ["waited"], "at": "..."},
 *     {"code": "sl", "by": "model", "model": "svm v1", "score": 0.82, "evidence": ["staff"], "at": "..."}]}]}
 * </pre>
 * The kind of provenance is the explicit {@code by} field, read by hand: no Jackson default typing, no polymorphic
 * deserialisation. Reading checks every code against the codeframe given.
 */
public final class CodingJson {
  private static final ObjectMapper MAPPER = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT).build();

  private CodingJson() {}

  /**
   * Writes a coding.
   *
   * @param coding the coding
   * @param writer where the JSON goes (not closed)
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Coding coding, Writer writer) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("codeframe", coding.codeframe().name());
    root.put("version", coding.codeframe().version());
    ArrayNode units = root.putArray("units");
    for (UnitId unit : coding.units()) {
      ObjectNode node = units.addObject();
      node.put("unit", unit.value());
      ArrayNode list = node.putArray("assignments");
      for (Assignment assignment : coding.assignments(unit)) {
        ObjectNode a = list.addObject();
        a.put("code", assignment.code().value());
        Provenance provenance = assignment.provenance();
        if (provenance instanceof Provenance.Human human) {
          a.put("by", "human");
          a.put("coder", human.coder());
        } else if (provenance instanceof Provenance.Rule rule) {
          a.put("by", "rule");
          a.put("rule", rule.rule());
          ArrayNode matched = a.putArray("matched");
          rule.matched().forEach(matched::add);
        } else if (provenance instanceof Provenance.Model model) {
          a.put("by", "model");
          a.put("model", model.model());
          a.put("score", model.score());
          ArrayNode evidence = a.putArray("evidence");
          model.evidence().forEach(evidence::add);
        }
        a.put("at", provenance.at().toString());
      }
    }
    try {
      writer.write(MAPPER.writeValueAsString(root));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a coding made with this codeframe.
   *
   * @param reader the JSON text
   * @param source the file name used in messages
   * @param codeframe the frame the coding uses
   * @return the coding
   * @throws InvalidInputException listing every problem (malformed JSON, another frame, unknown codes, missing or
   *     bad fields, a none-code with other codes), each with the JSON path of the assignment
   * @throws UncheckedIOException when reading fails
   */
  public static Coding read(Reader reader, String source, Codeframe codeframe) {
    List<InputProblem> problems = new ArrayList<>();
    JsonNode root;
    JsonParser parser;
    try {
      parser = MAPPER.createParser(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    try (parser) {
      root = MAPPER.readTree(parser);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(new InputProblem(source, Json.line(e, parser), null, null, Json.describe(e)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    if (root == null || !root.isObject() || !root.path("units").isArray()) {
      throw new InvalidInputException(new InputProblem(source, 0, null, null,
          "a coding file is a JSON object with \"codeframe\", \"version\" and \"units\""));
    }
    String name = root.path("codeframe").asText("");
    String version = root.path("version").asText("");
    if (!name.equals(codeframe.name()) || !version.equals(codeframe.version())) {
      problems.add(new InputProblem(source, 0, "codeframe", name + " " + version, "the coding was made with "
          + "another codeframe than " + codeframe.name() + " " + codeframe.version()));
    }
    Coding.Builder builder = Coding.builder(codeframe);
    int u = 0;
    for (JsonNode unitNode : root.path("units")) {
      String path = "units[" + u++ + "]";
      String id = unitNode.path("unit").asText("");
      if (id.isBlank()) {
        problems.add(new InputProblem(source, 0, path + ".unit", null, "the unit id is missing"));
        continue;
      }
      UnitId unit = UnitId.of(id);
      builder.unit(unit);
      int a = 0;
      for (JsonNode node : unitNode.path("assignments")) {
        String at = path + ".assignments[" + a++ + "]";
        try {
          Provenance provenance = provenance(node, at, source, problems);
          if (provenance != null) {
            builder.assign(unit, CodeId.of(node.path("code").asText("")), provenance);
          }
        } catch (IllegalArgumentException e) {
          problems.add(new InputProblem(source, 0, at, node.path("code").asText(null), e.getMessage()));
        }
      }
    }
    Coding coding = null;
    try {
      coding = builder.build();
    } catch (IllegalArgumentException e) {
      problems.add(new InputProblem(source, 0, null, null, e.getMessage()));
    }
    if (!problems.isEmpty() || coding == null) {
      throw new InvalidInputException(problems);
    }
    return coding;
  }

  private static @Nullable Provenance provenance(JsonNode node, String at, String source,
      List<InputProblem> problems) {
    Instant time;
    try {
      time = Instant.parse(node.path("at").asText(""));
    } catch (DateTimeParseException e) {
      problems.add(new InputProblem(source, 0, at + ".at", node.path("at").asText(null),
          "expected an ISO instant such as 2026-11-01T10:00:00Z"));
      return null;
    }
    String by = node.path("by").asText("");
    switch (by) {
      case "human":
        return new Provenance.Human(node.path("coder").asText(""), time);
      case "rule":
        return new Provenance.Rule(node.path("rule").asText(""), strings(node.path("matched")), time);
      case "model":
        if (!node.path("score").isNumber()) {
          problems.add(new InputProblem(source, 0, at + ".score", null, "a model assignment needs a numeric score"));
          return null;
        }
        return new Provenance.Model(node.path("model").asText(""), node.path("score").asDouble(),
            strings(node.path("evidence")), time);
      default:
        problems.add(new InputProblem(source, 0, at + ".by", by, "expected human, rule or model"));
        return null;
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      values.add(value.asText());
    }
    return values;
  }
}
