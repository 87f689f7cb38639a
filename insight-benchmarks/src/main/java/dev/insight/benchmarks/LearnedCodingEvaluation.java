package dev.insight.benchmarks;

import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.learn.Prediction;
import dev.insight.codeframe.learn.CodedExamples;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.CrossValidation;
import dev.insight.codeframe.learn.EvaluationReport;
import dev.insight.codeframe.learn.FeatureOptions;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.LearnerOptions;
import dev.insight.codeframe.learn.TextEmbedder;
import dev.insight.codeframe.learn.ThresholdPolicy;
import dev.insight.embeddings.BgeSmallEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/**
 * Cross-validates the learned coder on the shared patient-feedback files (not a test: it reads
 * {@code ../shared} at run time). Run from the worktree root after
 * {@code mvn -B -q -ntp -pl insight-benchmarks -am package -DskipTests -Dmaven.javadoc.skip}:
 *
 * <pre>
 * java -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.LearnedCodingEvaluation \
 *     multilabel [variant] [--folds-out folds.csv] [--report report.json]
 * java -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.LearnedCodingEvaluation \
 *     code|label [variant]
 * </pre>
 *
 * <p>Variants (the ablation): {@code default}, {@code before} (the defaults before: balanced classes, C = 1),
 * {@code balanced}, {@code c1}, {@code words} (word 1-2-grams only), {@code chars} (character
 * 2-5-grams only), {@code unbalanced}, {@code nonb} (no naive Bayes scaling), {@code c0.3}/{@code c3} (another
 * cost), {@code precision0.8} (thresholds for precision 0.8), {@code cal5} (5 calibration folds), {@code words3} (word 1-3-grams). Five folds, seed 42,
 * unless {@code --folds K} / {@code --seed S}; {@code --probabilities-out FILE} writes each comment's fold, codes
 * and out-of-fold probabilities (for {@code scripts/decision_rules.py}); {@code --train-time}
 * also times training on the whole file and prediction on it; {@code --embeddings} adds the sentence embeddings of
 * {@code insight-embeddings} to the variant (each comment embedded once for all folds); {@code --context} gives
 * each comment the question it answers as its context. {@code suggest} measures codeframe suggestion (NMI of the
 * proposed groups with the people's codes, by words and by embeddings).
 */
public final class LearnedCodingEvaluation {
  private static final Path DATA = Path.of("../shared/data/patient-feedback");

  private LearnedCodingEvaluation() {}

