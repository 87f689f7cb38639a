package dev.insight.examples.cli;

import dev.insight.stats.design.LonelyPsu;
import dev.insight.stats.design.ReplicateType;
import dev.insight.stats.design.SurveyDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The sample design options shared by {@code insight estimate} and {@code insight table}: strata, clusters and
 * fpc of one or two stages with a lonely-PSU policy (linearised variance), or replicate weights given as columns ({@code --repweights}) or made from the design
 * ({@code --replicates}).
 */
final class DesignOptions {
  @Option(names = "--strata", paramLabel = "COL", description = "Strata column of the design.")
  @Nullable String strata;

  @Option(names = "--cluster", paramLabel = "C1[,C2]", split = ",",
      description = "Cluster columns: the primary sampling unit, and optionally the second-stage unit within it "
          + "(R's id = ~C1 + C2).")
  List<String> clusters = new ArrayList<>();

  @Option(names = "--fpc", paramLabel = "F1[,F2]", split = ",",
      description = "Finite population corrections per stage: the number of units in the population (> 1) or "
          + "the sampling fraction (<= 1); F1 per stratum, F2 per PSU. As in R, the second stage adds to the "
          + "variance only with F1, and then needs F2.")
  List<String> fpc = new ArrayList<>();

  @Option(names = "--lonely-psu", paramLabel = "fail|remove|adjust|average|certainty", defaultValue = "fail",
      description = "A stratum with a single PSU (R's survey.lonely.psu): fail (default, naming the stratum), "
          + "remove, adjust, average or certainty.")
  String lonelyPsu = "fail";

  @Option(names = "--repweights", paramLabel = "REGEX",
      description = "Replicate weight columns: every column whose name matches REGEX (anywhere in the name, as "
          + "R's svrepdesign), in file order, each holding a replicate's full weights. Needs --type.")
  @Nullable String repweights;

  @Option(names = "--type", paramLabel = "JK1|JKn|BRR|Fay|bootstrap|SDR|other",
      description = "How the --repweights were made, which sets the variance's scale as R's svrepdesign.")
  @Nullable String type;

  @Option(names = "--scale", paramLabel = "S", description = "Overall variance multiplier (JK1, JKn, bootstrap, "
      + "other; R's scale).")
  @Nullable Double scale;

  @Option(names = "--rscales", paramLabel = "R1,R2,...", split = ",",
      description = "Per-replicate multipliers (R's rscales), one per replicate column; required for JKn.")
  double @Nullable [] rscales;

  @Option(names = "--rho", paramLabel = "R", description = "Fay's rho, for --type Fay.")
  @Nullable Double rho;

  @Option(names = "--mse", description = "Replicate deviations from the full-sample estimate (R's mse = TRUE) "
      + "instead of from the replicates' mean.")
  boolean mse;

