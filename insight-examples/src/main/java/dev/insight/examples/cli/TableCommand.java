package dev.insight.examples.cli;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.core.codebook.AnswerScales;
import dev.insight.core.codebook.SurveyCodebook;
import dev.insight.core.csv.ColumnSpec;
import dev.insight.core.csv.CsvHeader;
import dev.insight.core.csv.DecimalNumber;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.stats.design.Filter;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.estimate.Quantity;
import dev.insight.stats.inference.Correction;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.BannerTables;
import dev.insight.stats.table.RowSpec;
import dev.insight.stats.table.Suppression;
import dev.insight.stats.table.TableFormat;
import dev.insight.stats.table.TableOptions;
import dev.insight.stats.table.TableSpec;
import dev.insight.stats.table.TableWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight table}: a banner table with significance tests from a survey CSV. */
@Command(name = "table", mixinStandardHelpOptions = true,
    description = {"Banner table: questions down the side, a Total and banner variables across the top, weighted "
        + "column percentages with bases and significance letters.",
        "A multiple-response question is named by the prefix of its 0/1 columns followed by *, as in pri_* (columns "
            + "ending _other or _TEXT, typed-in answers, are left out); one whose choices are joined in one cell is "
            + "named by its column; "
            + "numeric questions for means are given with --means."})
