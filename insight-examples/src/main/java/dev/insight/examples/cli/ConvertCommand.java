package dev.insight.examples.cli;

import dev.insight.core.codebook.CodebookInference;
import dev.insight.core.codebook.CodebookVariable;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.codebook.VariableType;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.data.Category;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight convert}: a survey file as a flat CSV with its codebook JSON beside it. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Writes a survey file as a flat CSV, one column per variable (a multiple-response variable as "
        + "one 0/1 column per option, named VARIABLE_OPTION), with its codebook JSON beside it (OUT.codebook.json, "
        + "the format --codebook reads), so that names, labels, types and category order travel with the data; "
        + "or, with --out OUT.sss, as Triple-S 2.0 metadata with its fixed-width data beside it (OUT.asc), for "
        + "SPSS, Q, Displayr and other survey tools.",
        "Both files are written or neither is; text cells are neutralised against spreadsheet formulas."})
final class ConvertCommand implements Callable<Integer> {
  private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9]+");

  @Spec
  private CommandSpec spec;

  @Mixin
  private ExportFileOptions file;

  @Option(names = "--out", required = true, paramLabel = "OUT.csv|OUT.sss",
      description = "The flat CSV to write, its codebook beside it as OUT.codebook.json; or the Triple-S metadata "
          + "to write, its fixed-width data beside it as OUT.asc.")
  private Path out;

  /** How one variable becomes output columns. */
  private record Plan(CodebookVariable source, int[] at, List<String> names) {}

  @Override
  public Integer call() {
    String fileName = out.getFileName() == null ? "" : out.getFileName().toString();
    String extension = fileName.length() <= 4 ? "" : fileName.substring(fileName.length() - 4).toLowerCase(Locale.ROOT);
    if (!extension.equals(".csv") && !extension.equals(".sss")) {
      throw new IllegalArgumentException("--out " + out + ": expected a file name ending in .csv (the flat CSV; "
          + "its codebook is written beside it as NAME.codebook.json) or .sss (Triple-S 2.0 metadata; its "
          + "fixed-width data is written beside it as NAME.asc)");
    }
    Path codebookOut = out.resolveSibling(fileName.substring(0, fileName.length() - 4) + ".codebook.json");
    DataOptions input = file.reading();
    SurveyCodebook result;
    try (CsvFile csv = SurveyFiles.open(input, ProblemCollector.of(file.data.toString(), ReadMode.LENIENT))) {
      result = CodebookInference.infer(csv, idColumn(csv), file.personal).codebook();
    }
    SurveyCodebook given = SurveyFiles.codebook(input);
    if (given != null) {
      result = result.overriddenBy(given);
    }
    if (extension.equals(".sss")) {
      TripleSExport.write(input, result, out, spec.commandLine().getOut(), spec.commandLine().getErr());
      return 0;
    }
    ProblemCollector problems = ProblemCollector.of(file.data.toString(), ReadMode.LENIENT);
    try (CsvFile csv = SurveyFiles.open(input, problems); Outputs outputs = Outputs.begin()) {
      List<Plan> plans = plans(result, csv);
      List<CodebookVariable> written = new ArrayList<>();
      plans.forEach(p -> written.add(new CodebookVariable(p.source().name(), p.source().label(), p.source().type(),
          p.source().categories(), p.names(), null)));
      outputs.csv(out, writer -> {
        List<String> header = new ArrayList<>();
        plans.forEach(p -> header.addAll(p.names()));
        writer.record(header);
        while (csv.next()) {
          List<String> row = new ArrayList<>(header.size());
          plans.forEach(p -> cells(p, csv, row));
          writer.record(row);
        }
      });
      String json = new SurveyCodebook(written).toJson();
      outputs.stage(codebookOut, stream -> stream.write(json.getBytes(StandardCharsets.UTF_8)));
      outputs.commit();
    }
    var err = spec.commandLine().getErr();
    problems.notes().forEach(p -> err.println(p.describe()));
    problems.problems().forEach(p -> err.println(p.describe()));
    err.flush();
    var printed = spec.commandLine().getOut();
    printed.println("wrote " + out + " and " + codebookOut);
    printed.flush();
    return 0;
  }

  private @Nullable String idColumn(CsvFile csv) {
    if (file.id != null) {
      if (csv.header().indexOf(file.id).isEmpty()) {
        throw new IllegalArgumentException("--id " + file.id + ": " + csv.header().whyNot(file.id));
      }
      return file.id;
    }
    return csv.header().names().stream()
        .filter(n -> DescribeCommand.isIdName(n)).findFirst().orElse(null);
  }

  /** Each variable's source columns and output column names, names unique across the file. */
  private static List<Plan> plans(SurveyCodebook codebook, CsvFile csv) {
    Set<String> taken = new HashSet<>();
    codebook.variables().forEach(v -> taken.add(v.name()));
    List<Plan> plans = new ArrayList<>();
    for (CodebookVariable v : codebook.variables()) {
      int[] at = new int[v.columns().size()];
      for (int i = 0; i < at.length; i++) {
        String column = v.columns().get(i);
        at[i] = csv.header().indexOf(column).orElseThrow(() -> new IllegalArgumentException(
            "variable " + v.name() + ": column " + column + ": " + csv.header().whyNot(column)));
      }
      if (v.type() != VariableType.MULTIPLE) {
        plans.add(new Plan(v, at, List.of(v.name())));
        continue;
      }
      Set<String> names = new LinkedHashSet<>();
      for (Category option : v.categories()) {
        String base = v.name() + "_" + NOT_NAME.matcher(option.code()).replaceAll("_").replaceAll("^_|_$", "");
        String name = base;
        for (int n = 2; !taken.add(name) || names.contains(name); n++) {
          name = base + "_" + n;
        }
        names.add(name);
      }
      plans.add(new Plan(v, at, List.copyOf(names)));
    }
    return plans;
  }

  /**
   * The output cells of one variable for the current record: the value as written, or for a multiple-response
   * variable 1 or 0 per option (all blank when the respondent answered none of its columns).
   */
  private static void cells(Plan p, CsvFile csv, List<String> row) {
    CodebookVariable v = p.source();
    if (v.type() != VariableType.MULTIPLE) {
      row.add(value(csv, p.at()[0]));
      return;
    }
    List<Category> options = v.categories();
    if (v.delimiter() != null) {
      String cell = value(csv, p.at()[0]);
      Set<String> chosen = new HashSet<>();
      for (String part : cell.split(Pattern.quote(v.delimiter()), -1)) {
        chosen.add(part.strip());
      }
      options.forEach(o -> row.add(cell.isEmpty() ? "" : chosen.contains(o.code()) ? "1" : "0"));
      return;
    }
    boolean answered = false;
    for (int at : p.at()) {
      answered |= !value(csv, at).isEmpty();
    }
    for (int at : p.at()) {
      String cell = value(csv, at);
      row.add(!answered ? "" : cell.isEmpty() || cell.equals("0") ? "0" : "1");
    }
  }

  private static String value(CsvFile csv, int at) {
    return at < csv.fieldCount() ? csv.field(at).strip() : "";
  }
}
