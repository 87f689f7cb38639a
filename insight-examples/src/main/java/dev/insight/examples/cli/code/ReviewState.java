package dev.insight.examples.cli.code;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.learn.CodedExample;
import dev.insight.codeframe.learn.CodedExamples;
import dev.insight.codeframe.learn.CodingSchedule;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.learn.LearnerOptions;
import dev.insight.codeframe.learn.Prediction;
import dev.insight.core.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A person coding comments one at a time, the state behind {@code insight code review}: which comment comes next,
 * the model's suggestion for it, every decision saved at once to the coded file, and the progress.
 *
 * <p>Order: {@link CodingSchedule}, the order the simulation in docs/BENCHMARKS.md measures. The comments are shuffled
 * once with the seed (the same seed gives the same order after a restart); until a model can be trained they come in
 * that random order; then every other comment is drawn by the model (favouring those on which it expects the most wrong
 * codes) and the rest continue the random order, which keeps the coded sample representative. The model retrains in the
 * background after {@link CodingSchedule#retrainAfter(int)} new decisions. Once the model's ranked comments run out (or
 * for comments skipped), the random order continues. A comment handed to one browser tab is not handed to another for
 * {@link #RESERVED_FOR}, so two tabs code different comments; a skipped comment comes back last.
 *
 * <p>Every decision rewrites the coded file atomically from the decisions in memory, under one lock, so two tabs
 * never lose each other's work and a restart resumes from the file. Thread-safe.
 */
final class ReviewState implements AutoCloseable {
  /** Decisions needed before the first model is trained: from then on the model chooses every other comment. */
  static final int FIRST_MODEL_AT = CodingSchedule.FIRST_MODEL_AT;
  /**
   * Decisions needed before the model's suggestions are shown and it codes comments in the progress line: a model
   * on fewer comments orders them usefully but would put weak codes in front of the person.
   */
  static final int SUGGESTIONS_FROM = 30;
  static final Duration RESERVED_FOR = Duration.ofMinutes(10);
  private static final int RANKED = 200;

  private final Codeframe frame;
  private final Comments comments;
  private final Map<UnitId, Integer> indexOf = new HashMap<>();
  private final Path codedFile;
  private final double precision;
  private final Clock clock;
  private final long seed;
  private final int firstModelAt;
  private final int suggestionsFrom;
  private final ExecutorService trainer;
  private final Object lock = new Object();

  // guarded by lock
  private final Map<UnitId, List<Assignment>> decisions = new LinkedHashMap<>();
  private final Map<UnitId, Reservation> reserved = new HashMap<>();
  private final Set<UnitId> skipped = new LinkedHashSet<>();
  private final List<UnitId> randomOrder;
  private Deque<UnitId> ranked = new ArrayDeque<>();
  private @Nullable LearnedCoder model;
  private Set<UnitId> machineCoded = Set.of();
  private int decidedAtLastTraining = -1;
  private boolean training;
  private @Nullable String trainingProblem;

  private record Reservation(String tab, Instant until) {}

  ReviewState(Codeframe frame, Comments comments, Path codedFile, double precision, long seed, Clock clock,
      int firstModelAt, int suggestionsFrom) {
    this.frame = checkNotNull(frame, "frame");
    this.comments = checkNotNull(comments, "comments");
    this.codedFile = checkNotNull(codedFile, "codedFile");
    checkArgument(precision > 0 && precision <= 1, "precision must be in (0, 1]: %s", precision);
    this.precision = precision;
    this.clock = checkNotNull(clock, "clock");
    this.seed = seed;
    checkArgument(firstModelAt >= 1, "firstModelAt must be at least 1: %s", firstModelAt);
    checkArgument(suggestionsFrom >= firstModelAt, "suggestionsFrom (%s) cannot come before the first model (%s)",
        suggestionsFrom, firstModelAt);
    this.firstModelAt = firstModelAt;
    this.suggestionsFrom = suggestionsFrom;
    for (int i = 0; i < comments.size(); i++) {
      indexOf.put(comments.units().get(i), i);
    }
    if (Files.exists(codedFile)) {
      CodedData read = CodedFileReader.coded(frame).read(codedFile);
      read.checkIn(comments.units(), "the comments to code");
      Coding earlier = read.coding();
      for (UnitId unit : earlier.units()) {
        decisions.put(unit, earlier.assignments(unit));
      }
    }
    List<UnitId> order = new ArrayList<>(comments.units());
    Collections.shuffle(order, new Random(seed));
    randomOrder = List.copyOf(order);
    trainer = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "insight-review-training");
      thread.setDaemon(true);
      return thread;
    });
    maybeTrain();
  }

  /** A comment to code, with the model's suggestion if there is a model. */
  record Item(UnitId unit, String text, String context, @Nullable Suggestion suggestion) {}

  /** The model's codes for a comment, each code's probability, and the confidence in the whole set. */
  record Suggestion(List<CodeId> codes, Map<CodeId, Double> probabilities, double confidence, String model) {}

  /** Progress: comments coded by people (and by whom), by the model at the precision, and left. */
  record Progress(int total, int byPeople, Map<String, Integer> byPerson, int byModel, double precision,
      int remaining, int modelTrainedOn, boolean training, @Nullable String trainingProblem) {}

  Codeframe frame() {
    return frame;
  }

  Path codedFile() {
    return codedFile;
  }

  /** The next comment for a tab: the one it holds, or the most useful one no other tab holds; empty when done. */
  Optional<Item> next(String tab) {
    checkNotNull(tab, "tab");
    UnitId chosen;
    LearnedCoder current;
    synchronized (lock) {
      Instant now = clock.instant();
      reserved.values().removeIf(r -> r.until().isBefore(now));
      chosen = null;
      for (Map.Entry<UnitId, Reservation> entry : reserved.entrySet()) {
        if (entry.getValue().tab().equals(tab) && !decisions.containsKey(entry.getKey())) {
          chosen = entry.getKey();
          break;
        }
      }
      // the schedule's order (the model's picks mixed with the random order's), else the random order itself
      if (chosen == null) {
        chosen = firstFree(ranked, false);
      }
      if (chosen == null) {
        chosen = firstFree(randomOrder, false);
      }
      if (chosen == null) {
        chosen = firstFree(List.copyOf(skipped), true);
      }
      if (chosen == null) {
        return Optional.empty();
      }
      skipped.remove(chosen);
      reserved.put(chosen, new Reservation(tab, now.plus(RESERVED_FOR)));
      current = model != null && model.trainedOn() >= suggestionsFrom ? model : null;
    }
    int i = indexOf.get(chosen);
    String text = comments.texts().get(i);
    String context = comments.contexts().get(i);
    return Optional.of(new Item(chosen, text, context, current == null ? null : suggest(current, text, context)));
  }

  private @Nullable UnitId firstFree(Iterable<UnitId> order, boolean includeSkipped) {
    for (UnitId unit : order) {
      if (!decisions.containsKey(unit) && !reserved.containsKey(unit) && (includeSkipped || !skipped.contains(unit))) {
        return unit;
      }
    }
    return null;
  }

  private Suggestion suggest(LearnedCoder current, String text, String context) {
    Prediction p = current.contextName().isEmpty() ? current.predict(text)
        : current.predictAll(List.of(text), List.of(context)).get(0);
    Map<CodeId, Double> probabilities = new LinkedHashMap<>();
    for (int c = 0; c < current.codes().size(); c++) {
      probabilities.put(current.codes().get(c), p.probability(c));
    }
    return new Suggestion(p.assigned(), probabilities, p.confidence(),
        "insight-learned-coder trained on " + current.trainedOn());
  }

  /**
   * Records a person's codes for a comment (replacing any earlier decision on it) and saves the coded file.
   *
   * @throws IllegalArgumentException for an unknown comment, coder or code, a net, or a none-code with others
   */
  Coding code(UnitId unit, List<CodeId> codes, String coder) {
    checkArgument(indexOf.containsKey(unit), "no comment with id %s", unit);
    checkArgument(coder != null && !coder.isBlank(), "the coder's name is needed: it is recorded with each code");
    Instant at = clock.instant();
    Coding.Builder check = Coding.builder(frame).unit(unit);
    for (CodeId code : codes) {
      checkArgument(frame.contains(code), "%s is not a code of the codeframe %s", code, frame.name());
      checkArgument(!frame.isNet(code), "%s is a net: give the codes under it", code);
      check.assign(unit, code, new Provenance.Human(coder.strip(), at));
    }
    Coding one = check.build(); // refuses a none-code with other codes
    Coding all;
    synchronized (lock) {
      decisions.put(unit, one.assignments(unit));
      reserved.remove(unit);
      skipped.remove(unit);
      ranked.remove(unit);
      all = snapshot();
      save(all);
    }
    maybeTrain();
    return all;
  }

  /** Puts a comment back, to be offered again after all the others. */
  void skip(UnitId unit, String tab) {
    checkArgument(indexOf.containsKey(unit), "no comment with id %s", unit);
    synchronized (lock) {
      Reservation r = reserved.get(unit);
      if (r != null && r.tab().equals(tab)) {
        reserved.remove(unit);
      }
      if (!decisions.containsKey(unit)) {
        skipped.add(unit);
      }
    }
  }

  Progress progress() {
    synchronized (lock) {
      Map<String, Integer> byPerson = new TreeMap<>();
      int byPeople = 0;
      for (List<Assignment> list : decisions.values()) {
        byPeople++;
        String who = list.isEmpty() ? "(no code)" : list.get(0).provenance().source();
        byPerson.merge(who, 1, Integer::sum);
      }
      int byModel = 0;
      for (UnitId unit : machineCoded) {
        byModel += decisions.containsKey(unit) ? 0 : 1;
      }
      return new Progress(comments.size(), byPeople, byPerson, byModel, precision, comments.size() - byPeople - byModel,
          model == null ? 0 : model.trainedOn(), training, trainingProblem);
    }
  }

  private Coding snapshot() {
    Coding.Builder builder = Coding.builder(frame);
    decisions.forEach((unit, list) -> {
      builder.unit(unit);
      list.forEach(builder::add);
    });
    return builder.build();
  }

  private void save(Coding coding) {
    try {
      AtomicFiles.writeText(codedFile, writer -> CodingCsv.write(coding, writer));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the decisions to " + codedFile, e);
    }
  }

  /** Starts a training in the background when enough new decisions have come in since the last one. */
  private void maybeTrain() {
    CodedExamples examples;
    synchronized (lock) {
      int decided = decisions.size();
      if (training || decided < firstModelAt
          || (decidedAtLastTraining >= 0
              && decided - decidedAtLastTraining < CodingSchedule.retrainAfter(decidedAtLastTraining))) {
        return;
      }
      List<CodedExample> list = new ArrayList<>();
      decisions.forEach((unit, assignments) -> {
        if (assignments.stream().allMatch(a -> a.provenance() instanceof Provenance.Human)) {
          int i = indexOf.get(unit);
          Set<CodeId> codes = new LinkedHashSet<>();
          assignments.forEach(a -> codes.add(a.code()));
          list.add(new CodedExample(comments.texts().get(i), codes, ""));
        }
      });
      List<CodeId> codable = new ArrayList<>();
      frame.codable().forEach(c -> codable.add(c.id()));
      examples = new CodedExamples(LabelMode.MULTI_LABEL, codable, list);
      training = true;
      decidedAtLastTraining = decided;
    }
    trainer.execute(() -> train(examples));
  }

  private void train(CodedExamples examples) {
    try {
      LearnedCoder trained = LearnedCoder.train(examples, LearnerOptions.defaults().withThreads(1));
      // the uncoded comments in the random order drawn at the start: the schedule's other half follows it
      List<UnitId> uncoded = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      List<String> codedTexts = new ArrayList<>();
      synchronized (lock) {
        for (UnitId unit : randomOrder) {
          if (!decisions.containsKey(unit)) {
            uncoded.add(unit);
            texts.add(comments.texts().get(indexOf.get(unit)));
          } else {
            codedTexts.add(comments.texts().get(indexOf.get(unit)));
          }
        }
      }
      Deque<UnitId> order = new ArrayDeque<>();
      Set<UnitId> coded = new java.util.HashSet<>();
      if (!texts.isEmpty()) {
        for (int i : CodingSchedule.next(trained, codedTexts, texts, Math.min(RANKED, texts.size()),
            seed * 1_000_003L + examples.examples().size())) {
          order.add(uncoded.get(i));
        }
        // what the model would code at the precision: only once its suggestions are shown
        if (trained.trainedOn() >= suggestionsFrom) {
          LearnedCoder careful = trained.withAbstention(trained.confidenceForPrecision(precision));
          List<Prediction> predictions = careful.predictAll(texts);
          for (int i = 0; i < predictions.size(); i++) {
            if (!predictions.get(i).abstained()) {
              coded.add(uncoded.get(i));
            }
          }
        }
      }
      synchronized (lock) {
        model = trained;
        ranked = order;
        machineCoded = coded;
        trainingProblem = null;
      }
    } catch (RuntimeException e) {
      synchronized (lock) {
        trainingProblem = e.getMessage();
      }
    } finally {
      synchronized (lock) {
        training = false;
      }
    }
    maybeTrain();
  }

  /** Waits for a training in progress (for tests and a clean shutdown). */
  void awaitTraining(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      synchronized (lock) {
        if (!training) {
          return;
        }
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    trainer.shutdownNow();
    try {
      trainer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
