package dev.insight.benchmarks;

import dev.insight.core.redact.RedactedText;
import dev.insight.core.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Redacting one long comment with a speaker list of 40 names: an ordinary comment (words, names, e-mails, phone
 * numbers and postcodes) and the hostile shapes that made the earlier patterns slow or overflow the stack (a run of
 * {@code a.} after an {@code @}; a name joined to itself by hyphens; a name followed by a long run of spaces).
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar RedactionBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RedactionBenchmark {
  private static final String[] FIRST = {"Zoë", "Kwame", "Siobhán", "Amira", "Dafydd", "Łucja", "Chidi", "Mei",
      "Sarah", "Tom"};
  private static final String[] LAST = {"Adams", "Mensah-Owusu", "Ó Súilleabháin", "Haddad", "ap Gruffydd",
      "Nowak", "Okafor", "Lin", "Kowalczyk", "O'Brien"};
  private static final String[] WORDS = ("the waiting list for camhs is long and families call us because they have "
      + "nowhere else to go cost of living comes up in most of our calls we need trusted community members and "
      + "better information in plain language about services").split(" ");

  /** The comment's length in characters. */
  @Param("1000000")
  int length;

  /** The comment's shape: ordinary text, or one of the hostile shapes. */
  @Param({"ordinary", "email-dots", "hyphen-run", "space-run"})
  String shape;

  private Redactor redactor;
  private String comment;

  @Setup
  public void setUp() {
    List<String> names = new ArrayList<>();
    for (String first : FIRST) {
      for (int i = 0; i < 4; i++) {
        names.add(first + " " + LAST[(first.length() + i * 3) % LAST.length]);
      }
    }
    redactor = Redactor.of(names);
    comment = switch (shape) {
      case "ordinary" -> ordinary(names);
      case "email-dots" -> "x@" + "a.".repeat(length / 2);
      case "hyphen-run" -> "Mensah" + "-Mensah".repeat(length / 7);
      case "space-run" -> "Zoë" + " ".repeat(length) + "Adams";
      default -> throw new IllegalArgumentException("unknown shape: " + shape);
    };
  }

  private String ordinary(List<String> names) {
    SplittableRandom random = new SplittableRandom(11);
    StringBuilder text = new StringBuilder(length + 100);
    while (text.length() < length) {
      int pick = random.nextInt(100);
      if (pick < 3) {
        text.append(names.get(random.nextInt(names.size())));
      } else if (pick < 5) {
        text.append(FIRST[random.nextInt(FIRST.length)].toUpperCase(Locale.ROOT)).append("'S");
      } else if (pick < 6) {
        text.append("someone.").append(random.nextInt(1000)).append("@example.org.uk");
      } else if (pick < 7) {
        text.append("020.7946.0").append(100 + random.nextInt(900));
      } else if (pick < 8) {
        text.append("sw1a  1aa");
      } else {
        text.append(WORDS[random.nextInt(WORDS.length)]);
      }
      text.append(random.nextInt(12) == 0 ? ". " : " ");
    }
    return text.toString();
  }

  /**
   * Redacts the comment.
   *
   * @return the redacted text
   */
  @Benchmark
  public RedactedText redact() {
    return redactor.redact(comment);
  }
}
