package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodingScheduleTest {
  /** One common code and eight rare ones, each with its own words, as in real codeframes. */
  private static final List<CodeId> CODES = List.of(CodeId.of("staff"), CodeId.of("parking"), CodeId.of("food"),
      CodeId.of("noise"), CodeId.of("pain"), CodeId.of("discharge"), CodeId.of("transport"), CodeId.of("wifi"),
      CodeId.of("cleanliness"));
  private static final String[][] WORDS = {
      {"staff", "nurse", "friendly", "doctor", "kind", "caring"},
      {"parking", "car park", "parked", "pay and display"},
      {"food", "meals", "cold dinner", "breakfast"},
      {"noise", "noisy", "loud", "could not sleep"},
      {"pain", "painkillers", "hurt", "sore"},
      {"discharge", "sent home", "discharged", "leaving the ward"},
      {"ambulance", "transport", "taxi", "bus"},
      {"wifi", "internet", "signal", "television"},
      {"dirty", "clean", "cleanliness", "toilets"}};
  private static final String[] FILLER = {"the", "was", "very", "today", "hospital", "visit", "really", "and",
      "service", "my", "it"};

  @Test
  void retrainAfter_isTenOrATenthOfWhatIsCoded() {
    assertThat(CodingSchedule.retrainAfter(30)).isEqualTo(10);
    assertThat(CodingSchedule.retrainAfter(100)).isEqualTo(10);
    assertThat(CodingSchedule.retrainAfter(800)).isEqualTo(80);
    assertThatThrownBy(() -> CodingSchedule.retrainAfter(-1)).hasMessage("coded cannot be negative: -1");
  }

  @Test
  void start_drawsDistinctCommentsAtRandomWithTheSeed() {
    List<String> pool = examples(100, 3).texts();

    List<Integer> start = CodingSchedule.start(pool, 10, 7);

    assertThat(start).hasSize(10).doesNotHaveDuplicates().allSatisfy(i -> assertThat(i).isBetween(0, 99))
        .isEqualTo(CodingSchedule.start(pool, 10, 7))
        .isNotEqualTo(CodingSchedule.start(pool, 10, 8));
    assertThat(CodingSchedule.start(pool.subList(0, 4), 10, 7)).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(CodingSchedule.start(List.of(), 10, 7)).isEmpty();
    assertThatThrownBy(() -> CodingSchedule.start(pool, 0, 7)).hasMessage("howMany must be at least 1: 0");
  }

  @Test
  void next_alternatesTheMostExpectedErrorsWithRandomOnes_andSkipsRepeatsOfCodedComments() {
    CodedExamples coded = examples(60, 5);
    LearnedCoder model = LearnedCoder.train(coded, Synthetic.options());
    List<String> uncoded = examples(200, 6).texts();
    List<Prediction> predictions = model.predictAll(uncoded);
    int most = mostExpectedErrors(predictions, -1);
    // the comment with the most expected wrong codes has been coded already (with different spacing)
    List<String> codedTexts = new ArrayList<>(coded.texts());
    codedTexts.add(" " + uncoded.get(most));

    List<Integer> next = CodingSchedule.next(model, codedTexts, uncoded, 8, 42);

    assertThat(next).hasSize(8).doesNotHaveDuplicates().isEqualTo(CodingSchedule.next(model, codedTexts, uncoded,
        8, 42));
    // the first is the comment with the most expected wrong codes once the repeat of a coded comment is left out
    assertThat(next.get(0)).isEqualTo(mostExpectedErrors(predictions, most));
    // the model's picks (every other, from the first) leave out the repeat
    for (int j = 0; j < next.size(); j += 2) {
      assertThat(next.get(j)).isNotEqualTo(most);
    }
    assertThat(CodingSchedule.next(model, codedTexts, uncoded, 8, 43)).isNotEqualTo(next);
    assertThatThrownBy(() -> CodingSchedule.next(model, codedTexts, uncoded, 0, 42))
        .hasMessage("howMany must be at least 1: 0");
  }

  private static int mostExpectedErrors(List<Prediction> predictions, int leftOut) {
    int most = -1;
    for (int i = 0; i < predictions.size(); i++) {
      if (i != leftOut && (most < 0 || expectedErrors(predictions.get(i)) > expectedErrors(predictions.get(most)))) {
        most = i;
      }
    }
    return most;
  }

  /** 1 - p for each code given, p for each code not given. */
  private static double expectedErrors(Prediction prediction) {
    double sum = 0;
    for (int c = 0; c < CODES.size(); c++) {
      double p = prediction.probability(c);
      sum += prediction.isAssigned(c) ? 1 - p : p;
    }
    return sum;
  }

  /**
   * A small coding loop on comments with one common code and eight rare ones: after 60 and 100 comments coded in
   * the schedule's order, the model codes held-out comments better (micro-F1, mean over three pools) than after
   * the same number coded in random order, by more than 0.05 (the schedule leads by 0.07 and 0.13; the same loop
   * with every pick drawn at random leads by 0.02 and 0.03, by chance, so this fails if the order regresses to
   * random).
   */
  @Test
  void smallLoop_theScheduleBeatsRandomOrder() {
    int[] checkpoints = {60, 100};
    double[] tool = new double[checkpoints.length];
    double[] random = new double[checkpoints.length];
    for (long seed = 1; seed <= 3; seed++) {
      CodedExamples pool = examples(600, seed);
      CodedExamples heldOut = examples(300, 100 + seed);
      List<Integer> shuffled = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        shuffled.add(i);
      }
      Collections.shuffle(shuffled, new Random(seed));
      List<Integer> uncoded = new ArrayList<>(shuffled);
      List<Integer> coded = new ArrayList<>();
      for (int i : CodingSchedule.start(texts(pool, uncoded), CodingSchedule.FIRST_MODEL_AT, seed)) {
        coded.add(uncoded.get(i));
      }
      uncoded.removeAll(Set.copyOf(coded));
      int next = 0;
      while (next < checkpoints.length) {
        LearnedCoder model = LearnedCoder.train(pool.subset(ints(coded)), Synthetic.options());
        if (coded.size() == checkpoints[next]) {
          tool[next] += microF1(model, heldOut) / 3;
          LearnedCoder byChance = LearnedCoder.train(pool.subset(ints(shuffled.subList(0, checkpoints[next]))),
              Synthetic.options());
          random[next] += microF1(byChance, heldOut) / 3;
          if (++next == checkpoints.length) {
            break;
          }
        }
        int batch = Math.min(CodingSchedule.retrainAfter(coded.size()), checkpoints[next] - coded.size());
        List<Integer> picked = new ArrayList<>();
        for (int i : CodingSchedule.next(model, texts(pool, coded), texts(pool, uncoded), batch, seed)) {
          picked.add(uncoded.get(i));
        }
        coded.addAll(picked);
        uncoded.removeAll(Set.copyOf(picked));
      }
    }

    for (int c = 0; c < checkpoints.length; c++) {
      assertThat(tool[c]).as("micro-F1 after %s comments in the schedule's order (random order: %s)",
          checkpoints[c], random[c]).isGreaterThan(random[c] + 0.05);
    }
  }

  private static CodedExamples examples(int n, long seed) {
    Random random = new Random(seed);
    List<CodedExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<Integer> codes = new HashSet<>();
      // the common code in 84% of comments, each rare one in 2%
      codes.add(random.nextInt(100) < 84 ? 0 : 1 + random.nextInt(8));
      if (random.nextInt(10) == 0) {
        codes.add(random.nextInt(100) < 50 ? 0 : 1 + random.nextInt(8));
      }
      Set<CodeId> ids = new HashSet<>();
      codes.forEach(c -> ids.add(CODES.get(c)));
      out.add(new CodedExample(comment(random, codes), ids));
    }
    return new CodedExamples(LabelMode.MULTI_LABEL, CODES, out);
  }

  private static String comment(Random random, Set<Integer> codes) {
    StringBuilder text = new StringBuilder();
    for (int c : codes) {
      for (int j = 0; j < 2; j++) {
        text.append(WORDS[c][random.nextInt(WORDS[c].length)]).append(' ');
        text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
      }
    }
    return text.append(FILLER[random.nextInt(FILLER.length)]).toString();
  }

  private static double microF1(LearnedCoder model, CodedExamples heldOut) {
    List<Prediction> predictions = model.predictAll(heldOut.texts());
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < predictions.size(); i++) {
      Set<CodeId> truth = heldOut.examples().get(i).codes();
      List<CodeId> given = predictions.get(i).assigned();
      for (CodeId code : given) {
        if (truth.contains(code)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (CodeId code : truth) {
        fn += given.contains(code) ? 0 : 1;
      }
    }
    return 2.0 * tp / (2.0 * tp + fp + fn);
  }

  private static List<String> texts(CodedExamples examples, List<Integer> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(examples.examples().get(r).text()));
    return out;
  }

  private static int[] ints(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }
}
