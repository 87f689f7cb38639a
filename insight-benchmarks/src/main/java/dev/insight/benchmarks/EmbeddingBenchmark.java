package dev.insight.benchmarks;

import dev.insight.embeddings.BgeSmallEmbedder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Embedding patient-feedback comments with {@link BgeSmallEmbedder} (bge-small-en-v1.5, quantised, ONNX Runtime on
 * all cores): one operation = the first 500 comments of the multi-label file, so comments per second = 500 /
 * seconds per operation. This is the cost that {@code --embeddings} adds to training and prediction. Reads
 * {@code ../shared/data/patient-feedback} at run time, so run it from the worktree root.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar EmbeddingBenchmark -f 1 -wi 2 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class EmbeddingBenchmark {
  private static final int COMMENTS = 500;
  private final BgeSmallEmbedder embedder = new BgeSmallEmbedder();
  private List<String> texts;

  /** Loads the comments and the network (its first use). */
  @Setup
  public void setUp() {
    texts = LearnedCodingEvaluation.load("multilabel").texts().subList(0, COMMENTS);
    embedder.embed(texts.subList(0, 1));
  }

  /**
   * Embeds 500 comments.
   *
   * @return the vectors
   */
  @Benchmark
  public float[][] embed500() {
    return embedder.embed(texts);
  }
}
