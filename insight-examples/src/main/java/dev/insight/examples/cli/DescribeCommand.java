package dev.insight.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.core.codebook.CodebookInference;
import dev.insight.core.codebook.CodebookVariable;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.codebook.VariableType;
import dev.insight.core.csv.CsvFile;
import dev.insight.core.data.Category;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight describe}: what insight made of a survey file, before any analysis. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = {"Says what insight made of a survey file: its encoding and delimiter, the number of respondents, "
        + "every problem, and each variable with its type (single, multiple, ordinal, numeric, text, date, id), "
        + "categories in order and source columns.",
        "With --json, prints {\"format\", \"encoding\", \"respondents\", \"problems\", \"variables\": [{\"name\", "
            + "\"label\", \"type\", \"categories\": [{\"code\", \"label\"}], \"columns\"}]}, \"missing\": true on a "
            + "missing code (a numeric variable's categories are its missing codes); a file of the same shape (or "
            + "with a \"delimiter\") can be edited and given back with --codebook."})
final class DescribeCommand implements Callable<Integer> {
  /** Names an id column goes by in exports, compared without case, spaces or underscores. */
  private static final Set<String> ID_NAMES = Set.of("id", "respondentid", "responseid", "respondent", "recordid",
      "participantid", "submissionid", "uniqueresponsenumber", "userid");

  @Spec
  private CommandSpec spec;

  @Mixin
  private ExportFileOptions file;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  /**
   * Whether a column name is one an id column goes by in exports.
   *
   * @param name a column name
   * @return true for id, Respondent ID, ResponseId and the like
   */
  static boolean isIdName(String name) {
    return ID_NAMES.contains(name.toLowerCase(Locale.ROOT).replaceAll("[\\s_]", ""));
  }

  @Override
  public Integer call() throws Exception {
    DataOptions input = file.reading();
    ProblemCollector problems = ProblemCollector.of(file.data.toString(), ReadMode.LENIENT);
    String encodingName;
    String layout;
    String delimiter;
    CodebookInference.Description description;
    try (CsvFile csv = SurveyFiles.open(input, problems)) {
      encodingName = csv.format().encoding();
      layout = SurveyFiles.isTripleS(input) ? "triple-s" : csv.layout().formatName();
      delimiter = csv.format().delimiterName();
      String idColumn = file.id != null ? file.id : csv.header().names().stream()
          .filter(DescribeCommand::isIdName).findFirst()
          .orElseGet(() -> SurveyFiles.serial(input));
      if (file.id != null && csv.header().indexOf(file.id).isEmpty()) {
        throw new IllegalArgumentException("--id " + file.id + ": " + csv.header().whyNot(file.id));
      }
      description = CodebookInference.infer(csv, idColumn, file.personal);
    }
    SurveyCodebook result = description.codebook();
    SurveyCodebook given = SurveyFiles.codebook(input);
    if (given != null) {
      result = result.overriddenBy(given);
    }
    List<String> lines = new ArrayList<>();
    if (description.codebook().variables().stream().noneMatch(v -> v.type() == VariableType.ID)) {
      lines.add("no respondent id column: each respondent is identified by the line their record starts on, as "
          + "every command reading this file does (--id names an id column)");
    }
    problems.notes().forEach(p -> lines.add(p.describe()));
    problems.problems().forEach(p -> lines.add(p.describe()));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      // made here, not in a static field: picocli makes every command when the command line is set up, and a
      // mapper made then costs every command (insight --version included) Jackson's start-up
      ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
      ObjectNode root = mapper.createObjectNode();
      root.put("format", layout);
      root.put("encoding", encodingName);
      root.put("respondents", description.respondents());
      ArrayNode list = root.putArray("problems");
      lines.forEach(list::add);
      ArrayNode variables = root.putArray("variables");
      for (CodebookVariable v : result.variables()) {
        ObjectNode node = variables.addObject();
        node.put("name", v.name());
        node.put("label", v.label());
        node.put("type", v.type().jsonName());
        ArrayNode categories = node.putArray("categories");
        for (Category c : v.categories()) {
          ObjectNode category = categories.addObject().put("code", c.code()).put("label", c.label());
          if (c.missing()) {
            category.put("missing", true);
          }
        }
        ArrayNode columns = node.putArray("columns");
        v.columns().forEach(columns::add);
      }
      out.println(mapper.writeValueAsString(root));
    } else {
      out.printf(Locale.ROOT, "%s: %s export, %s%s; %d respondents, %d variables%n", file.data, layout,
          encodingName, layout.equals("triple-s") ? "" : ", " + delimiter + "-delimited", description.respondents(),
          result.variables().size());
      for (CodebookVariable v : result.variables()) {
        String categories = v.categories().stream().map(c -> c.missing() ? c.code() + " (missing)" : c.code())
            .collect(Collectors.joining(" | "));
        String columns = v.columns().size() == 1 && v.columns().get(0).equals(v.name()) ? ""
            : " [" + String.join(", ", v.columns()) + "]";
        String split = v.delimiter() == null ? "" : " (one cell, split at '" + v.delimiter() + "')";
        out.printf(Locale.ROOT, "  %-24s %-8s %s%s%s%s%n", v.name(), v.type().jsonName(),
            v.label().equals(v.name()) ? "" : "\"" + v.label() + "\" ", categories, split, columns);
      }
      if (!lines.isEmpty()) {
        out.println(lines.size() + " problem" + (lines.size() == 1 ? "" : "s") + " and notes:");
        lines.forEach(l -> out.println("  " + l));
      }
    }
    out.flush();
    return 0;
  }
}
