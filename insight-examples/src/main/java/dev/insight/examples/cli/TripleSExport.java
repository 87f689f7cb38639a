package dev.insight.examples.cli;

import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.core.sss.TripleSWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code insight convert --out OUT.sss}: the survey as Triple-S 2.0 metadata with its fixed-width data beside it
 * ({@code OUT.asc}), both written or neither. The records are read twice: once to learn the fields' widths, once
 * to write them.
 */
final class TripleSExport {
  private TripleSExport() {}

  static void write(DataOptions input, SurveyCodebook codebook, Path out, PrintWriter printed, PrintWriter err) {
    String fileName = out.getFileName().toString();
    String base = fileName.substring(0, fileName.length() - 4);
    Path data = out.resolveSibling(base + ".asc");
    ProblemCollector problems = ProblemCollector.of(input.data.toString(), ReadMode.LENIENT);
    TripleSWriter writer;
    long respondents = 0;
    try (CsvFile csv = SurveyFiles.open(input, problems)) {
      writer = TripleSWriter.of(codebook, csv.header());
      while (csv.next()) {
        writer.measure(csv);
        respondents++;
      }
    }
    String title = input.data.getFileName() == null ? base : input.data.getFileName().toString();
    byte[] metadata = writer.metadata(base, title).getBytes(StandardCharsets.UTF_8);
    try (CsvFile csv = SurveyFiles.open(input, ProblemCollector.of(input.data.toString(), ReadMode.LENIENT));
        Outputs outputs = Outputs.begin()) {
      outputs.stage(out, stream -> stream.write(metadata));
      outputs.stage(data, stream -> {
        Writer text = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        while (csv.next()) {
          writer.write(csv, text);
        }
        text.flush();
      });
      outputs.commit();
    }
    problems.notes().forEach(p -> err.println("insight convert: note: " + p.describe()));
    problems.problems().forEach(p -> err.println("insight convert: " + p.describe()));
    writer.notes().forEach(n -> err.println("insight convert: note: " + n));
    err.flush();
    printed.println("wrote " + out + " (Triple-S 2.0 metadata) and " + data + " (fixed-width, " + respondents
        + " respondents, " + writer.recordWidth() + " characters a record)");
    printed.flush();
  }
}
