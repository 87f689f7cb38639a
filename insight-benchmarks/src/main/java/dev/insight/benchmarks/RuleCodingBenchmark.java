package dev.insight.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.rules.RuleMatch;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule coding throughput: one rule per code, for 50 to 400 codes, applied on one thread to 1,000,000 comments
 * resampled (with replacement, fixed seed) from the real NHS comments of {@code /work/shared/data/patient-feedback}
 * (both files; another folder through {@code -Dinsight.data=...}). The rules are generated from the comments'
 * vocabulary: words of rank 30 to 1,530 by frequency (the commonest are too common to code with) and the 500
 * commonest word pairs, in five templates: {@code a OR b OR c}, {@code "a b" OR c}, {@code a* AND (b OR c)},
 * {@code a NEAR/5 b}, {@code (a OR b) NOT c}. One operation is one comment, so the score is comments per second.
 *
 * <p>{@code count} uses the inverted index of rule terms; {@code countWithoutIndex} evaluates every rule for every
 * comment (after the same analysis), the baseline; {@code match} adds the explanation of every match (rule and
 * words).
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar RuleCodingBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RuleCodingBenchmark {
  private static final int COMMENTS = 1_000_000;

  @Param({"50", "100", "200", "400"})
  int codes;

  private String[] comments;
  private RuleCoder coder;
  private int next;

  @Setup
  public void setUp() {
    Path folder = Path.of(System.getProperty("insight.data", "/work/shared/data/patient-feedback"));
    List<String> real = new ArrayList<>();
    real.addAll(column(folder.resolve("fft-two-level.csv"), "feedback"));
    real.addAll(column(folder.resolve("fft-multilabel-v6.csv"), "FFT answer"));
    SplittableRandom random = new SplittableRandom(20261123);
    comments = new String[COMMENTS];
    for (int i = 0; i < COMMENTS; i++) {
      comments[i] = real.get(random.nextInt(real.size()));
    }
    Codeframe.Builder frame = Codeframe.builder("generated");
    for (Map.Entry<CodeId, String> rule : rules(real, codes, new SplittableRandom(codes)).entrySet()) {
      frame.add(Code.builder(rule.getKey(), "Code " + rule.getKey()).rule(rule.getValue()).build());
    }
    coder = RuleCoder.of(frame.build());
    long assigned = 0;
    for (int i = 0; i < 20_000; i++) {
      assigned += coder.count(comments[i]);
    }
    System.out.printf(Locale.ROOT, "%n%d real comments resampled to %d; %d rules; %.2f codes per comment%n",
        real.size(), COMMENTS, coder.ruleCount(), assigned / 20_000.0);
  }

  private static List<String> column(Path file, String name) {
    List<String> values = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true)
            .ofNamedCsvRecord(reader)) {
      for (NamedCsvRecord row : csv) {
        String value = row.findField(name).orElse("");
        if (!value.isBlank()) {
          values.add(value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }

  /** Plausible rules from the data's vocabulary. */
  static Map<CodeId, String> rules(List<String> comments, int count, SplittableRandom random) {
    Map<String, Integer> words = new HashMap<>();
    Map<String, Integer> pairs = new HashMap<>();
    for (String comment : comments) {
      String previous = null;
      for (String word : comment.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
        if (word.length() < 3) {
          previous = null;
          continue;
        }
        words.merge(word, 1, Integer::sum);
        if (previous != null) {
          pairs.merge(previous + " " + word, 1, Integer::sum);
        }
        previous = word;
      }
    }
    List<String> vocabulary = words.entrySet().stream().filter(e -> e.getKey().length() >= 4)
        .sorted((a, b) -> b.getValue() - a.getValue()).skip(30).limit(1500).map(Map.Entry::getKey).toList();
    List<String> phrases = pairs.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(500)
        .map(Map.Entry::getKey).toList();
    Map<CodeId, String> rules = new java.util.LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String a = vocabulary.get(random.nextInt(vocabulary.size()));
      String b = vocabulary.get(random.nextInt(vocabulary.size()));
      String c = vocabulary.get(random.nextInt(vocabulary.size()));
      String rule;
      switch (i % 5) {
        case 0:
          rule = a + " OR " + b + " OR " + c;
          break;
        case 1:
          rule = "\"" + phrases.get(random.nextInt(phrases.size())) + "\" OR " + c;
          break;
        case 2:
          rule = a.substring(0, Math.max(3, a.length() - 2)) + "* AND (" + b + " OR " + c + ")";
          break;
        case 3:
          rule = a + " NEAR/5 " + b;
          break;
        default:
          rule = "(" + a + " OR " + b + ") NOT " + c;
          break;
      }
      rules.put(CodeId.of("c" + (i + 1)), rule);
    }
    return rules;
  }

  RuleCoder coder() {
    return coder;
  }

  String[] comments() {
    return comments;
  }

  private String nextComment() {
    String comment = comments[next];
    next = next + 1 == COMMENTS ? 0 : next + 1;
    return comment;
  }

  @Benchmark
  public int count() {
    return coder.count(nextComment());
  }

  @Benchmark
  public int countWithoutIndex() {
    return coder.countWithoutIndex(nextComment());
  }

  @Benchmark
  public List<RuleMatch> match() {
    return coder.match(nextComment());
  }
}