  @Option(names = "--replicates", paramLabel = "JK1|JKn|bootstrap[:B]",
      description = "Make replicate weights from the design (R's as.svrepdesign): JK1 (unstratified), JKn "
          + "(stratified) or bootstrap with B replicates (default 50).")
  @Nullable String replicates;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of --replicates bootstrap (default 1): the same "
      + "seed gives the same replicates.")
  @Nullable Long seed;

  /** The columns read as categories: strata and clusters. */
  List<String> categoricalColumns() {
    List<String> columns = new ArrayList<>();
    if (strata != null) {
      columns.add(strata);
    }
    columns.addAll(clusters);
    return columns;
  }

  /** The columns read as numbers: fpc and replicate weights, found in the file's header. */
  List<String> numericColumns(List<String> header) {
    List<String> columns = new ArrayList<>(fpc);
    columns.addAll(replicateColumns(header));
    return columns;
  }

  private List<String> replicateColumns(List<String> header) {
    if (repweights == null) {
      return List.of();
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(repweights);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("--repweights " + repweights + " is not a regular expression: "
          + e.getDescription(), e);
    }
    List<String> matching = header.stream().filter(c -> pattern.matcher(c).find()).toList();
    if (matching.size() < 2) {
      throw new IllegalArgumentException("--repweights " + repweights + " matches " + matching.size()
          + " columns of the data (" + matching + "); a replicate design needs at least 2");
    }
    return matching;
  }

  /** Checks the options agree with each other, before anything is read. */
  void validate() {
    LonelyPsu.parse(lonelyPsu);
    if (clusters.size() > 2 || fpc.size() > 2) {
      throw new IllegalArgumentException("--cluster " + String.join(",", clusters) + " --fpc "
          + String.join(",", fpc) + ": at most two stages");
    }
    if (fpc.size() > clusters.size() && fpc.size() == 2) {
      throw new IllegalArgumentException("--fpc " + String.join(",", fpc) + " has a second stage but --cluster "
          + "has not");
    }
    boolean linearised = strata != null || !clusters.isEmpty() || !fpc.isEmpty();
    if (repweights != null) {
      if (type == null) {
        throw new IllegalArgumentException("--repweights needs --type JK1|JKn|BRR|Fay|bootstrap|SDR|other");
      }
      if (linearised || replicates != null) {
        throw new IllegalArgumentException("--repweights carry the design: give no --strata, --cluster, --fpc "
            + "or --replicates with them");
      }
    } else if (type != null || scale != null || rscales != null || rho != null) {
      throw new IllegalArgumentException("--type, --scale, --rscales and --rho describe --repweights; give "
          + "--repweights too");
    }
    if (seed != null && (replicates == null || !replicates.toLowerCase(Locale.ROOT).startsWith("bootstrap"))) {
      throw new IllegalArgumentException("--seed applies to --replicates bootstrap");
    }
    if (mse && repweights == null && replicates == null) {
      throw new IllegalArgumentException("--mse applies to replicate designs (--repweights or --replicates)");
    }
  }

  /** The design: the builder's weights with these options. */
  SurveyDesign build(SurveyDesign.Builder builder, List<String> header) {
    configure(builder, header);
    return finish(builder.build());
  }

  /** Gives the builder the strata, clusters, fpc, lonely-PSU policy and replicate weight columns. */
  SurveyDesign.Builder configure(SurveyDesign.Builder builder, List<String> header) {
    if (strata != null) {
      builder.strata(strata);
    }
    if (!clusters.isEmpty()) {
      builder.cluster(clusters.get(0));
    }
    if (!fpc.isEmpty()) {
      builder.fpc(fpc.get(0));
    }
    if (clusters.size() == 2) {
      builder.secondStage(clusters.get(1), fpc.size() == 2 ? fpc.get(1) : null);
    }
    builder.lonelyPsu(LonelyPsu.parse(lonelyPsu));
    if (repweights != null) {
      builder.replicateWeights(replicateColumns(header), ReplicateType.parse(type)).mse(mse);
      if (scale != null) {
        builder.replicateScale(scale);
      }
      if (rscales != null) {
        builder.replicateScales(rscales);
      }
      if (rho != null) {
        builder.rho(rho);
      }
    }
    return builder;
  }

  /** The built design with the replicates made from it, when --replicates asks for them. */
  SurveyDesign finish(SurveyDesign design) {
    if (replicates == null) {
      return design;
    }
    String[] parts = replicates.split(":", -1);
    ReplicateType kind = ReplicateType.parse(parts[0]);
    int count = 50;
    if (parts.length > 1) {
      if (kind != ReplicateType.BOOTSTRAP) {
        throw new IllegalArgumentException("--replicates " + replicates + ": a count applies to bootstrap only");
      }
      try {
        count = Integer.parseInt(parts[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--replicates " + replicates + ": " + parts[1] + " is not a number of "
            + "replicates", e);
      }
    }
    return design.withReplicates(kind, count, seed == null ? 1 : seed, mse);
  }

  /** What the design is, for notes. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (strata != null) {
      parts.add("strata " + strata);
    }
    if (!clusters.isEmpty()) {
      parts.add("clusters " + String.join(",", clusters));
    }
    if (!fpc.isEmpty()) {
      parts.add("fpc " + String.join(",", fpc));
    }
    if (!lonelyPsu.trim().equalsIgnoreCase("fail")) {
      parts.add("lonely PSUs " + lonelyPsu.trim().toLowerCase(Locale.ROOT));
    }
    if (repweights != null) {
      parts.add(type + " replicate weights " + repweights + (mse ? " (mse)" : ""));
    }
    if (replicates != null) {
      parts.add(replicates + " replicates" + (seed == null ? "" : " seed " + seed) + (mse ? " (mse)" : ""));
    }
    return String.join(", ", parts);
  }

  boolean any() {
    return strata != null || !clusters.isEmpty() || !fpc.isEmpty() || repweights != null || replicates != null;
  }
}
