package dev.insight.examples.cli;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

/**
 * The one way the commands read {@code --data}: through insight-core's {@link SurveyCsvReader} with the encoding
 * and mode given, every note (a delimiter detected, a column renamed) and, in lenient mode, every problem written
 * to standard error, so nothing is dropped without a line saying so.
 */
final class SurveyFiles {
  private SurveyFiles() {}

  /** The CSV options of {@code --encoding}. */
  static CsvOptions options(DataOptions input) {
    CsvOptions options = CsvOptions.defaults();
    if (input.encoding != null) {
      try {
        options = options.withEncoding(Charset.forName(input.encoding.strip()));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw new IllegalArgumentException("--encoding " + input.encoding + " is not an encoding this Java knows; "
            + "try UTF-8, UTF-16LE, windows-1252 or ISO-8859-1", e);
      }
    }
    return options;
  }

  /** Reads the survey as mapped, reporting notes and (lenient) problems on {@code err} under the command's name. */
  static Dataset read(DataOptions input, SurveyMapping mapping, PrintWriter err, String command) {
    ReadResult<Dataset> result = SurveyCsvReader.read(input.data, mapping,
        input.lenient ? ReadMode.LENIENT : ReadMode.STRICT, options(input));
    report(result, err, command);
    return result.value();
  }

  /** Writes the notes and problems of a read to standard error. */
  static void report(ReadResult<?> result, PrintWriter err, String command) {
    for (InputProblem note : result.notes()) {
      err.println("insight " + command + ": note: " + note.describe());
    }
    List<InputProblem> problems = result.problems();
    if (!problems.isEmpty()) {
      err.println("insight " + command + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
          + " (--lenient: every respondent that could be kept was kept):");
      for (InputProblem problem : problems) {
        err.println("  " + problem.describe());
      }
    }
    err.flush();
  }

  /** The header of the data file, columns uniquely named, for commands that pick columns by prefix. */
  static List<String> header(DataOptions input) {
    try (CsvFile csv = CsvFile.open(input.data, options(input), ProblemCollector.of(input.data.toString(),
        ReadMode.LENIENT))) {
      return csv.header().names();
    }
  }
}
