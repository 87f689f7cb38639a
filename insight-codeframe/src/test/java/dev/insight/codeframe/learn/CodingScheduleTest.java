package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
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
  void next_alternatesAModelDrawWithTheNextCommentsOfTheRandomOrder() {
    LearnedCoder model = LearnedCoder.train(examples(60, 5), Synthetic.options());
    List<String> uncoded = examples(200, 6).texts();

    List<Integer> next = CodingSchedule.next(model, List.of(), uncoded, 8, 42);

    assertThat(next).hasSize(8).doesNotHaveDuplicates()
        .isEqualTo(CodingSchedule.next(model, List.of(), uncoded, 8, 42));
    // the others (every other, from the second) are the first comments of the order the model has not drawn
    List<Integer> drawn = List.of(next.get(0), next.get(2), next.get(4), next.get(6));
    List<Integer> inOrder = new ArrayList<>();
    for (int i = 0; inOrder.size() < 4; i++) {
      if (!drawn.contains(i)) {
        inOrder.add(i);
      }
    }
    assertThat(List.of(next.get(1), next.get(3), next.get(5), next.get(7))).isEqualTo(inOrder);
    assertThat(CodingSchedule.next(model, List.of(), uncoded, 8, 43)).isNotEqualTo(next);
    assertThat(CodingSchedule.next(model, List.of(), uncoded.subList(0, 3), 8, 42))
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(CodingSchedule.next(model, List.of(), List.of(), 8, 42)).isEmpty();
    assertThatThrownBy(() -> CodingSchedule.next(model, List.of(), uncoded, 0, 42))
        .hasMessage("howMany must be at least 1: 0");
  }

  /**
   * The model's draw follows the square of the expected number of wrong codes: over 2,000 seeds, the share of draws
   * landing in each fifth of the comments (ranked by expected errors) is within 0.03 of that fifth's share of the
   * weight. Always drawing the most uncertain comment, or drawing uniformly, misses by far more. (The comments all
   * have six words here, so they are all in one half by length.)
   */
  @Test
  void next_theModelDrawsInProportionToTheSquareOfTheExpectedErrors() {
    LearnedCoder model = LearnedCoder.train(examples(60, 5), Synthetic.options());
    List<String> uncoded = new ArrayList<>();
    for (String text : examples(100, 6).texts()) {
      List<String> words = new ArrayList<>(List.of(text.trim().split("\\s+")));
      while (words.size() < 6) {
        words.add("the");
      }
      uncoded.add(String.join(" ", words.subList(0, 6)));
    }
    List<Prediction> predictions = model.predictAll(uncoded);
    double[] weight = new double[uncoded.size()];
    Integer[] rank = new Integer[uncoded.size()];
    double total = 0;
    for (int i = 0; i < weight.length; i++) {
      double e = expectedErrors(predictions.get(i));
      weight[i] = e * e;
      total += weight[i];
      rank[i] = i;
    }
    Arrays.sort(rank, (a, b) -> Double.compare(weight[b], weight[a]));
    int[] fifthOf = new int[weight.length];
    double[] expected = new double[5];
    for (int j = 0; j < rank.length; j++) {
      fifthOf[rank[j]] = j * 5 / rank.length;
      expected[j * 5 / rank.length] += weight[rank[j]] / total;
    }
    double[] observed = new double[5];
    int draws = 2000;
    for (long seed = 1; seed <= draws; seed++) {
      observed[fifthOf[CodingSchedule.next(model, List.of(), uncoded, 1, seed).get(0)]] += 1.0 / draws;
    }

    assertThat(expected[0]).as("the top fifth's share of the weight, far from uniform's 0.2").isGreaterThan(0.3);
    for (int f = 0; f < 5; f++) {
      assertThat(observed[f]).as("share of draws in fifth %s (expected %s)", f, expected[f])
          .isCloseTo(expected[f], Offset.offset(0.03));
    }
  }

  /**
   * The model's draws are shared between the comments with fewer words than the median and the others as the
   * comments are, though its expected errors favour the long ones.
   */
  @Test
  void next_theModelDrawsShortAndLongCommentsAsTheyComeInTheComments() {
    LearnedCoder model = LearnedCoder.train(examples(60, 5), Synthetic.options());
    // every third comment a short one about the common code alone, which the model is surest of
    List<String> uncoded = new ArrayList<>();
    List<String> texts = examples(400, 6).texts();
    Random random = new Random(7);
    for (int i = 0; i < texts.size(); i++) {
      uncoded.add(i % 3 != 0 ? texts.get(i) : WORDS[0][random.nextInt(WORDS[0].length)] + " "
          + FILLER[random.nextInt(FILLER.length)] + " " + WORDS[0][random.nextInt(WORDS[0].length)] + " on ward " + i);
    }
    int[] words = uncoded.stream().mapToInt(CodingSchedule::words).toArray();
    int median = Arrays.stream(words).sorted().toArray()[words.length / 2];
    long shortOnes = Arrays.stream(words).filter(w -> w < median).count();
    List<Prediction> predictions = model.predictAll(uncoded);
    double shortWeight = 0;
    double allWeight = 0;
    for (int i = 0; i < uncoded.size(); i++) {
      double e = expectedErrors(predictions.get(i));
      allWeight += e * e;
      shortWeight += words[i] < median ? e * e : 0;
    }

    List<Integer> next = CodingSchedule.next(model, List.of(), uncoded, 60, 42);

    long drawnShort = 0;
    for (int j = 0; j < next.size(); j += 2) {
      drawnShort += words[next.get(j)] < median ? 1 : 0;
    }
    assertThat(shortWeight / allWeight).as("the short comments' share of the weight (%s of 400 are short)",
        shortOnes).isLessThan(0.15);
    assertThat((double) drawnShort).as("short comments among the model's 30 draws (%s of 400 are short)",
        shortOnes).isCloseTo(30.0 * shortOnes / 400, Offset.offset(1.0));
  }

  @Test
  void words_countsRunsBetweenWhiteSpace() {
    assertThat(CodingSchedule.words("")).isZero();
    assertThat(CodingSchedule.words("  ")).isZero();
    assertThat(CodingSchedule.words("Nothing")).isEqualTo(1);
    assertThat(CodingSchedule.words(" Can't  think\tof\nanything. ")).isEqualTo(4);
  }

  @Test
  void next_theModelNeverDrawsARepeatOfACodedComment() {
    LearnedCoder model = LearnedCoder.train(examples(60, 5), Synthetic.options());
    List<String> uncoded = examples(100, 6).texts();
    List<Prediction> predictions = model.predictAll(uncoded);
    int most = 0;
    for (int i = 1; i < uncoded.size(); i++) {
      most = expectedErrors(predictions.get(i)) > expectedErrors(predictions.get(most)) ? i : most;
    }
    // the comment the model would draw most often has been coded already (with different spacing)
    List<String> coded = List.of(" " + uncoded.get(most) + " ");
    int drawnWithoutIt = 0;
    for (long seed = 1; seed <= 300; seed++) {
      assertThat(CodingSchedule.next(model, coded, uncoded, 1, seed)).doesNotContain(most);
      drawnWithoutIt += CodingSchedule.next(model, List.of(), uncoded, 1, seed).get(0) == most ? 1 : 0;
    }
    assertThat(drawnWithoutIt).as("draws of that comment when it was not coded").isPositive();
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
   * A small coding loop on comments with one common code and eight rare ones: after 100 and 150 comments coded in
   * the schedule's order, the model codes held-out comments better (micro-F1, mean over three pools) than after
   * the same number coded in random order, by more than 0.04 (the schedule leads by 0.109 and 0.058). Both orders
   * start from the same random order and the schedule's other half follows it, so an order that regressed to
   * random would lead by nothing.
   */
  @Test
  void smallLoop_theScheduleBeatsRandomOrder() {
    int[] checkpoints = {100, 150};
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
      // the random order drawn at the start: random order codes it as it comes; the schedule starts with it and
      // takes every other comment after from it
      List<Integer> coded = new ArrayList<>(shuffled.subList(0, CodingSchedule.FIRST_MODEL_AT));
      List<Integer> uncoded = new ArrayList<>(shuffled.subList(CodingSchedule.FIRST_MODEL_AT, shuffled.size()));
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
          checkpoints[c], random[c]).isGreaterThan(random[c] + 0.04);
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
