package dev.insight.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.core.internal.AtomicFiles;
import dev.insight.core.redact.AuditEntry;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.redact.RedactionKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Writing the qualitative commands' outputs atomically, and the redaction report they share. */
final class Outputs {
  private Outputs() {}

  /** What writes a file's content. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes to a temporary file beside {@code file}, then moves it into place: a failure leaves no partial file. */
  static void atomically(Path file, Content content) {
    try {
      AtomicFiles.write(file, out -> {
        content.writeTo(out);
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The redaction report: whether redacted, counts by kind, every redaction with its place. */
  static void writeReport(Path file, RedactionAudit audit, Map<String, Object> extra) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    extra.forEach((k, v) -> root.set(k, mapper.valueToTree(v)));
    root.put("redacted", audit.redacted());
    if (!audit.redacted()) {
      root.put("internalUseOnly", audit.internalUseReason());
    }
    ObjectNode counts = root.putObject("counts");
    for (RedactionKind kind : RedactionKind.values()) {
      counts.put(kind.name(), audit.counts().getOrDefault(kind, 0));
    }
    ArrayNode list = root.putArray("redactions");
    for (AuditEntry entry : audit.entries()) {
      list.addObject().put("where", entry.where()).put("kind", entry.kind().name()).put("start", entry.start())
          .put("end", entry.end());
    }
    atomically(file, out -> mapper.writeValue(out, root));
  }
}
