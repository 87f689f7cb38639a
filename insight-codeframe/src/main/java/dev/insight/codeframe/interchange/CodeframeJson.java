package dev.insight.codeframe.interchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.CodeSet;
import dev.insight.codeframe.Codeframe;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A codeframe as JSON: {@code {"name", "version", "codes": [...], "sets": [...]}} with one object per node:
 * {@code id}, {@code label} (required), {@code parent}, {@code codable}, {@code description}, {@code include},
 * {@code exclude}, {@code examples} (array), {@code sentiment}, {@code reserved}, {@code rule}, {@code color}. A node
 * without {@code codable} is codable unless it has children. Unknown fields are errors (they are usually typos). Read
 * with plain Jackson tree parsing: no default typing, no polymorphic deserialisation.
 */
public final class CodeframeJson {
  private static final ObjectMapper MAPPER = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final Set<String> CODE_FIELDS = Set.of("id", "label", "parent", "codable", "description", "include",
      "exclude", "examples", "sentiment", "reserved", "rule", "color");
  private static final Set<String> SET_FIELDS = Set.of("name", "description", "members");

  private CodeframeJson() {}

  /**
   * Reads a codeframe.
   *
   * @param reader the JSON text
   * @param source the file name used in messages
   * @return the frame
   * @throws InvalidInputException listing every problem with its line and field (malformed JSON, missing or unknown
   *     fields, duplicate ids, unknown parents, cycles, rule syntax errors)
   * @throws UncheckedIOException when reading fails
   */
  public static Codeframe read(Reader reader, String source) {
    Entries entries = new Entries(source);
    String name = null;
    String version = "";
    JsonParser parser;
    try {
      parser = MAPPER.createParser(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    try (parser) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw entries.fatal(line(parser), null, null,
            "a codeframe file is a JSON object with \"name\", \"version\" and \"codes\"");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        long line = line(parser);
        switch (field) {
          case "name":
            name = text(parser, value, entries, field);
            break;
          case "version":
            version = text(parser, value, entries, field);
            break;
          case "codes":
            array(parser, value, entries, field, (node, at) -> code(node, at, entries));
            break;
          case "sets":
            array(parser, value, entries, field, (node, at) -> set(node, at, entries));
            break;
          default:
            entries.problem(line, field, null, "unknown field; a codeframe has name, version, codes and sets");
            parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw entries.fatal(Json.line(e, parser), null, null, Json.describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    if (name == null || name.isBlank()) {
      entries.problem(0, "name", null, "the codeframe has no \"name\"");
      name = "unnamed";
    }
    return entries.build(name, version);
  }

  private interface ElementReader {
    void read(JsonNode node, long line);
  }

  private static long line(JsonParser parser) {
    return Math.max(0, parser.currentTokenLocation().getLineNr());
  }

  private static String text(JsonParser parser, JsonToken token, Entries entries, String field) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      entries.problem(line(parser), field, parser.getText(), "expected a string");
      parser.skipChildren();
      return "";
    }
    return parser.getText();
  }

  private static void array(JsonParser parser, JsonToken token, Entries entries, String field, ElementReader reader)
      throws IOException {
    if (token != JsonToken.START_ARRAY) {
      entries.problem(line(parser), field, null, "expected an array of objects");
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      long line = line(parser);
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        entries.problem(line, field, parser.getText(), "expected an object");
        parser.skipChildren();
        continue;
      }
      reader.read(MAPPER.readTree(parser), line);
    }
  }

  private static @Nullable String string(JsonNode node, String field, long line, Entries entries) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      entries.problem(line, field, value.toString(), "expected a string");
      return null;
    }
    return value.asText();
  }

  private static void unknownFields(JsonNode node, Set<String> known, long line, Entries entries, String what) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!known.contains(field)) {
        entries.problem(line, field, null, "unknown field of a " + what + "; known fields are "
            + known.stream().sorted().toList());
      }
    }
  }

  private static void code(JsonNode node, long line, Entries entries) {
    unknownFields(node, CODE_FIELDS, line, entries, "code");
    String id = string(node, "id", line, entries);
    String label = string(node, "label", line, entries);
    if (id == null || label == null) {
      entries.problem(line, id == null ? "id" : "label", null, "every code needs an \"id\" and a \"label\"");
      return;
    }
    CodeId codeId = entries.id(id, line, "id");
    if (codeId == null) {
      return;
    }
    Code.Builder builder = Code.builder(codeId, label);
    String parent = string(node, "parent", line, entries);
    if (parent != null && !parent.isBlank()) {
      builder.parent(entries.id(parent, line, "parent"));
    }
    Boolean codable = null;
    JsonNode codableNode = node.get("codable");
    if (codableNode != null && !codableNode.isNull()) {
      if (codableNode.isBoolean()) {
        codable = codableNode.asBoolean();
      } else {
        entries.problem(line, "codable", codableNode.toString(), "expected true or false");
      }
    }
    String description = string(node, "description", line, entries);
    builder.description(description == null ? "" : description);
    String include = string(node, "include", line, entries);
    builder.include(include == null ? "" : include);
    String exclude = string(node, "exclude", line, entries);
    builder.exclude(exclude == null ? "" : exclude);
    JsonNode examples = node.get("examples");
    if (examples != null && !examples.isNull()) {
      if (examples.isArray()) {
        for (JsonNode example : examples) {
          if (example.isTextual()) {
            builder.example(example.asText());
          } else {
            entries.problem(line, "examples", example.toString(), "expected a string");
          }
        }
      } else {
        entries.problem(line, "examples", examples.toString(), "expected an array of strings");
      }
    }
    String sentiment = string(node, "sentiment", line, entries);
    if (sentiment != null) {
      builder.sentiment(entries.sentiment(sentiment, line, "sentiment"));
    }
    String reserved = string(node, "reserved", line, entries);
    if (reserved != null) {
      builder.reserved(entries.reserved(reserved, line, "reserved"));
    }
    builder.rule(string(node, "rule", line, entries));
    builder.color(string(node, "color", line, entries));
    entries.add(line, builder, codable);
  }

  private static void set(JsonNode node, long line, Entries entries) {
    unknownFields(node, SET_FIELDS, line, entries, "set");
    String name = string(node, "name", line, entries);
    if (name == null || name.isBlank()) {
      entries.problem(line, "name", null, "every set needs a \"name\"");
      return;
    }
    String description = string(node, "description", line, entries);
    List<CodeId> members = new ArrayList<>();
    JsonNode list = node.get("members");
    if (list != null && list.isArray()) {
      for (JsonNode member : list) {
        CodeId id = member.isTextual() ? entries.id(member.asText(), line, "members") : null;
        if (id != null) {
          members.add(id);
        } else if (!member.isTextual()) {
          entries.problem(line, "members", member.toString(), "expected a code id");
        }
      }
    } else if (list != null) {
      entries.problem(line, "members", list.toString(), "expected an array of code ids");
    }
    entries.addSet(line, new CodeSet(name, description == null ? "" : description, members));
  }

  /**
   * Writes a codeframe; {@link #read} reads it back equal.
   *
   * @param codeframe the frame
   * @param writer where the JSON goes (not closed)
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Codeframe codeframe, Writer writer) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", codeframe.name());
    root.put("version", codeframe.version());
    ArrayNode codes = root.putArray("codes");
    for (Code code : codeframe.codes()) {
      ObjectNode node = codes.addObject();
      node.put("id", code.id().value());
      node.put("label", code.label());
      if (code.parent() != null) {
        node.put("parent", code.parent().value());
      }
      node.put("codable", code.codable());
      putIfNotEmpty(node, "description", code.description());
      putIfNotEmpty(node, "include", code.include());
      putIfNotEmpty(node, "exclude", code.exclude());
      if (!code.examples().isEmpty()) {
        ArrayNode examples = node.putArray("examples");
        code.examples().forEach(examples::add);
      }
      if (code.sentiment() != null) {
        node.put("sentiment", code.sentiment().word());
      }
      if (code.reserved() != null) {
        node.put("reserved", Entries.reservedName(code.reserved()));
      }
      if (code.rule() != null) {
        node.put("rule", code.rule());
      }
      if (code.color() != null) {
        node.put("color", code.color());
      }
    }
    if (!codeframe.sets().isEmpty()) {
      ArrayNode sets = root.putArray("sets");
      for (CodeSet set : codeframe.sets()) {
        ObjectNode node = sets.addObject();
        node.put("name", set.name());
        putIfNotEmpty(node, "description", set.description());
        ArrayNode members = node.putArray("members");
        set.members().forEach(m -> members.add(m.value()));
      }
    }
    try {
      MAPPER.writeValue(new NonClosing(writer), root);
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putIfNotEmpty(ObjectNode node, String field, String value) {
    if (!value.isEmpty()) {
      node.put(field, value);
    }
  }

  /** Keeps Jackson from closing the caller's writer. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

}
