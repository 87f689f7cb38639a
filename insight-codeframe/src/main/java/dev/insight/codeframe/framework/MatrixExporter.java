package dev.insight.codeframe.framework;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.AtomicFiles;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.core.redact.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link FrameworkMatrix} as CSV, JSON, XLSX or HTML. Every summary, excerpt and quote is redacted on the
 * way out unless the exporter was made with {@link #internalUseOnly(String)}; the names of the speakers heard are
 * always among those redacted. A matrix holding a quote without consent to publication is refused: such a quote
 * cannot be put in a report.
 *
 * <pre>{@code
 * RedactionAudit audit = MatrixExporter.redacting(speakers.names()).write(matrix, Path.of("matrix.xlsx"));
 * }</pre>
 */
public final class MatrixExporter {
  private final @Nullable RedactionPolicy policy;
  private final Set<String> names;

  private MatrixExporter(@Nullable RedactionPolicy policy, Collection<String> names) {
    this.policy = policy;
    this.names = new LinkedHashSet<>(names);
  }

  /**
   * An exporter that redacts e-mail addresses, telephone numbers, postcodes, NHS numbers and the names of the
   * speakers heard in the matrix's transcripts.
   *
   * @return the default exporter
   */
  public static MatrixExporter redacting() {
    return new MatrixExporter(null, List.of());
  }

  /**
   * An exporter that also redacts other names: the whole speaker list, staff, people mentioned.
   *
   * @param names the names, in addition to the speakers heard
   * @return the exporter
   */
  public static MatrixExporter redacting(Collection<String> names) {
    return new MatrixExporter(null, names);
  }

  /**
   * An exporter with a policy of the caller's own (a redactor of some kinds only, or no redaction).
   *
   * @param policy the policy
   * @return the exporter
   */
  public static MatrixExporter with(RedactionPolicy policy) {
    return new MatrixExporter(checkNotNull(policy, "policy"), List.of());
  }

  /**
   * An exporter that does not redact, for analysis inside the research team. Its output says so.
   *
   * @param reason why the text is needed unredacted
   * @return the exporter
   * @throws IllegalArgumentException when the reason is blank
   */
  public static MatrixExporter internalUseOnly(String reason) {
    return new MatrixExporter(RedactionPolicy.internalUseOnly(reason), List.of());
  }

  /**
   * Writes a file atomically (to a temporary file beside it, then moved), in the format its extension names.
   *
   * @param matrix the matrix
   * @param file the output: .csv, .json, .xlsx or .html
   * @return the audit of what was redacted
   * @throws IllegalStateException when the matrix holds a quote without consent to publication
   * @throws IllegalArgumentException when the extension names no format
   * @throws UncheckedIOException when the file cannot be written
   */
  public RedactionAudit write(FrameworkMatrix matrix, Path file) {
    ExportFormat format = ExportFormat.forFile(file);
    try {
      return AtomicFiles.write(file, out -> write(matrix, format, out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Writes to a stream.
   *
   * @param matrix the matrix
   * @param format the format
   * @param out where to write; not closed
   * @return the audit of what was redacted
   * @throws IllegalStateException when the matrix holds a quote without consent to publication
   * @throws UncheckedIOException when the stream cannot be written
   */
  public RedactionAudit write(FrameworkMatrix matrix, ExportFormat format, OutputStream out) {
    checkNotNull(matrix, "matrix");
    checkNotNull(format, "format");
    checkConsent(matrix);
    RedactionAudit.Recorder recorder = new RedactionAudit.Recorder(policyFor(matrix));
    Prepared prepared = Prepared.of(matrix, recorder);
    try {
      switch (format) {
        case CSV -> MatrixWriters.csv(prepared, out);
        case JSON -> MatrixWriters.json(prepared, out);
        case XLSX -> MatrixWriters.xlsx(prepared, out);
        case HTML -> MatrixWriters.html(prepared, out);
        default -> throw new IllegalArgumentException("unknown format " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the matrix as " + format, e);
    }
    return prepared.audit;
  }

  private RedactionPolicy policyFor(FrameworkMatrix matrix) {
    if (policy != null) {
      return policy;
    }
    Set<String> all = new LinkedHashSet<>(matrix.namesHeard());
    all.addAll(names);
    return RedactionPolicy.redact(Redactor.of(all));
  }

  private static void checkConsent(FrameworkMatrix matrix) {
    List<String> refused = new ArrayList<>();
    for (Verbatim quote : matrix.quotes()) {
      if (!quote.publishable()) {
        refused.add(quote.id() + " (consent " + quote.consent() + ")");
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalStateException("a quote without consent to publication cannot be put in a report: "
          + String.join(", ", refused) + "; record consent or remove the quote from the matrix");
    }
  }
}
