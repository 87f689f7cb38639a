package dev.insight.core.csv;

import java.util.List;

/** CSV records after a header the caller names: the first record handed out is the names. */
final class HeaderlessRecords implements CsvRecords {
  private final CsvTokenizer records;
  private final String[] names;
  private int skip;
  private boolean headerGiven;

  HeaderlessRecords(CsvTokenizer records, String[] names, int skip) {
    this.records = records;
    this.names = names;
    this.skip = skip;
  }

  @Override
  public boolean next() {
    if (!headerGiven) {
      headerGiven = true;
      return true;
    }
    while (skip > 0) {
      skip--;
      if (!records.next()) {
        return false;
      }
    }
    return records.next();
  }

  @Override
  public String[] fields() {
    return headerGiven && !pastHeader() ? names.clone() : records.fields();
  }

  private boolean pastHeader() {
    return records.recordLine() > 0;
  }

  @Override
  public long recordLine() {
    return pastHeader() ? records.recordLine() : 0;
  }

  @Override
  public int fieldCount() {
    return pastHeader() ? records.fieldCount() : names.length;
  }

  @Override
  public String field(int index) {
    return pastHeader() ? records.field(index) : names[index];
  }

  @Override
  public void expectFields(List<String> header) {
    records.expectFields(header);
  }

  @Override
  public char delimiter() {
    return records.delimiter();
  }

  @Override
  public boolean byteOrderMark() {
    return records.byteOrderMark();
  }
}
