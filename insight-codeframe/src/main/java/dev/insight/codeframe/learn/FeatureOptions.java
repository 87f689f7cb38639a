package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * How comments become features: word n-grams up to {@code wordNgrams} words (0 for none) and character n-grams of
 * {@code charMin..charMax} characters within words (0 for none), kept when seen in at least {@code minDf}
 * training comments; {@code wordWeight} is the share of the vector's squared length given to the word block.
 *
 * @param wordNgrams the longest word n-gram, 0 to 3
 * @param charMin the shortest character n-gram, at least 1 (ignored when {@code charMax} is 0)
 * @param charMax the longest character n-gram, 0 for none, at most 8
 * @param minDf the least number of training comments an n-gram must occur in
 * @param wordWeight the word block's share of the squared length, in (0, 1) when both blocks are on
 */
public record FeatureOptions(int wordNgrams, int charMin, int charMax, int minDf, double wordWeight) {

  /**
   * Validates the ranges.
   *
   * @param wordNgrams the longest word n-gram, 0 to 3
   * @param charMin the shortest character n-gram, at least 1 (ignored when {@code charMax} is 0)
   * @param charMax the longest character n-gram, 0 for none, at most 8
   * @param minDf the least number of training comments an n-gram must occur in
   * @param wordWeight the word block's share of the squared length, in (0, 1) when both blocks are on
   */
  public FeatureOptions {
    checkArgument(wordNgrams >= 0 && wordNgrams <= 3, "wordNgrams must be 0 to 3: %s", wordNgrams);
    checkArgument(charMax >= 0 && charMax <= 8, "charMax must be 0 to 8: %s", charMax);
    checkArgument(charMax == 0 || (charMin >= 1 && charMin <= charMax),
        "charMin must be 1 to charMax (%s): %s", charMax, charMin);
    checkArgument(wordNgrams > 0 || charMax > 0, "at least one of word and character n-grams must be on");
    checkArgument(minDf >= 1, "minDf must be at least 1: %s", minDf);
    checkArgument(wordWeight > 0 && wordWeight < 1, "wordWeight must be in (0, 1): %s", wordWeight);
  }

  /**
   * The defaults: word 1-2-grams and character 2-5-grams, each seen at least twice, the two blocks weighted
   * equally.
   *
   * @return the default options
   */
  public static FeatureOptions defaults() {
    return new FeatureOptions(2, 2, 5, 2, 0.5);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(wordNgrams);
    out.writeInt(charMin);
    out.writeInt(charMax);
    out.writeInt(minDf);
    out.writeDouble(wordWeight);
  }

  static FeatureOptions read(ModelInput in) throws ModelInput.CorruptModelException {
    try {
      return new FeatureOptions(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readDouble());
    } catch (IllegalArgumentException e) {
      throw new ModelInput.CorruptModelException("bad feature options: " + e.getMessage());
    }
  }
}
