package dev.insight.spark.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator's hierarchy and responses, without Spark: each response is a function of the seed and its id. */
class FftGeneratorTest {
  @Test
  void england_hasTheShapeOfTheNhsHierarchy() {
    FftGenerator england = FftGenerator.england(1, PhraseModel.builtIn(), "2026-10");
    List<List<String>> paths = england.paths();
    assertThat(paths).hasSize(15_000);
    for (int level = 0; level < 4; level++) {
      int l = level;
      assertThat(paths.stream().map(p -> p.get(l)).distinct().count()).isEqualTo(new long[] {42, 200, 1_500,
          15_000}[level]);
    }
  }

  @Test
  void response_sameSeedAndId_sameRow_whicheverOrder() {
    FftGenerator a = FftGenerator.of(5, PhraseModel.builtIn(), "2026-10", 2, 4, 8, 30);
    FftGenerator b = FftGenerator.of(5, PhraseModel.builtIn(), "2026-10", 2, 4, 8, 30);
    assertThat(b.response(1234)).isEqualTo(a.response(1234));
    assertThat(a.response(7)).isEqualTo(b.response(7));
    assertThat(a.response(7)).isNotEqualTo(a.response(8));
  }

  @Test
  void responses_ratingsOnTheScaleMostlyPositive_commentsForMost() {
    FftGenerator g = FftGenerator.of(9, PhraseModel.builtIn(), "2026-10", 2, 4, 8, 30);
    int positive = 0;
    int comments = 0;
    Set<String> wards = new HashSet<>();
    for (long id = 0; id < 5_000; id++) {
      var row = g.response(id);
      String rating = row.getString(6);
      assertThat(FftPublication.SCALE).contains(rating);
      positive += rating.equals("1") || rating.equals("2") ? 1 : 0;
      comments += row.isNullAt(7) ? 0 : 1;
      wards.add(row.getString(5));
    }
    assertThat(positive / 5_000.0).isBetween(0.85, 0.97);
    assertThat(comments / 5_000.0).isBetween(0.70, 0.80);
    // skewed sizes: most wards are reached in 5,000 responses, the smallest may not be
    assertThat(wards.size()).isBetween(20, 30);
  }

  @Test
  void of_levelSmallerThanTheOneAbove_fails() {
    assertThatThrownBy(() -> FftGenerator.of(1, PhraseModel.builtIn(), "m", 5, 4, 8, 30)).hasMessage(
        "each level needs at least as many organisations as the one above: 5 ICBs, 4 trusts, 8 sites, 30 wards");
  }

  @Test
  void learn_wordPairsOfRatedComments_writeCommentsFromThoseWords() throws Exception {
    Path file = Path.of(FftGeneratorTest.class.getResource("comments.csv").toURI());
    PhraseModel model = PhraseModel.learn(file, "comment", "rating");
    assertThat(model.source()).isEqualTo("word pairs of 3, 1 and 2 comments of comments.csv");
    Set<String> vocabulary = Set.of("The", "nurses", "were", "kind", "and", "the", "ward", "was", "clean.", "Seen",
        "quickly", "doctor", "explained", "everything.", "Good", "care", "but", "food", "cold.");
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      String comment = model.comment(PhraseModel.POSITIVE, random);
      assertThat(comment).isNotBlank();
      assertThat(vocabulary).containsAll(List.of(comment.split(" ")));
    }
  }
}
