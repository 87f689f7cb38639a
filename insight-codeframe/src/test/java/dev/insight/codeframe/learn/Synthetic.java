package dev.insight.codeframe.learn;

import dev.insight.codeframe.CodeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic coded comments: each code has its own words, mixed with filler words shared by all, so a model can
 * learn them and the test knows the right answer.
 */
final class Synthetic {
  static final CodeId PARKING = CodeId.of("parking");
  static final CodeId STAFF = CodeId.of("staff");
  static final CodeId WAITING = CodeId.of("waiting");
  static final List<CodeId> CODES = List.of(PARKING, STAFF, WAITING);
  private static final String[][] WORDS = {
      {"parking", "car park", "parking space", "parked", "pay and display"},
      {"staff", "nurse", "friendly staff", "doctor", "rude receptionist"},
      {"waiting", "waited hours", "long wait", "delay", "waiting room queue"}};
  private static final String[] FILLER = {"the", "was", "very", "today", "hospital", "visit", "really", "and",
      "service", "my", "appointment", "it"};

  private Synthetic() {}

  /** A comment about the given codes. */
  static String comment(Random random, Set<Integer> codes) {
    StringBuilder text = new StringBuilder();
    for (int c : codes) {
      for (int j = 0; j < 2; j++) {
        text.append(WORDS[c][random.nextInt(WORDS[c].length)]).append(' ');
        text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
      }
    }
    text.append(FILLER[random.nextInt(FILLER.length)]);
    return text.toString();
  }

  /** Multi-label examples: each comment one or two codes. */
  static CodedExamples multiLabel(int n, long seed) {
    Random random = new Random(seed);
    List<CodedExample> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<Integer> codes = new HashSet<>();
      codes.add(random.nextInt(3));
      if (random.nextInt(4) == 0) {
        codes.add(random.nextInt(3));
      }
      Set<CodeId> ids = new HashSet<>();
      codes.forEach(c -> ids.add(CODES.get(c)));
      examples.add(new CodedExample(comment(random, codes), ids));
    }
    return new CodedExamples(LabelMode.MULTI_LABEL, CODES, examples);
  }

  /** Single-label examples. */
  static CodedExamples singleLabel(int n, long seed) {
    Random random = new Random(seed);
    List<CodedExample> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(3);
      examples.add(CodedExample.of(comment(random, Set.of(c)), CODES.get(c)));
    }
    return new CodedExamples(LabelMode.SINGLE_LABEL, CODES, examples);
  }

  /** Fast options for tests: one thread, 3 calibration folds. */
  static LearnerOptions options() {
    return LearnerOptions.defaults().withThreads(1);
  }
}