  /**
   * Runs the evaluation.
   *
   * @param args the data set, the variant and options (see the class comment)
   */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    String set = rest.remove(0);
    if (set.equals("suggest")) {
      suggest();
      return;
    }
    String variant = rest.isEmpty() || rest.get(0).startsWith("--") ? "default" : rest.remove(0);
    int folds = Integer.parseInt(option(rest, "--folds", "5"));
    long seed = Long.parseLong(option(rest, "--seed", "42"));
    String foldsOut = option(rest, "--folds-out", "");
    String report = option(rest, "--report", "");
    String probabilitiesOut = option(rest, "--probabilities-out", "");
    boolean trainTime = rest.contains("--train-time");
    CodedExamples examples = rest.contains("--context") ? load(set, true) : load(set);
    LearnerOptions options = variant(variant);
    boolean embeddings = rest.contains("--embeddings");
    if (embeddings) {
      long start = System.nanoTime();
      // embedded once for all folds; the train-time runs below embed again, as a user's training would
      options = options.withEmbedder(TextEmbedder.precomputed(new BgeSmallEmbedder(), examples.texts()));
      System.out.printf(Locale.ROOT, "embedded %d comments with %s in %.1f s%n", examples.examples().size(),
          BgeSmallEmbedder.NAME, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(Locale.ROOT, "%s, variant %s: %d comments, %d codes%n", set, variant,
        examples.examples().size(), examples.codes().size());
    if (!foldsOut.isEmpty()) {
      int[] fold = CrossValidation.folds(examples, folds, seed);
      StringBuilder text = new StringBuilder("row,fold\n");
      for (int i = 0; i < fold.length; i++) {
        text.append(i).append(',').append(fold[i]).append('\n');
      }
      write(Path.of(foldsOut), text.toString());
    }
    EvaluationReport result;
    if (set.equals("code")) {
      // both levels from the one code model: the label of a predicted code is its parent in the codeframe
      long start = System.nanoTime();
      List<Prediction> predicted = CrossValidation.outOfFold(examples, options, folds, seed);
      double seconds = (System.nanoTime() - start) / 1e9;
      result = CrossValidation.score(examples, predicted, folds, seed, seconds);
      Map<String, String> parent = codeToLabel();
      List<String> truth = new ArrayList<>();
      List<String> given = new ArrayList<>();
      for (int i = 0; i < predicted.size(); i++) {
        truth.add(parent.get(examples.examples().get(i).codes().iterator().next().value()));
        given.add(parent.get(predicted.get(i).assigned().get(0).value()));
      }
      System.out.printf(Locale.ROOT, "label level derived from the predicted codes (a code's label is its parent): "
          + "accuracy %.3f  macro F1 %.3f over %d labels%n", accuracy(truth, given), macroF1(truth, given),
          new java.util.HashSet<>(truth).size());
    } else if (!probabilitiesOut.isEmpty()) {
      long start = System.nanoTime();
      List<Prediction> predicted = CrossValidation.outOfFold(examples, options, folds, seed);
      result = CrossValidation.score(examples, predicted, folds, seed, (System.nanoTime() - start) / 1e9);
      writeProbabilities(Path.of(probabilitiesOut), examples, predicted, CrossValidation.folds(examples, folds, seed));
    } else {
      result = CrossValidation.evaluate(examples, options, folds, seed);
    }
    System.out.println(result.toTable());
    if (!report.isEmpty()) {
      write(Path.of(report), result.toJson());
    }
    if (trainTime) {
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int run = 0; run < 4; run++) {
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        LearnedCoder coder = LearnedCoder.train(examples,
            embeddings ? options.withEmbedder(new BgeSmallEmbedder()) : options);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        long cpu1 = os.getProcessCpuTime();
        start = System.nanoTime();
        coder.predictAll(examples.texts(), examples.contexts());
        double predictSeconds = (System.nanoTime() - start) / 1e9;
        long cpu2 = os.getProcessCpuTime();
        System.out.printf(Locale.ROOT, "train on all %d: %.2f s wall, %.2f s process CPU; predict them: %.0f "
            + "comments/s wall, %.0f per CPU-second; %d features%n", examples.examples().size(), trainSeconds,
            (cpu1 - cpu0) / 1e9, examples.examples().size() / predictSeconds,
            examples.examples().size() / ((cpu2 - cpu1) / 1e9), coder.features());
      }
    }
  }

  /**
   * How well codeframe suggestion rediscovers the people's codes: the multi-label comments with exactly one topic
   * code (not "Labelling not possible", "Positive experience & gratitude" or "Not assigned"), grouped with the
   * default number of groups by words and by embeddings; the agreement of groups and codes as normalised mutual
   * information (comments in no proposed group form a group of their own).
   */
  private static void suggest() {
    CodedExamples all = load("multilabel");
    java.util.Set<String> notTopics = java.util.Set.of("Labelling not possible", "Positive experience & gratitude",
        "Not assigned");
    List<String> texts = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (var example : all.examples()) {
      if (example.codes().size() == 1) {
        String code = example.codes().iterator().next().value();
        if (!notTopics.contains(code)) {
          texts.add(example.text());
          codes.add(code);
        }
      }
    }
    for (boolean embeddings : new boolean[] {false, true}) {
      long start = System.nanoTime();
      List<dev.insight.codeframe.learn.SuggestedCode> groups = embeddings
          ? dev.insight.codeframe.learn.CodeframeSuggester.suggest(texts, new BgeSmallEmbedder())
          : dev.insight.codeframe.learn.CodeframeSuggester.suggest(texts);
      double seconds = (System.nanoTime() - start) / 1e9;
      List<String> group = new ArrayList<>(java.util.Collections.nCopies(texts.size(), "none"));
      for (int g = 0; g < groups.size(); g++) {
        for (int member : groups.get(g).members()) {
          group.set(member, Integer.toString(g));
        }
      }
      System.out.printf(Locale.ROOT, "suggestion by %s: %d comments, %d codes, %d groups proposed; NMI with the "
          + "codes %.3f; %.1f s%n", embeddings ? "embeddings" : "words", texts.size(),
          new java.util.HashSet<>(codes).size(), groups.size(), nmi(codes, group), seconds);
    }
  }

