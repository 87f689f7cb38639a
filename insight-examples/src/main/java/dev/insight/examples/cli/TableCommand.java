package dev.insight.examples.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.internal.AtomicFiles;
import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.BannerTables;
import dev.insight.stats.design.Filter;
import dev.insight.stats.table.RowSpec;
import dev.insight.stats.table.Suppression;
import dev.insight.stats.table.TableFormat;
import dev.insight.stats.table.TableOptions;
import dev.insight.stats.table.TableSpec;
import dev.insight.stats.table.TableWriter;
import dev.insight.stats.inference.Correction;
import dev.insight.stats.design.Margin;
import dev.insight.stats.design.Raking;
import dev.insight.stats.design.WeightingResult;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
        "A multiple-response question is named by the prefix of its 0/1 columns followed by *, as in pri_*; "
            + "numeric questions for means are given with --means."})
final class TableCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "D.csv", description = "The survey data (CSV with a header).")
  private Path data;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "The respondent id column.")
  private String id;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Weighting weighting;

  static final class Weighting {
    @Option(names = "--weights", paramLabel = "W.csv",
        description = "Weights file with columns id,weight (as written by insight weight); one per respondent.")
    @Nullable Path weightsFile;

    @Option(names = "--weight", paramLabel = "COL", description = "A column of the data holding the weights.")
    @Nullable String weightColumn;

    @Option(names = "--margins", paramLabel = "M.csv",
        description = "Population margins (variable,category,target): rake to them first, from equal weights.")
    @Nullable Path margins;

    @Option(names = "--unweighted", description = "Every respondent weighs 1.")
    boolean unweighted;
  }

  @Option(names = "--rows", required = true, split = ",", paramLabel = "VAR",
      description = "Questions down the side: single-choice columns, or PREFIX* for a multiple-response question.")
  private List<String> rows;

  @Option(names = "--means", split = ",", paramLabel = "VAR", defaultValue = "",
      description = "Numeric questions shown as mean and standard deviation (with top-2/bottom-2 boxes when "
          + "--boxes is given).")
  private List<String> means;

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

  @Option(names = "--no-rao-scott", negatable = true, defaultValue = "true",
      description = "Rao-Scott test of each question against each banner variable (default on).")
  private boolean raoScott;

  @Mixin
  private DesignOptions designOptions = new DesignOptions();

  @Option(names = "--out", required = true, paramLabel = "T.(csv|json|xlsx|txt)",
      description = "The output file; the format follows the extension.")
  private Path out;

  @Override
  public Integer call() {
    TableFormat format = TableFormat.forFileName(out.getFileName().toString());
    if (sig.size() != 2) {
      throw new IllegalArgumentException("--sig needs two levels, upper then lower, e.g. 0.05,0.10: " + sig);
    }
    Filter parsedFilter = Filter.parse(filter);
    Suppression suppression = Suppression.parse(suppress);
    TableOptions options = new TableOptions(sig.get(0), sig.get(1), correction(correction), minBase, smallBase,
        rowPercents, raoScott);
    List<String> header = header(data);
    SurveyMapping.Builder mapping = SurveyMapping.builder(id);
    Set<String> loaded = new LinkedHashSet<>();
    List<RowSpec> rowSpecs = new ArrayList<>();
    for (String row : rows) {
      String name = load(row, header, mapping, loaded, "row variable");
      rowSpecs.add(row.endsWith("*") ? RowSpec.options(name) : boxes ? RowSpec.categories(name).withBoxes()
          : RowSpec.categories(name));
    }
    for (String mean : means) {
      if (mean.isBlank()) {
        continue;
      }
      requireColumn(mean, header, "numeric row variable");
      if (loaded.add(mean)) {
        mapping.numeric(mean);
      }
      rowSpecs.add(boxes ? RowSpec.mean(mean).withBoxes() : RowSpec.mean(mean));
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
    List<Margin> margins = weighting.margins == null ? List.of() : WeightingFiles.readMargins(weighting.margins);
    for (Margin margin : margins) {
      load(margin.variable(), header, mapping, loaded, "margin variable");
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
    Dataset dataset = SurveyCsvReader.read(data, mapping.build());
    boolean designed = designOptions.any();
    TableSpec tableSpec = new TableSpec(rowSpecs, bannerNames, parsedFilter, options);
    BannerTable table;
    String weightNote;
    if (weighting.margins != null) {
      if (designOptions.repweights != null || designOptions.replicates != null) {
        throw new IllegalArgumentException("weighting a replicate-weight design to --margins is not supported: "
            + "weight first (insight weight), then tabulate with --weights and the replicates");
      }
      WeightingResult result = Raking.of(margins).apply(designOptions.build(SurveyDesign.builder(dataset)
          .equalWeights(margins.get(0).total()), header));
      table = BannerTables.compute(result.design(), tableSpec);
      weightNote = "Weights: raked to " + weighting.margins.getFileName() + "; Rao-Scott tests account for the "
          + "raking";
    } else {
      double[] w;
      if (weighting.weightColumn != null) {
        w = weightsFromColumn(dataset, weighting.weightColumn);
        weightNote = "Weights: column " + weighting.weightColumn + ", taken as fixed";
      } else if (weighting.weightsFile != null) {
        w = readWeights(weighting.weightsFile, dataset);
        weightNote = "Weights: " + weighting.weightsFile.getFileName() + ", taken as fixed";
      } else {
        w = new double[dataset.rowCount()];
        java.util.Arrays.fill(w, 1);
        weightNote = "Unweighted";
      }
      table = BannerTables.compute(designOptions.build(SurveyDesign.builder(dataset).weights(w), header),
          tableSpec);
    }
    if (designed) {
      weightNote += "; design: " + designOptions.describe();
    }
    List<String> notes = new ArrayList<>(table.notes());
    notes.add(1, weightNote);
    table = suppression.apply(new BannerTable(table.columns(), table.blocks(), notes));
    writeAtomically(table, format);
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d questions x %d columns%n", out,
        table.blocks().size(), table.columns().size());
    return 0;
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
    if (given.endsWith("*")) {
      String prefix = given.substring(0, given.length() - 1);
      List<String> columns = header.stream().filter(c -> c.startsWith(prefix) && !c.equals(prefix)).toList();
      if (columns.isEmpty()) {
        throw new IllegalArgumentException(role + " " + given + ": no column of " + data.getFileName()
            + " starts with " + prefix + "; the columns are " + header);
      }
      String name = prefix.replaceAll("[_.]+$", "");
      if (loaded.add(name)) {
        mapping.multiColumns(name, null, columns);
      }
      return name;
    }
    requireColumn(given, header, role);
    if (loaded.add(given)) {
      mapping.categorical(given);
    }
    return given;
  }

  private void requireColumn(String name, List<String> header, String role) {
    if (!header.contains(name)) {
      throw new IllegalArgumentException(role + " " + name + " does not exist in " + data.getFileName()
          + "; the columns are " + header);
    }
  }

  static List<String> header(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
      for (CsvRecord record : csv) {
        List<String> fields = new ArrayList<>(record.getFields());
        if (!fields.isEmpty() && fields.get(0).startsWith("\uFEFF")) {
          fields.set(0, fields.get(0).substring(1));
        }
        return fields;
      }
      throw new InvalidInputException(new InputProblem(file.toString(), 0, null, null, "the file is empty"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
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

  private static double[] readWeights(Path file, Dataset dataset) {
    Map<String, Double> byId = new HashMap<>();
    String source = file.toString();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
      boolean first = true;
      for (CsvRecord record : csv) {
        if (first) {
          first = false;
          if (record.getFieldCount() < 2) {
            throw new InvalidInputException(new InputProblem(source, 1, null, null,
                "the header must be id,weight"));
          }
          continue;
        }
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() < 2) {
          throw new InvalidInputException(new InputProblem(source, line, null, null, "expected id,weight"));
        }
        String id = record.getField(0);
        String value = record.getField(1);
        double weight;
        try {
          weight = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new InvalidInputException(new InputProblem(source, line, "weight", value,
              "weight of respondent " + id + " is not a number"));
        }
        if (!(Double.isFinite(weight) && weight > 0)) {
          throw new InvalidInputException(new InputProblem(source, line, "weight", value,
              "weight of respondent " + id + " must be finite and positive"));
        }
        if (dataset.rowOf(new dev.insight.core.data.RespondentId(id)).isEmpty()) {
          throw new InvalidInputException(new InputProblem(source, line, "id", id,
              "respondent " + id + " is not in " + dataset.rowCount() + " respondents of the data"));
        }
        if (byId.put(id, weight) != null) {
          throw new InvalidInputException(new InputProblem(source, line, "id", id, "respondent " + id
              + " has two weights"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    double[] w = new double[dataset.rowCount()];
    for (int row = 0; row < w.length; row++) {
      String respondent = dataset.id(row).value();
      Double weight = byId.get(respondent);
      if (weight == null) {
        throw new InvalidInputException(new InputProblem(source, 0, "id", respondent,
            "respondent " + respondent + " of the data has no weight"));
      }
      w[row] = weight;
    }
    return w;
  }

  private void writeAtomically(BannerTable table, TableFormat format) {
    try {
      AtomicFiles.write(out, stream -> {
        TableWriter.write(table, format, stream);
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }
}
