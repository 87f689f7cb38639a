package dev.insight.core.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way insight writes CSV: RFC 4180 quoting (FastCSV) with every text cell passed through
 * {@link SpreadsheetText#neutralise}, so no cell of an output runs as a formula when a spreadsheet opens it.
 * Numbers written as plain decimals are left as they are.
 */
public final class CsvOutput implements Flushable {
  private final CsvWriter csv;
  private final List<String> row = new ArrayList<>();

  private CsvOutput(CsvWriter csv) {
    this.csv = csv;
  }

  /**
   * A writer with lines ending in {@code \n}.
   *
   * @param writer where to write; not closed
   * @return the CSV writer
   */
  public static CsvOutput of(Writer writer) {
    return of(writer, false);
  }

  /**
   * A writer.
   *
   * @param writer where to write; not closed
   * @param crlf whether lines end in {@code \r\n} (as RFC 4180 says) rather than {@code \n}
   * @return the CSV writer
   */
  public static CsvOutput of(Writer writer, boolean crlf) {
    return new CsvOutput(CsvWriter.builder().lineDelimiter(crlf ? LineDelimiter.CRLF : LineDelimiter.LF)
        .autoFlush(false).build(writer));
  }

  /**
   * Writes a record.
   *
   * @param fields its cells, each neutralised
   * @return this writer
   * @throws UncheckedIOException when writing fails
   */
  public CsvOutput record(List<String> fields) {
    row.clear();
    for (String field : fields) {
      row.add(SpreadsheetText.neutralise(field));
    }
    csv.writeRecord(row);
    return this;
  }

  /**
   * Writes a record.
   *
   * @param fields its cells, each neutralised
   * @return this writer
   * @throws UncheckedIOException when writing fails
   */
  public CsvOutput record(String... fields) {
    return record(List.of(fields));
  }

  /**
   * Flushes what was written to the underlying writer.
   *
   * @throws IOException when it fails
   */
  @Override
  public void flush() throws IOException {
    csv.flush();
  }
}
