package dev.insight.bank;

import dev.insight.codeframe.learn.TextEmbedder;
import dev.insight.core.evidence.Consent;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Programme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** The case study's programme, comments, and a small deterministic embedder for search by meaning. */
final class Fixtures {
  private Fixtures() {}

  static Programme caseStudy() {
    try (InputStream in = Fixtures.class.getResourceAsStream("case-study-programme.json")) {
      return ProgrammeJson.read(in, "case-study-programme.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CommentSet comments(Consent consent) {
    return new CommentSet(ActivityId.of("staff-survey"), "Any comments on the priorities overall?", consent, List.of(
        new CodedComment("r1", "Without enough staff none of this will happen. Email me at jo@example.org",
            List.of("needs adequate staff/skills")),
        new CodedComment("r2", "Where is the money coming from?", List.of("needs adequate funding")),
        new CodedComment("r3", "Great ambition, good luck.", List.of("generally positive"))));
  }

  /**
   * A deterministic embedder that maps words about money to one direction and all other words to hashed ones, so
   * that "cost" finds "money" by meaning but not by words.
   */
  static TextEmbedder concepts(String name, int dimension) {
    return new TextEmbedder() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int dimension() {
        return dimension;
      }

      @Override
      public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
          float[] v = new float[dimension];
          for (String word : texts.get(i).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.isEmpty()) {
              continue;
            }
            boolean money = List.of("money", "cost", "funding", "afford", "expensive").contains(word);
            v[money ? 0 : 1 + Math.floorMod(word.hashCode(), dimension - 1)] += money ? 5 : 1;
          }
          double norm = 0;
          for (float x : v) {
            norm += x * x;
          }
          if (norm == 0) {
            v[dimension - 1] = 1;
            norm = 1;
          }
          for (int j = 0; j < dimension; j++) {
            v[j] /= (float) Math.sqrt(norm);
          }
          out[i] = v;
        }
        return out;
      }
    };
  }
}