  /** Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default). */
  static double nmi(List<String> a, List<String> b) {
    Map<String, Integer> ca = new HashMap<>();
    Map<String, Integer> cb = new HashMap<>();
    Map<String, Integer> joint = new HashMap<>();
    int n = a.size();
    for (int i = 0; i < n; i++) {
      ca.merge(a.get(i), 1, Integer::sum);
      cb.merge(b.get(i), 1, Integer::sum);
      joint.merge(a.get(i) + "\u0000" + b.get(i), 1, Integer::sum);
    }
    double mi = 0;
    for (var e : joint.entrySet()) {
      String[] parts = e.getKey().split("\u0000", -1);
      double pxy = e.getValue() / (double) n;
      mi += pxy * Math.log(pxy / (ca.get(parts[0]) / (double) n * cb.get(parts[1]) / (double) n));
    }
    double ha = entropy(ca.values(), n);
    double hb = entropy(cb.values(), n);
    return ha + hb == 0 ? 1 : mi / ((ha + hb) / 2);
  }

  private static double entropy(java.util.Collection<Integer> counts, int n) {
    double h = 0;
    for (int c : counts) {
      double p = c / (double) n;
      h -= p * Math.log(p);
    }
    return h;
  }

  static CodedExamples load(String set) {
    return load(set, false);
  }

  /** The data set, with the question each comment answers as its context if asked. */
  static CodedExamples load(String set, boolean context) {
    return switch (set) {
      case "multilabel" -> {
        Path file = DATA.resolve("fft-multilabel-v6.csv");
        List<String> header = header(file);
        yield read(file, CodedFileReader.columns(header.subList(11, header.size())), LabelMode.MULTI_LABEL,
            "FFT answer", context ? "FFT question" : "");
      }
      case "code" -> read(DATA.resolve("fft-two-level.csv"), CodedFileReader.label("code"), LabelMode.SINGLE_LABEL,
          "feedback", context ? "question" : "");
      case "label" -> read(DATA.resolve("fft-two-level.csv"), CodedFileReader.label("label"),
          LabelMode.SINGLE_LABEL, "feedback", context ? "question" : "");
      default -> throw new IllegalArgumentException("unknown data set " + set + "; use multilabel, code or label");
    };
  }

  /** The coded comments of a file without ids, one per row, as {@code insight code learn} reads them. */
  private static CodedExamples read(Path file, CodedFileReader reader, LabelMode mode, String text, String context) {
    reader.rowIds().text(text);
    if (!context.isEmpty()) {
      reader.context(context);
    }
    CodedData data = reader.read(file);
    return CodedExamples.of(mode, data.coding(), data.comments(), context);
  }

