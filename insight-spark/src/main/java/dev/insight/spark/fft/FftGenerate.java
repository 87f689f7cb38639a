package dev.insight.spark.fft;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a synthetic month of Friends and Family Test responses as Parquet, for trying the job and measuring it
 * (see {@code docs/spark.md}).
 *
 * <pre>
 * spark-submit --class dev.insight.spark.fft.FftGenerate insight-spark-job.jar \
 *     OUTPUT RESPONSES [SEED] [PHRASES.csv] [BAD_FRACTION]
 * </pre>
 *
 * <p>With a phrases file (a CSV with columns {@code FFT answer} and {@code FFT categorical answer}, as the
 * published FFT training data), comments follow that file's word pairs; without one, the built-in sentences.
 */
public final class FftGenerate {
  private FftGenerate() {}

  /**
   * Writes the month.
   *
   * @param args output directory, number of responses, then optionally seed, phrases file and bad-row fraction
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: FftGenerate OUTPUT RESPONSES [SEED] [PHRASES.csv] [BAD_FRACTION]");
      System.exit(1);
    }
    long responses = Long.parseLong(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    PhraseModel phrases = args.length > 3 && Files.exists(Path.of(args[3]))
        ? PhraseModel.learn(Path.of(args[3]), "FFT answer", "FFT categorical answer") : PhraseModel.builtIn();
    double bad = args.length > 4 ? Double.parseDouble(args[4]) : 0.001;
    SparkSession spark = SparkSession.builder().appName("insight FFT generator").getOrCreate();
    int partitions = Math.max(spark.sparkContext().defaultParallelism(), (int) (responses / 250_000) + 1);
    FftGenerator.england(seed, phrases, "2026-10").withBadRows(bad).month(spark, responses, partitions).write()
        .parquet(args[0]);
    System.out.println("wrote " + responses + " responses to " + args[0] + "; comments from " + phrases.source());
  }
}
