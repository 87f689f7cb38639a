package dev.insight.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.core.internal.AtomicFiles;
import dev.insight.core.internal.CsvOutput;
import dev.insight.core.internal.StagedOutputs;
import dev.insight.core.redact.AuditEntry;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.redact.RedactionKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The outputs of one command, all or nothing: every file is staged to a temporary file in its target's folder and
 * moved into place by {@link #commit()} only when every step has succeeded; closing without a commit removes what
 * was staged. Every command writes through it, with try-with-resources:
 *
 * <pre>{@code
 * try (Outputs outputs = Outputs.begin()) {
 *   outputs.csv(out, csv -> ...);
 *   outputs.text(report, writer -> ...);
 *   outputs.commit();
 * }
 * }</pre>
 */
public final class Outputs implements AutoCloseable {
  private final StagedOutputs staged = StagedOutputs.begin();

  /** What writes a file's content. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out where to write; closed by the caller
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /** What writes a CSV file's records. */
  @FunctionalInterface
  public interface Records {
    /**
     * Writes the records.
     *
     * @param csv where to write them, every cell neutralised against formula injection
     * @throws IOException if writing fails
     */
    void writeTo(CsvOutput csv) throws IOException;
  }

  private Outputs() {}

  /**
   * Starts a command's outputs.
   *
   * @return no outputs yet
   */
  public static Outputs begin() {
    return new Outputs();
  }

  /**
   * Stages a file.
   *
   * @param file the target
   * @param content what writes it
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public void stage(Path file, Content content) {
    try {
      staged.stage(file, out -> {
        content.writeTo(out);
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Stages a UTF-8 text file.
   *
   * @param file the target
   * @param text what writes it
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public void text(Path file, AtomicFiles.Text text) {
    try {
      staged.stageText(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Stages a UTF-8 CSV file, lines ending in {@code \n}, every cell neutralised against formula injection.
   *
   * @param file the target
   * @param records what writes its records
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public void csv(Path file, Records records) {
    text(file, writer -> csv(writer, records));
  }

  /* Writes records as CSV to a writer (standard output), flushing it. */
  static void csv(Writer writer, Records records) throws IOException {
    CsvOutput csv = CsvOutput.of(writer);
    records.writeTo(csv);
    csv.flush();
  }

  /**
   * Stages the redaction report: whether redacted, counts by kind, every redaction with its place.
   *
   * @param file the target
   * @param audit what was redacted
   * @param extra fields written first (input, columns, counts)
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public void redactionReport(Path file, RedactionAudit audit, Map<String, Object> extra) {
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
    stage(file, out -> mapper.writeValue(out, root));
  }

  /**
   * Moves every staged file into place; if one cannot be moved, none is left in place.
   *
   * @throws UncheckedIOException when a file cannot be moved into place
   */
  public void commit() {
    try {
      staged.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + staged.targets(), e);
    }
  }

  /** Removes what was staged, unless committed. */
  @Override
  public void close() {
    staged.close();
  }
}
