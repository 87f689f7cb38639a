package dev.insight.benchmarks;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.ReadMode;
import dev.insight.examples.casestudy.CaseStudyFiles;
import java.io.StringReader;
import java.nio.file.Path;
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
 * Reading a survey export (CSV) into a {@link Dataset}: the case study's 759-respondent staff survey, and a
 * synthetic export of 1,000,000 respondents by 20 variables (36 CSV columns, 130 MB).
 *
 * <p>Run: {@code java -jar insight-benchmarks/target/benchmarks.jar SurveyReadBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SurveyReadBenchmark {
  private String caseStudyCsv;
  private SurveyMapping caseStudyMapping;
  private Path millionCsv;
  private SurveyMapping millionMapping;

  /** Loads the case study text and writes the synthetic file once per trial. */
  @Setup
  public void setUp() {
    caseStudyCsv = CaseStudyFiles.text(CaseStudyFiles.SURVEY);
    caseStudyMapping = CaseStudyFiles.surveyMapping();
    millionCsv = SyntheticSurvey.write(1_000_000, 42);
    millionMapping = SyntheticSurvey.mapping();
  }

  /**
   * The case study's survey (759 respondents, 28 columns including the comments).
   *
   * @return the dataset
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Dataset caseStudySurvey() {
    return SurveyCsvReader.read(new StringReader(caseStudyCsv), "staff-survey.csv", caseStudyMapping,
        ReadMode.STRICT).value();
  }

  /**
   * One million respondents by 20 variables, from a file.
   *
   * @return the dataset
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Dataset millionRespondents() {
    return SurveyCsvReader.read(millionCsv, millionMapping, ReadMode.STRICT).value();
  }
}
