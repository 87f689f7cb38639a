package dev.insight.benchmarks;

import dev.insight.bank.AddResult;
import dev.insight.bank.Bank;
import dev.insight.bank.BankQuery;
import dev.insight.bank.ItemKind;
import dev.insight.bank.SearchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The insight bank at scale: 200 synthetic programmes ({@link SyntheticBank}: 20,000 findings and quotes, 500,000
 * coded comments) added once per trial, by words only; then adding (replacing) one more programme of the same size,
 * and searches with and without filters, sampled so that JMH reports percentiles (p95). The size of the index on
 * disk is printed after the bank is built.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar BankBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class BankBenchmark {
  /** How many programmes the bank holds before the measured operations. */
  @Param({"200"})
  public int programmes;

  private Path dir;
  private Bank bank;
  private SyntheticBank.Generated extra;
  private int next;
  private final List<BankQuery> queries = List.of(
      BankQuery.words("waiting list for an appointment"),
      BankQuery.words("lonely older people").withKinds(Set.of(ItemKind.FINDING, ItemKind.QUOTE)),
      BankQuery.words("cost of food and energy bills").withPlace("Coastal District"),
      BankQuery.words("interpreter language").withAudience("Black and minority ethnic communities"),
      BankQuery.words("staff vacancy shortage").withTheme("staff shortages").withActivityKind("survey"),
      BankQuery.words("mental health counselling").withDates(java.time.LocalDate.of(2020, 1, 1), null),
      BankQuery.words("").withTheme("transport").withKinds(Set.of(ItemKind.PREVALENCE)),
      BankQuery.words("damp housing homeless").withProgramme("prog-042"));

  /** Builds the bank once per trial and prints its size on disk. */
  @Setup(Level.Trial)
  public void build() throws IOException {
    dir = Files.createTempDirectory("insight-bank-bench");
    long started = System.nanoTime();
    bank = Bank.open(dir.resolve("bank"), null);
    for (int i = 0; i < programmes; i++) {
      SyntheticBank.Generated g = SyntheticBank.programme(i, 42);
      bank.add(g.programme(), List.of(g.comments()), false);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "%nbank of %d programmes built in %.1f s; %.1f MB on disk%n", programmes, seconds,
        size(dir) / 1e6);
    extra = SyntheticBank.programme(programmes, 42);
  }

  /** Closes and deletes the bank, after printing its size (grown by the additions measured). */
  @TearDown(Level.Trial)
  public void delete() throws IOException {
    bank.close();
    System.out.printf(Locale.ROOT, "%nbank after the measured additions: %.1f MB on disk%n", size(dir) / 1e6);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds (replaces) a programme of 2,500 coded comments and 100 findings and quotes: redaction, indexing, one commit.
   *
   * @return what was stored
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public AddResult addProgramme() {
    return bank.add(extra.programme(), List.of(extra.comments()), false);
  }

  /**
   * One search of eight in turn (words, filters, both), top 20 hits with their stored fields.
   *
   * @return the hits
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SearchResult search() {
    return bank.search(queries.get(next++ & 7));
  }
}
