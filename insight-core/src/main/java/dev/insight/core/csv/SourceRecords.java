package dev.insight.core.csv;

import java.util.Arrays;
import java.util.List;

/** A {@link RowSource} as records. */
final class SourceRecords implements CsvRecords {
  private final RowSource rows;
  private String[] fields = new String[0];
  private int width;

  SourceRecords(RowSource rows) {
    this.rows = rows;
  }

  @Override
  public boolean next() {
    if (!rows.next()) {
      return false;
    }
    String[] cells = rows.fields();
    // a sheet leaves out the empty cells at the end of a row: a short row is not ragged
    fields = cells.length < width ? Arrays.copyOf(cells, width) : cells;
    for (int i = cells.length; i < fields.length; i++) {
      fields[i] = "";
    }
    return true;
  }

  @Override
  public String[] fields() {
    return fields.clone();
  }

  @Override
  public long recordLine() {
    return rows.line();
  }

  @Override
  public int fieldCount() {
    return fields.length;
  }

  @Override
  public String field(int index) {
    return fields[index];
  }

  @Override
  public void expectFields(List<String> header) {
    width = header.size();
  }

  @Override
  public char delimiter() {
    return ',';
  }

  @Override
  public boolean byteOrderMark() {
    return false;
  }
}
