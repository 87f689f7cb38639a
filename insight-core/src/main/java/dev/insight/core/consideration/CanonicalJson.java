package dev.insight.core.consideration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical serialisation a log entry is hashed over: object members sorted by name (by UTF-16 code units, as
 * {@link String#compareTo}), no whitespace, strings escaped as JSON requires and nothing more (non-ASCII characters
 * written as UTF-8), integers in plain decimal; array order kept. Entries hold only objects, arrays, strings and
 * integers, so no floating-point formatting enters the hash.
 */
final class CanonicalJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private CanonicalJson() {}

  static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        members.add(it.next());
      }
      members.sort(Map.Entry.comparingByKey());
      out.writeStartObject();
      for (Map.Entry<String, JsonNode> member : members) {
        out.writeFieldName(member.getKey());
        write(member.getValue(), out);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node) {
        write(element, out);
      }
      out.writeEndArray();
    } else if (node.isTextual()) {
      out.writeString(node.textValue());
    } else if (node.isIntegralNumber()) {
      out.writeNumber(node.bigIntegerValue());
    } else if (node.isBoolean()) {
      out.writeBoolean(node.booleanValue());
    } else if (node.isNull()) {
      out.writeNull();
    } else {
      throw new IllegalArgumentException("a log entry holds only objects, arrays, strings, integers, booleans and "
          + "nulls, not " + node.getNodeType() + " " + node);
    }
  }

  static String sha256(String canonical) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
