package dev.insight.examples.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.input.InputProblem;
import dev.insight.core.internal.CsvOutput;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.redact.RedactedText;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.core.redact.Redactor;
import dev.insight.core.transcript.SpeakerListReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight redact}: personal data out of the text columns of a CSV file. */
@Command(name = "redact", mixinStandardHelpOptions = true,
    description = {"Redacts personal data from text columns of a CSV file: e-mail addresses, UK telephone numbers, "
        + "UK postcodes, NHS numbers (with a valid modulus-11 check digit) and the names given. Every other column "
        + "is copied as it is.", "Each redaction (kind, row, column, character offsets) can be written to a report "
        + "for review; the removed text itself is not kept."})
final class RedactCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "IN.csv", description = "the CSV file (UTF-8, header row)")
  private Path in;

  @Option(names = "--text", required = true, paramLabel = "COL", split = ",",
      description = "the column(s) to redact; repeat or separate with commas. A name the header repeats "
          + "(SurveyMonkey's \"Other (please specify)\") redacts every column of that name")
  private List<String> columns = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "the redacted CSV file")
  private Path out;

  @Option(names = "--report", paramLabel = "R.json", description = "write every redaction, with row and column")
  private @Nullable Path report;

  @Option(names = "--speakers", paramLabel = "S.csv",
      description = "a speaker list whose names are redacted too (the format of insight transcript --speakers)")
  private @Nullable Path speakers;

  @Option(names = "--names", paramLabel = "NAMES.txt",
      description = "a file of further names to redact (staff, people mentioned), one per line")
  private @Nullable Path names;

  @Override
  public Integer call() throws IOException {
    Set<String> known = new LinkedHashSet<>();
    if (speakers != null) {
      known.addAll(SpeakerListReader.read(speakers).names());
    }
    if (names != null) {
      for (String line : Files.readAllLines(names, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          known.add(line.strip());
        }
      }
    }
    RedactionAudit.Recorder recorder = new RedactionAudit.Recorder(RedactionPolicy.redact(Redactor.of(known)));
    int[] counts = new int[2];
    List<String> repeated = new ArrayList<>();
    RedactionAudit audit;
    try (Outputs outputs = Outputs.begin()) {
      outputs.csv(out, csv -> redact(recorder, csv, counts, repeated));
      audit = recorder.audit();
      if (report != null) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("input", in.getFileName().toString());
        extra.put("columns", columns);
        extra.put("rows", counts[0]);
        outputs.redactionReport(report, audit, extra);
      }
      outputs.commit();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    repeated.forEach(stdout::println);
    stdout.printf("%d rows, %d fields redacted, %d redactions -> %s%n", counts[0], counts[1], audit.entries().size(),
        out);
    stdout.flush();
    return 0;
  }

  private void redact(RedactionAudit.Recorder recorder, CsvOutput csv, int[] counts, List<String> repeated) {
    String source = in.toString();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ignoreDifferentFieldCount(true).detectBomHeader(true)
        .skipEmptyLines(true).ofCsvRecord(in)) {
      Iterator<CsvRecord> rows = reader.iterator();
      if (!rows.hasNext()) {
        throw new InvalidInputException(new InputProblem(source, 0, null, null, "the file is empty: expected a "
            + "header row"));
      }
      CsvRecord header = rows.next();
      List<String> names = new ArrayList<>();
      for (String field : header.getFields()) {
        names.add(field.strip());
      }
      // every column of a name is redacted: exports repeat names (SurveyMonkey's "Other (please specify)"), and
      // redacting only the first would copy the others' personal data through
      List<Integer> positions = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (String column : new LinkedHashSet<>(columns)) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
          if (names.get(i).equals(column)) {
            found.add(i);
          }
        }
        if (found.isEmpty()) {
          throw new InvalidInputException(new InputProblem(source, header.getStartingLineNumber(), column,
              null, "missing column; the header has " + names));
        }
        for (int i : found) {
          positions.add(i);
          labels.add(found.size() == 1 ? column : column + " (field " + (i + 1) + ")");
        }
        if (found.size() > 1) {
          repeated.add(String.format(Locale.ROOT, "\"%s\" names %d columns (fields %s): all are redacted", column,
              found.size(), found.stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(", "))));
        }
      }
      csv.record(header.getFields());
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        long line = row.getStartingLineNumber();
        if (row.getFieldCount() != header.getFieldCount()) {
          // a row that cannot be read as the header says is not copied half-redacted: the whole run stops
          throw new InvalidInputException(new InputProblem(source, line, null, null, "expected "
              + header.getFieldCount() + " fields as in the header but found " + row.getFieldCount()));
        }
        List<String> fields = new ArrayList<>(row.getFields());
        for (int c = 0; c < positions.size(); c++) {
          String text = fields.get(positions.get(c));
          RedactedText redacted = recorder.applyWithOffsets("line " + line + ", column " + labels.get(c), text);
          if (!redacted.redactions().isEmpty()) {
            counts[1]++;
          }
          fields.set(positions.get(c), redacted.text());
        }
        csv.record(fields);
        counts[0]++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + in, e);
    }
  }
}
