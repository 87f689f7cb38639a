package dev.insight.examples.cli;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.core.csv.ColumnSpec;
import dev.insight.core.csv.CsvHeader;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.Programme;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.core.data.Category;
import dev.insight.core.programme.SurveyActivity;
import dev.insight.core.question.MultipleChoice;
import dev.insight.codeframe.learn.EvaluationReport;
import dev.insight.core.data.TextVariable;
import dev.insight.examples.report.MachineCoding;
import dev.insight.examples.report.EngagementReport;
import dev.insight.examples.report.SurveyWeighting;
import dev.insight.stats.design.SurveyDesign;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight report}: the report of a user's own programme and survey. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the report of an engagement programme and its survey: report.html (self-contained, for "
        + "a board), report.pdf (A4), analysis.json (for other systems) and tables.xlsx.",
        "The survey is weighted to --margins first (raked, unless --method or --calfun say otherwise, with the "
            + "options of insight weight; the methods text says what was done); quotes and comments are redacted "
            + "unless --internal-use-only is given. A failure exits 1 with the message on standard error and writes "
            + "nothing."})
final class ReportCommand implements Callable<Integer> {
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--programme", required = true, paramLabel = "P.json",
      description = "The programme as JSON (the format of insight-core's ProgrammeJson).")
  private Path programme;

  @Mixin
  private DataOptions input = new DataOptions();

  /** Weighting to --margins (required), with every option of insight weight, estimate and table. */
  @Mixin
  private WeightingOptions weighting = new WeightingOptions();

  @Option(names = "--priorities", required = true, split = ",", paramLabel = "COL",
      description = "The multiple-response question to chart: its 0/1 or option columns, comma-separated, or the "
          + "one column holding the options chosen joined in one cell.")
  private List<String> priorities;

  @Option(names = "--comment", required = true, paramLabel = "COL", description = "The open-comment column.")
  private String comment;

  @Option(names = "--codes", split = ",", paramLabel = "COL",
      description = "The 0/1 code columns of the coded comments in D.csv (blank for those who did not comment), "
          + "comma-separated; or give --coding instead.")
  private List<String> codes = List.of();

  @Option(names = "--coding", paramLabel = "C.csv", description = "A coded file (written by insight code apply, "
      + "predict or review), joined to D.csv by --id; repeat it to combine files (a comment in two files must have "
      + "the same codes). Needs --codeframe.")
  private List<Path> coding = List.of();

  @Option(names = "--codeframe", paramLabel = "F", description = "The codeframe of the coded files (with --coding).")
  private @Nullable Path codeframe;

  @Option(names = "--model-report", paramLabel = "CV.json", description = "The learned model's cross-validation "
      + "report (written by insight code learn --report), for the machine-coding appendix: the precision expected at "
      + "the coverage used. Needs --coding.")
  private @Nullable Path modelReport;

  @Option(names = "--checked", paramLabel = "K.csv", description = "A coded file in which a person coded some of the "
      + "comments the machine coded, for the machine-coding appendix: agreement (kappa) overall and per code. Needs "
      + "--coding.")
  private @Nullable Path checked;

  @Option(names = "--group-by", paramLabel = "COL",
      description = "A categorical column to attribute example comments by, such as sector.")
  private @Nullable String groupBy;

  @Option(names = "--banner", split = ",", paramLabel = "COL",
      description = "Categorical columns across the top of the tables, comma-separated (default: the --group-by "
          + "column, if any).")
  private List<String> banner = List.of();

  @Option(names = "--internal-use-only", paramLabel = "REASON",
      description = "Do not redact quotes and comments; the report says it is for internal use only, and why.")
  private @Nullable String internalUseOnly;

  @Option(names = "--coded-by", paramLabel = "HOW",
      description = "How the comments were coded, for the methods text: person, rules or model. Without it the "
          + "report says the method was not recorded.")
  private @Nullable String codedBy;

  @Option(names = "--templates", paramLabel = "DIR", description = "A folder of report templates for your own "
      + "wording and branding: each file named as a shipped template (report.html, style.css, methods.html...) "
      + "replaces it; the rest are the shipped ones. TrueType fonts in DIR/fonts are used in the PDF for "
      + "characters the shipped font lacks.")
  private @Nullable Path templates;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    Programme read = ProgrammeJson.read(programme);
    if (weighting.margins == null) {
      throw new IllegalArgumentException("--margins M.csv is required: the population targets the survey is "
          + "weighted to");
    }
    WeightingOptions.Targets targets = weighting.readTargets();
    Set<String> categorical = new LinkedHashSet<>(MarginsWeighting.categorical(targets));
    List<String> numeric = MarginsWeighting.numeric(targets, weighting);
    if (groupBy != null) {
      categorical.add(groupBy);
    }
    List<String> across = banner.isEmpty() && groupBy != null ? List.of(groupBy) : banner;
    categorical.addAll(across);
    SurveyMapping.Builder mapping = SurveyMapping.builder(SurveyFiles.id(input));
    categorical.forEach(mapping::categorical);
    numeric.stream().filter(c -> !categorical.contains(c)).distinct().forEach(mapping::numeric);
    SurveyActivity questionnaire = read.activities(SurveyActivity.class).stream().findFirst().orElse(null);
    Optional<MultipleChoice> asked = questionnaire == null ? Optional.empty() : questionnaire.questions().stream()
        .filter(q -> q instanceof MultipleChoice m && m.options().stream().map(Category::code).toList()
            .containsAll(priorities)).map(MultipleChoice.class::cast).findFirst();
    CsvHeader header = SurveyFiles.csvHeader(input);
    boolean oneCell = priorities.size() == 1;
    String choices = oneCell ? priorities.get(0) : asked.map(q -> q.id().value()).orElse("choices");
    if (oneCell) {
      // the options chosen joined in one cell (Qualtrics, Microsoft Forms, Google Forms): split once read
      mapping.add(new ColumnSpec.Categorical(choices, choices, questionText(header, priorities), List.of()));
    } else {
      mapping.multiColumns(choices, asked.map(MultipleChoice::text).orElse(questionText(header, priorities)),
          options(priorities, asked.map(MultipleChoice::options).orElse(optionTexts(header, priorities))));
    }
    if (codes.isEmpty() == coding.isEmpty()) {
      throw new IllegalArgumentException("give the comments' codes either as --codes (0/1 columns of " + input.data
          + ") or as --coding (coded files), one of the two");
    }
    if (!coding.isEmpty() && codeframe == null) {
      throw new IllegalArgumentException("--coding needs --codeframe, the frame its codes belong to");
    }
    if (coding.isEmpty() && (modelReport != null || checked != null)) {
      throw new IllegalArgumentException("--model-report and --checked describe machine coding read with --coding; "
          + "give the coded files with --coding");
    }
    if (!codes.isEmpty()) {
      mapping.multiColumns("codes", "Comment codes", options(codes, List.of()));
    }
    mapping.text(comment);
    Dataset read0 = oneCell ? SurveyFiles.readRefined(input, mapping.build(), spec.commandLine().getErr(),
        "report", categorical) : SurveyFiles.read(input, mapping.build(), spec.commandLine().getErr(), "report");
    if (oneCell && !(read0.variable(choices) instanceof MultiResponseVariable)) {
      throw new IllegalArgumentException("--priorities " + choices + ": one column is read as the options chosen "
          + "joined in one cell (\"Workforce;Housing\"), but its answers are not lists of recurring options; give "
          + "the question's 0/1 or option columns, comma-separated");
    }
    Coding combined = null;
    MachineCoding machine = null;
    if (!coding.isEmpty()) {
      Codeframe frame = CodeframeFiles.read(codeframe);
      EvaluationReport validation = modelReport == null ? null : MachineCodingFiles.readValidation(modelReport);
      Coding person = checked == null ? null : CodedFileReader.read(checked, frame);
      CodedData files = CodedFileReader.readAll(coding, frame);
      files.checkIn(respondents(read0), input.data.toString());
      combined = files.coding();
      Coding.SourceCounts by = combined.unitsBySource();
      console.printf(Locale.ROOT, "coded comments: %d by people, %d by rules, %d by a model%n", by.person(),
          by.rule(), by.model());
      machine = MachineCodingFiles.figures(combined, comments(read0, comment), validation, modelReport, person,
          checked);
    }
    Dataset survey = combined == null ? read0 : combined.addTo(read0, "codes", "Comment codes");
    console.printf(Locale.ROOT, "read %s (%d activities) and %s (%d respondents)%n", programme,
        read.activities().size(), input.data, survey.rowCount());
    // weighted as weight, estimate and table weight (shares scale the weights to the sample, or to --population)
    WeightingDescription weighted = MarginsWeighting.weigh(weighting, targets, weighting.startWeights(
        SurveyDesign.builder(survey), targets, survey.rowCount()).build(), spec.commandLine().getErr(), "report");
    RedactionPolicy redaction = internalUseOnly == null ? RedactionPolicy.standard()
        : RedactionPolicy.internalUseOnly(internalUseOnly);
    EngagementReport report = EngagementReport.of(read, new EngagementReport.Survey(survey, targets.margins(),
        choices, "codes", comment, groupBy, across), redaction, new SurveyWeighting(weighted.result(),
        weighted.fitted(), weighted.method(), weighted.start(), weighted.trimming(), weighted.variables()));
    if (combined != null) {
      report = report.withCoding(combined);
      if (machine != null && (machine.codedByMachine() > 0 || modelReport != null || checked != null)) {
        report = report.withMachineCoding(machine);
      }
    } else if (codedBy != null) {
      report = report.withCoding(ColumnCoding.of(survey, "codes", codedBy, modified(input.data)));
    }
    if (templates != null) {
      report = report.withTemplates(Templates.read(templates, spec.commandLine().getErr()));
    }
    report.writeTo(out, console::println);
    console.flush();
    return 0;
  }

  /** When a file was last written, for the provenance of codes it holds. */
  private static java.time.Instant modified(Path file) {
    try {
      return java.nio.file.Files.getLastModifiedTime(file).toInstant();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the modification time of " + file, e);
    }
  }

  /** The number of respondents who wrote a comment (a non-blank answer). */
  private static int comments(Dataset data, String column) {
    TextVariable text = data.text(column);
    int count = 0;
    for (int row = 0; row < data.rowCount(); row++) {
      if (text.textAt(row).filter(t -> !t.isBlank()).isPresent()) {
        count++;
      }
    }
    return count;
  }

  /**
   * The options of 0/1 columns: labelled as the programme's question labels them, else by the column name made
   * readable, without the prefix the columns share ("code_safety", "code_access": "Safety", "Access").
   */
  /** The question text a platform's header gives the option columns, else "Answers chosen". */
  private static String questionText(CsvHeader header, List<String> columns) {
    return header.indexOf(columns.get(0)).stream().mapToObj(i -> header.labels().get(i))
        .filter(l -> !l.equals(columns.get(0))).findFirst().orElse("Answers chosen");
  }

  /** The option texts a platform's header gives the option columns (SurveyMonkey, SmartSurvey, Citizen Space). */
  private static List<Category> optionTexts(CsvHeader header, List<String> columns) {
    List<Category> texts = new ArrayList<>();
    for (String column : columns) {
      header.indexOf(column).ifPresent(i -> {
        if (!header.options().get(i).isBlank()) {
          texts.add(Category.of(column, header.options().get(i)));
        }
      });
    }
    return texts;
  }

  static Map<String, Category> options(List<String> columns, List<Category> labelled) {
    String prefix = columns.size() < 2 ? "" : sharedPrefix(columns);
    Map<String, Category> options = new LinkedHashMap<>();
    for (String column : columns) {
      Optional<Category> known = labelled.stream().filter(c -> c.code().equals(column)).findFirst();
      String words = column.substring(prefix.length()).replace('_', ' ').strip();
      String label = known.map(Category::label).orElse(words.isEmpty() ? column
          : Character.toUpperCase(words.charAt(0)) + words.substring(1));
      options.put(column, Category.of(column, label));
    }
    return options;
  }

  private static String sharedPrefix(List<String> columns) {
    String first = columns.get(0);
    int end = first.lastIndexOf('_') + 1;
    while (end > 0) {
      String prefix = first.substring(0, end);
      if (columns.stream().allMatch(c -> c.startsWith(prefix) && c.length() > prefix.length())) {
        return prefix;
      }
      end = first.lastIndexOf('_', end - 2) + 1;
    }
    return "";
  }

  /** The respondents of the data, as the units a coded file refers to. */
  static java.util.Set<UnitId> respondents(Dataset data) {
    java.util.Set<UnitId> ids = new java.util.HashSet<>();
    for (int row = 0; row < data.rowCount(); row++) {
      ids.add(UnitId.of(data.id(row)));
    }
    return ids;
  }
}
