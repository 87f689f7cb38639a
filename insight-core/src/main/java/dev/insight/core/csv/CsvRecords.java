package dev.insight.core.csv;

import java.util.List;

/** What {@link CsvFile} reads records from: CSV text, or rows already split into cells. */
interface CsvRecords {
  boolean next();

  String[] fields();

  long recordLine();

  int fieldCount();

  String field(int index);

  void expectFields(List<String> header);

  char delimiter();

  boolean byteOrderMark();
}