  static LearnerOptions variant(String name) {
    LearnerOptions defaults = LearnerOptions.defaults();
    FeatureOptions f = FeatureOptions.defaults();
    return switch (name) {
      case "default" -> defaults;
      case "chars1-5" -> defaults.withFeatures(new FeatureOptions(2, 1, 5, f.minDf(), 0.5));
      case "chars2-6" -> defaults.withFeatures(new FeatureOptions(2, 2, 6, f.minDf(), 0.5));
      case "chars3-6" -> defaults.withFeatures(new FeatureOptions(2, 3, 6, f.minDf(), 0.5));
      case "mindf1" -> defaults.withFeatures(new FeatureOptions(2, 2, 5, 1, 0.5));
      case "mindf3" -> defaults.withFeatures(new FeatureOptions(2, 2, 5, 3, 0.5));
      case "words0.4" -> defaults.withFeatures(new FeatureOptions(2, 2, 5, f.minDf(), 0.4));
      case "words0.6" -> defaults.withFeatures(new FeatureOptions(2, 2, 5, f.minDf(), 0.6));
      case "c0.2" -> defaults.withCost(0.2);
      case "words" -> defaults.withFeatures(new FeatureOptions(2, 2, 0, f.minDf(), 0.5));
      case "words1" -> defaults.withFeatures(new FeatureOptions(1, 2, 0, f.minDf(), 0.5));
      case "chars" -> defaults.withFeatures(new FeatureOptions(0, 2, 5, f.minDf(), 0.5));
      case "unbalanced" -> defaults.withBalanced(false);
      case "nonb" -> defaults.withNaiveBayes(false);
      case "cal5" -> defaults.withCalibrationFolds(5);
      case "words3" -> defaults.withFeatures(new FeatureOptions(3, 2, 5, f.minDf(), 0.5));
      case "c0.3" -> defaults.withCost(0.3);
      case "c0.1" -> defaults.withCost(0.1);
      case "c3" -> defaults.withCost(3);
      case "precision0.8" -> defaults.withThresholds(ThresholdPolicy.precision(0.8));
      case "percode" -> defaults.withThresholds(ThresholdPolicy.of(ThresholdPolicy.Kind.HALF_BEST_F1));
      case "peak" -> defaults.withThresholds(ThresholdPolicy.of(ThresholdPolicy.Kind.PEAK_F1));
      case "unbalanced-c0.3" -> defaults.withBalanced(false).withCost(0.3);
      case "before" -> defaults.withBalanced(true).withCost(1);
      case "balanced" -> defaults.withBalanced(true);
      case "c1" -> defaults.withCost(1);
      default -> throw new IllegalArgumentException("unknown variant " + name);
    };
  }

  private static double accuracy(List<String> truth, List<String> given) {
    int right = 0;
    for (int i = 0; i < truth.size(); i++) {
      right += truth.get(i).equals(given.get(i)) ? 1 : 0;
    }
    return (double) right / truth.size();
  }

  private static double macroF1(List<String> truth, List<String> given) {
    double sum = 0;
    java.util.Set<String> present = new java.util.TreeSet<>(truth);
    for (String label : present) {
      int tp = 0;
      int support = 0;
      int predicted = 0;
      for (int i = 0; i < truth.size(); i++) {
        boolean t = truth.get(i).equals(label);
        boolean g = given.get(i).equals(label);
        support += t ? 1 : 0;
        predicted += g ? 1 : 0;
        tp += t && g ? 1 : 0;
      }
      sum += support + predicted == 0 ? 0 : 2.0 * tp / (support + predicted);
    }
    return sum / present.size();
  }

  private static Map<String, String> codeToLabel() {
    Map<String, String> parent = new HashMap<>();
    CodedExamples codes = load("code");
    CodedExamples labels = load("label");
    for (int i = 0; i < codes.examples().size(); i++) {
      parent.put(codes.examples().get(i).codes().iterator().next().value(),
          labels.examples().get(i).codes().iterator().next().value());
    }
    return parent;
  }

  private static List<String> header(Path file) {
    try {
      String first = Files.newBufferedReader(file, StandardCharsets.UTF_8).readLine();
      return CsvLine.split(first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
  }

  /**
   * One line per comment: its fold, then per code the people's 0/1 and the out-of-fold probability, for studying
   * decision rules on the out-of-fold scores.
   */
  private static void writeProbabilities(Path file, CodedExamples examples, List<Prediction> predicted, int[] fold) {
    StringBuilder text = new StringBuilder();
    int k = examples.codes().size();
    for (int i = 0; i < predicted.size(); i++) {
      text.append(fold[i]);
      var truth = examples.examples().get(i).codes();
      for (int c = 0; c < k; c++) {
        text.append(',').append(truth.contains(examples.codes().get(c)) ? 1 : 0).append(',')
            .append(String.format(Locale.ROOT, "%.6g", predicted.get(i).probability(c)));
      }
      text.append('\n');
    }
    write(file, text.toString());
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits one CSV header line (quotes honoured). */
  static final class CsvLine {
    private CsvLine() {}

    static List<String> split(String line) {
      List<String> out = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          out.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      out.add(field.toString());
      return out;
    }
  }
}
