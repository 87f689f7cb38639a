package dev.insight.spark.fft;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.interchange.CodeframeJson;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.spark.SparkCoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How the comments of a publication are coded into themes: a codeframe's rules or a multi-label learned model.
 *
 * <p>Immutable.
 */
public final class ThemeCoder {
  private final Codeframe codeframe;
  private final LearnedCoder model;
  private final double abstainBelow;

  private ThemeCoder(Codeframe codeframe, LearnedCoder model, double abstainBelow) {
    this.codeframe = codeframe;
    this.model = model;
    this.abstainBelow = abstainBelow;
  }

  /**
   * Coding with a codeframe's rules; the themes are its codable codes (nets are not published).
   *
   * @param codeframe a codeframe with rules
   * @return the coder
   */
  public static ThemeCoder rules(Codeframe codeframe) {
    return new ThemeCoder(checkNotNull(codeframe, "codeframe"), null, 0);
  }

  /**
   * Coding with a learned multi-label model; the themes are its codes.
   *
   * @param model the model
   * @param abstainBelow as {@code insight code predict --abstain-below}; an abstained comment keeps its codes here
   *     and is counted in the summary
   * @return the coder
   * @throws IllegalArgumentException when the model is single-label
   */
  public static ThemeCoder learned(LearnedCoder model, double abstainBelow) {
    checkArgument(model.mode() == LabelMode.MULTI_LABEL, "themes need a multi-label model; this one is %s",
        model.mode());
    return new ThemeCoder(null, model, abstainBelow);
  }

  /**
   * The built-in Friends and Family Test themes (nine codes with rules, written for this project).
   *
   * @return the coder
   */
  public static ThemeCoder builtInThemes() {
    try (InputStream in = ThemeCoder.class.getResourceAsStream("fft-themes.json")) {
      checkNotNull(in, "fft-themes.json is missing from the jar");
      return rules(CodeframeJson.read(new InputStreamReader(in, StandardCharsets.UTF_8), "fft-themes.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The theme columns the coder adds, in order.
   *
   * @return the code ids
   */
  public List<String> themes() {
    return codeframe != null ? codeframe.codable().stream().map(c -> c.id().value()).toList()
        : model.codes().stream().map(c -> c.value()).toList();
  }

  /**
   * What codes the comments, for the summary.
   *
   * @return a description
   */
  public String describe() {
    return codeframe != null ? "rules of codeframe " + codeframe.name() + " " + codeframe.version()
        : "learned model " + model.modelId();
  }

  /* for tests: the codeframe of a rule coder */
  Codeframe codeframe() {
    return codeframe;
  }

  boolean isLearned() {
    return model != null;
  }

  Dataset<Row> code(Dataset<Row> rows, String commentColumn) {
    return codeframe != null ? SparkCoding.applyRules(rows, commentColumn, codeframe)
        : SparkCoding.predict(rows, commentColumn, model, abstainBelow);
  }
}
