package dev.insight.benchmarks;

import dev.insight.codeframe.learn.CodedExamples;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.LearnerOptions;
import dev.insight.codeframe.learn.Prediction;
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
 * Training the learned coder on the whole multi-label patient-feedback file (6,340 comments, 50 code columns) and
 * predicting all of its comments (one operation = 6,340 comments: comments per second = 6,340 / seconds per
 * operation). Reads {@code ../shared/data/patient-feedback} at run time, so run it from the worktree root.
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar LearnedCoderBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class LearnedCoderBenchmark {
  private CodedExamples examples;
  private List<String> texts;
  private LearnedCoder coder;

  /** Loads the file and trains the model that {@link #predictAll()} uses. */
  @Setup
  public void setUp() {
    examples = LearnedCodingEvaluation.load("multilabel");
    texts = examples.texts();
    coder = LearnedCoder.train(examples, LearnerOptions.defaults());
  }

  /**
   * Trains on the whole file with the default options (two threads).
   *
   * @return the model
   */
  @Benchmark
  public LearnedCoder train() {
    return LearnedCoder.train(examples, LearnerOptions.defaults());
  }

  /**
   * Predicts all 6,340 comments on one thread.
   *
   * @return the predictions
   */
  @Benchmark
  public List<Prediction> predictAll() {
    return coder.predictAll(texts);
  }
}