final class TableCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private DataOptions input = new DataOptions();

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private Weighting weighting = new Weighting();

  static final class Weighting {
    @Option(names = "--weights", paramLabel = "W.csv",
        description = "Weights file with columns id,weight (as written by insight weight); one per respondent.")
    @Nullable Path weightsFile;

    @Option(names = "--weight", paramLabel = "COL", description = "A column of the data holding the weights.")
    @Nullable String weightColumn;

    @Option(names = "--unweighted", description = "Every respondent weighs 1.")
    boolean unweighted;
  }

  /** Weighting to --margins first, with every option of insight weight and estimate. */
  @Mixin
  private WeightingOptions weightingOptions = new WeightingOptions();

  @Option(names = "--rows", split = ",", paramLabel = "VAR",
      description = "Questions down the side: single-choice columns, or PREFIX* for a multiple-response question.")
  private List<String> rows = List.of();

  @Option(names = "--means", split = ",", paramLabel = "VAR", defaultValue = "",
      description = "Numeric questions shown as mean and standard deviation (with top-2/bottom-2 boxes when "
          + "--boxes is given).")
  private List<String> means;

  @Option(names = {"--quantiles", "--quantile"}, paramLabel = "VAR:P1[,P2...]",
      description = "Rows of the weighted quantiles of a numeric question at probabilities in (0, 1], each column's "
          + "with its 95%% confidence interval and standard error (R 4.x svyquantile defaults, under the design "
          + "options); repeat for more questions, e.g. --quantiles income:0.25,0.5,0.75.")
  private List<String> quantiles = List.of();

  @Option(names = "--medians", split = ",", paramLabel = "VAR",
      description = "Rows of the weighted median of numeric questions with its confidence interval (--quantiles "
          + "VAR:0.5).")
  private List<String> medians = List.of();

  @Option(names = "--boxes", description = "Add top-2 and bottom-2 boxes to single-choice scales and means.")
  private boolean boxes;

  @Option(names = "--banner", split = ",", paramLabel = "VAR", defaultValue = "",
      description = "Banner variables across the top, after Total (single-choice, or PREFIX* multiple response).")
  private List<String> banner;

  @Option(names = "--filter", paramLabel = "EXPR", defaultValue = "",
      description = "Only respondents matching, e.g. \"commented = 1\", \"sector in (NHS, VCFSE) and not "
          + "contact = No\".")
  private String filter;

  @Option(names = "--sig", split = ",", paramLabel = "LEVEL", defaultValue = "0.05,0.10",
      description = "Levels for upper- and lower-case letters (default ${DEFAULT-VALUE}).")
  private List<Double> sig;

  @Option(names = "--correction", paramLabel = "METHOD", defaultValue = "none",
      description = "Multiple comparisons: none, bonferroni or bh (Benjamini-Hochberg); default ${DEFAULT-VALUE}.")
  private String correction;

  @Option(names = "--suppress", paramLabel = "RULE", defaultValue = "none",
      description = "Disclosure control: nhs (1-7 hidden, others rounded to 5), threshold:N, or none (default).")
  private String suppress;

  @Option(names = "--min-base", paramLabel = "N", defaultValue = "30",
      description = "Columns with fewer respondents are not tested (default ${DEFAULT-VALUE}).")
  private int minBase;

  @Option(names = "--small-base", paramLabel = "N", defaultValue = "50",
      description = "Columns with fewer respondents are flagged (default ${DEFAULT-VALUE}).")
  private int smallBase;

  @Option(names = "--row-percents", description = "Add row percentages.")
  private boolean rowPercents;

  @Option(names = "--se", description = "Add each percentage's and mean's design-based standard error (R's "
      + "SE(svymean) in the column's domain; percentage points for percentages): a line under each row in XLSX and "
      + "text, the se column and key in CSV and JSON. One pass over the respondents per cell.")
  private boolean standardErrors;

  @Option(names = "--no-rao-scott", negatable = true, defaultValue = "true",
      description = "Rao-Scott test of each question against each banner variable (default on).")
  private boolean raoScott;

  @Mixin
  private DesignOptions designOptions = new DesignOptions();

  @Option(names = "--levels", split = ",", paramLabel = "COL",
      description = "Organisation columns from the top (e.g. trust,site,ward): with --levels-out, also publish the "
          + "respondents and the row variables' shares for every organisation at every level, with suppression "
          + "that no difference across levels can undo (needs --suppress).")
  private List<String> levels = List.of();

  @Option(names = "--levels-out", paramLabel = "L.csv", description = "Where to write the publication by level.")
  private @Nullable Path levelsOut;

  @Option(names = "--coding", paramLabel = "C.csv", description = "A coded file (written by insight code apply, "
      + "predict, review or import), joined to the data by --id; repeat it to combine files. Its codes become the "
      + "multiple-response variable 'codes' and its nets 'codes_nets', to give in --rows. Needs "
      + "--codeframe.")
  private List<Path> coding = List.of();

  @Option(names = "--codeframe", paramLabel = "F", description = "The codeframe of the coded files (with --coding).")
  private @Nullable Path codeframe;

  @Option(names = "--out", required = true, paramLabel = "T.(csv|json|xlsx|txt)",
      description = "The output file; the format follows the extension.")
  private Path out;

  /** The data file's header, with a platform's question and option texts. */
  private CsvHeader headerRead;

  /** The name of the coded files' variable (and, with {@code _nets}, of its nets). */
  private static final String CODED = "codes";

  /** The data with the coded files' codes and nets joined by id (a coded comment not in the data is an error). */
  private Dataset coded(Dataset data) {
    Codeframe frame = CodeframeFiles.read(codeframe);
    CodedData files = CodedFileReader.readAll(coding, frame);
    files.checkIn(ReportCommand.respondents(data), input.data.toString());
    return files.coding().addTo(data, CODED, frame.name());
  }

  /** The --means columns read as answers, made numeric once read. */
  private final Set<String> meanColumns = new LinkedHashSet<>();

  /** The codebook of --codebook, whose categories are in the order the analyst gave. */
  private @Nullable SurveyCodebook ordered;
  /** The data file's column names, for the replicate weight columns of the design options. */
  private List<String> dataColumns = List.of();

  @Override
  public Integer call() {
    TableFormat format = TableFormat.forFileName(out.getFileName().toString());
    if (rows.isEmpty() && means.stream().allMatch(String::isBlank) && quantiles.isEmpty() && medians.isEmpty()) {
      throw new IllegalArgumentException("give the questions down the side: --rows, --means, --quantiles or "
          + "--medians");
    }
    if (sig.size() != 2) {
      throw new IllegalArgumentException("--sig needs two levels, upper then lower, e.g. 0.05,0.10: " + sig);
    }
    Filter parsedFilter = Filter.parse(filter);
    Suppression suppression = Suppression.parse(suppress);
    TableOptions options = new TableOptions(sig.get(0), sig.get(1), correction(correction), minBase, smallBase,
        rowPercents, raoScott, standardErrors);
    CsvHeader csvHeader = SurveyFiles.csvHeader(input);
    List<String> header = csvHeader.names();
    dataColumns = header;
    this.headerRead = csvHeader;
    SurveyMapping.Builder mapping = SurveyMapping.builder(SurveyFiles.id(input));
    Set<String> loaded = new LinkedHashSet<>();
    // the kind of a row (categories, options of a multiple choice in one cell) is known once the data is read
    List<Function<Dataset, RowSpec>> rowSpecs = new ArrayList<>();
    for (String row : rows) {
      String name = load(row, header, mapping, loaded, "row variable");
      rowSpecs.add(row.endsWith("*") ? d -> RowSpec.options(name) : d -> rowSpec(d, name));
    }
    for (String mean : means) {
      if (mean.isBlank()) {
        continue;
      }
      requireColumn(mean, header, "numeric row variable");
      if (loaded.add(mean)) {
        if (MeanColumns.looksNumeric(input, mean)) {
          mapping.numeric(mean);
        } else {
          // read as answers first: a text scale is scored in its known order, or refused (MeanColumns)
          mapping.categorical(mean);
          meanColumns.add(mean);
        }
      }
      RowSpec meanRow = boxes ? RowSpec.mean(mean).withBoxes() : RowSpec.mean(mean);
      rowSpecs.add(d -> meanRow);
    }
    List<RowSpec.Quantiles> quantileRows = new ArrayList<>();
    for (String text : quantiles) {
      List<Quantity.Quantile> asked = EstimateCommand.quantiles("--quantiles", text);
      quantileRows.add(new RowSpec.Quantiles(asked.get(0).variable(),
          asked.stream().map(Quantity.Quantile::probability).toList()));
    }
    for (String median : medians) {
      if (!median.isBlank()) {
        quantileRows.add(RowSpec.median(median.strip()));
      }
    }
    for (RowSpec.Quantiles row : quantileRows) {
      requireColumn(row.variable(), header, "quantile row variable");
      if (loaded.add(row.variable())) {
        mapping.numeric(row.variable());
      }
      rowSpecs.add(d -> row);
    }
    List<String> bannerNames = new ArrayList<>();
    for (String b : banner) {
      if (!b.isBlank()) {
        bannerNames.add(load(b, header, mapping, loaded, "banner variable"));
      }
    }
    for (String variable : parsedFilter.variables()) {
      load(variable, header, mapping, loaded, "filter variable");
    }
    WeightingOptions.Targets targets = MarginsWeighting.targets(spec, weightingOptions,
        weighting.weightsFile != null || weighting.weightColumn != null || weighting.unweighted,
        "--weights, --weight, --unweighted");
    List<String> marginVariables = MarginsWeighting.categorical(targets);
    for (String variable : marginVariables) {
      load(variable, header, mapping, loaded, "margin variable");
    }
    for (String column : MarginsWeighting.numeric(targets, weightingOptions)) {
      requireColumn(column, header, "weighting column");
      if (loaded.add(column)) {
        mapping.numeric(column);
      }
    }
    if (weighting.weightColumn != null) {
      requireColumn(weighting.weightColumn, header, "weight column");
      if (loaded.add(weighting.weightColumn)) {
        mapping.numeric(weighting.weightColumn);
      }
    }
    designOptions.validate();
    for (String column : designOptions.categoricalColumns()) {
      requireColumn(column, header, "design column");
      if (loaded.add(column)) {
        mapping.text(column);
      }
    }
    for (String column : designOptions.numericColumns(header)) {
      requireColumn(column, header, "design column");
      if (loaded.add(column)) {
        mapping.numeric(column);
      }
    }
    if (levels.isEmpty() != (levelsOut == null)) {
      throw new IllegalArgumentException("--levels and --levels-out go together");
    }
    if (levelsOut != null) {
      LevelPublication.rule(suppression);
    }
    for (String level : levels) {
      requireColumn(level, header, "level column");
      if (loaded.add(level)) {
        mapping.text(level);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    Set<String> keepSingle = new LinkedHashSet<>(parsedFilter.variables());
    keepSingle.addAll(marginVariables);
    if (!coding.isEmpty() && codeframe == null) {
      throw new IllegalArgumentException("--coding needs --codeframe, the frame its codes belong to");
    }
    keepSingle.addAll(meanColumns);
    Dataset read = MeanColumns.scored(SurveyFiles.readRefined(input, mapping.build(), err, "table", keepSingle),
        meanColumns, input, "--means", err, "table");
    Dataset dataset = coding.isEmpty() ? read : coded(read);
    ordered = SurveyFiles.codebook(input);
    boolean designed = designOptions.any();
    TableSpec tableSpec = new TableSpec(rowSpecs.stream().map(f -> f.apply(dataset)).toList(), bannerNames,
        parsedFilter, options);
    SurveyDesign design;
    @Nullable String weightNote;
    List<String> weightingNotes = List.of();
    if (targets != null) {
      if (designOptions.repweights != null && weightingOptions.baseWeight == null) {
        throw new IllegalArgumentException("--repweights with --margins needs --base-weight COL: the full-sample "
            + "weights the replicate columns were made with, from which the weighting starts");
      }
      // a replicate design is weighted with its replicates, each to the same targets (R's rake and calibrate of
      // an svyrep.design): replicates asked with --replicates are made from the design first
      WeightingDescription weighted = MarginsWeighting.weigh(weightingOptions, targets,
          design(weightingOptions.startWeights(SurveyDesign.builder(dataset), targets, dataset.rowCount())), err,
          "table");
      design = weighted.result().design();
      weightingNotes = weighted.notes(weightingOptions.margins.getFileName().toString(),
          designed ? designOptions.describe() : null);
      weightNote = null;
    } else if (weighting.weightColumn != null) {
      design = design(SurveyDesign.builder(dataset).weights(weightsFromColumn(dataset, weighting.weightColumn)));
      weightNote = "Weights: column " + weighting.weightColumn + ", taken as fixed";
    } else if (weighting.weightsFile != null) {
      SurveyDesign.Builder builder = designOptions.configure(SurveyDesign.builder(dataset), header);
      design = designOptions.finish(WeightingFiles.withWeights(builder, weighting.weightsFile, dataset, err,
          "table"));
      weightNote = "Weights: " + weighting.weightsFile.getFileName() + ", taken as fixed";
    } else {
      design = design(SurveyDesign.builder(dataset).equalWeights(dataset.rowCount()));
      weightNote = "Unweighted";
    }
    BannerTable table = BannerTables.compute(design, tableSpec);
    for (String b : bannerNames) {
      noteBlank(dataset, design, b, err);
    }
    if (designed && weightNote != null) {
      weightNote += "; design: " + designOptions.describe();
    }
    List<String> notes = new ArrayList<>(table.notes());
    notes.addAll(1, weightNote == null ? weightingNotes : List.of(weightNote));
    table = suppression.apply(new BannerTable(table.columns(), table.blocks(), notes));
    writeAtomically(table, format, dataset, parsedFilter, suppression, err);
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d questions x %d columns%n", out,
        table.blocks().size(), table.columns().size());
    return 0;
  }

  /** A single-choice row, or the options of a multiple choice read from one cell; boxes only on a known order. */
  private RowSpec rowSpec(Dataset dataset, String name) {
    if (dataset.variable(name) instanceof MultiResponseVariable) {
      return RowSpec.options(name);
    }
    if (!boxes) {
      return RowSpec.categories(name);
    }
    CategoricalVariable variable = dataset.categorical(name);
    List<String> codes = variable.categories().stream().filter(c -> !c.missing()).map(Category::code).toList();
    boolean numbered = codes.stream().allMatch(c -> !Double.isNaN(DecimalNumber.parse(c)));
    boolean given = ordered != null && ordered.variable(name).isPresent();
    if (!numbered && !given && AnswerScales.order(codes).isEmpty()) {
      throw new IllegalArgumentException("--boxes on " + name + ": its answers are text in no order insight "
          + "recognises (" + String.join(", ", codes) + "), so the top and bottom boxes are unknown; give the order "
          + "in a codebook (--codebook FILE, listing the categories from lowest to highest, as insight describe "
          + "--json writes them), or code the answers as numbers");
    }
    return RowSpec.categories(name).withBoxes();
  }

  private SurveyDesign design(SurveyDesign.Builder builder) {
    return designOptions.build(builder, dataColumns);
  }

  /** Respondents with no answer to a banner variable are in Total but in no banner column: said, never dropped. */
  private static void noteBlank(Dataset dataset, SurveyDesign design, String banner, PrintWriter err) {
    if (!(dataset.variable(banner) instanceof CategoricalVariable groups)) {
      return;
    }
    int blank = 0;
    String first = null;
    for (int row = 0; row < groups.size(); row++) {
      if (design.inSample(row) && groups.categoryIndex(row) == CategoricalVariable.NO_ANSWER) {
        if (blank++ == 0) {
          first = dataset.id(row).value();
        }
      }
    }
    if (blank > 0) {
      err.println("insight table: note: " + blank + " respondent" + (blank == 1 ? " has" : "s have")
          + " no answer to the banner variable " + banner + " (the first: " + first + "); counted in Total, in "
          + "no " + banner + " column");
      err.flush();
    }
  }

  private static Correction correction(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "none" -> Correction.NONE;
      case "bonferroni" -> Correction.BONFERRONI;
      case "bh" -> Correction.BENJAMINI_HOCHBERG;
      default -> throw new IllegalArgumentException("--correction " + text + ": expected none, bonferroni or bh");
    };
  }

  /** Adds a variable to the mapping (once) and returns its name in the dataset. */
  private String load(String given, List<String> header, SurveyMapping.Builder mapping, Set<String> loaded,
      String role) {
    if (!coding.isEmpty() && (given.equals(CODED) || given.equals(CODED + "_nets"))) {
      return given; // the coded files' variables, added once the data is read
    }
    if (given.endsWith("*")) {
      String prefix = given.substring(0, given.length() - 1);
      // typed-in "other" answers (SurveyMonkey's q2_other, Qualtrics' Q2_5_TEXT) are text, not options
      List<String> columns = header.stream().filter(c -> c.startsWith(prefix) && !c.equals(prefix)
          && !c.endsWith("_other") && !c.endsWith("_TEXT")).toList();
      if (columns.isEmpty()) {
        throw new IllegalArgumentException(role + " " + given + ": no column of " + input.data.getFileName()
            + " starts with " + prefix + "; the columns are " + header);
      }
      String name = prefix.replaceAll("[_.]+$", "");
      if (loaded.add(name)) {
        // a platform's header gives each option's text and the question's (SurveyMonkey), else the column names
        Map<String, Category> options = new LinkedHashMap<>();
        for (String column : columns) {
          String option = headerRead.options().get(headerRead.indexOf(column).orElseThrow());
          options.put(column, Category.of(column, option.isEmpty() ? column : option));
        }
        String question = headerRead.labels().get(headerRead.indexOf(columns.get(0)).orElseThrow());
        mapping.multiColumns(name, question.equals(columns.get(0)) ? null : question, options);
      }
      return name;
    }
    requireColumn(given, header, role);
    if (loaded.add(given)) {
      // a platform's header gives the question text (Qualtrics, Microsoft and Google Forms, ...): the label
      String label = headerRead.labels().get(headerRead.indexOf(given).orElseThrow());
      mapping.add(new ColumnSpec.Categorical(given, given, label.equals(given) ? null : label, List.of()));
    }
    return given;
  }

  private void requireColumn(String name, List<String> header, String role) {
    if (!header.contains(name)) {
      throw new IllegalArgumentException(role + " " + name + " does not exist in " + input.data.getFileName()
          + "; the columns are " + header);
    }
  }

  private static double[] weightsFromColumn(Dataset dataset, String column) {
    double[] w = new double[dataset.rowCount()];
    for (int row = 0; row < w.length; row++) {
      w[row] = dataset.numeric(column).valueAt(row);
      if (dataset.numeric(column).isMissing(row)) {
        throw new IllegalArgumentException("weight column " + column + ": respondent " + dataset.id(row).value()
            + " has no weight");
      }
    }
    return w;
  }

  private void writeAtomically(BannerTable table, TableFormat format, Dataset dataset, Filter parsedFilter,
      Suppression suppression, PrintWriter err) {
    try (Outputs outputs = Outputs.begin()) {
      outputs.stage(out, stream -> TableWriter.write(table, format, stream));
      if (levelsOut != null) {
        LevelPublication.stage(outputs, levelsOut, dataset, parsedFilter.select(dataset), levels,
            rows.stream().filter(r -> !r.endsWith("*")).toList(), LevelPublication.rule(suppression), err);
      }
      outputs.commit();
    }
  }
}
