package dev.insight.codeframe.coding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where an assignment came from: a human coder, a rule or a model, and when. Every assignment of a
 * {@link Coding} carries one, so a table can be traced back to who (or what) coded each comment.
 */
public sealed interface Provenance permits Provenance.Human, Provenance.Rule, Provenance.Model {

  /**
   * When the assignment was made.
   *
   * @return the instant
   */
  Instant at();

  /**
   * Who or what made it: the coder's name, the rule's code, the model's name.
   *
   * @return a short label
   */
  String source();

  /**
   * The confidence of the assignment, where there is one (models).
   *
   * @return a probability-like score in [0, 1], or empty
   */
  default OptionalDouble confidence() {
    return OptionalDouble.empty();
  }

  /**
   * A human coder's decision.
   *
   * @param coder the coder's name or initials; not blank
   * @param at when it was coded
   */
  record Human(String coder, Instant at) implements Provenance {

    /**
     * Validates the coder.
     *
     * @param coder the coder's name or initials; not blank
     * @param at when it was coded
     */
    public Human {
      checkNotNull(coder, "coder");
      checkNotNull(at, "at");
      checkArgument(!coder.isBlank(), "coder cannot be blank");
    }

    @Override
    public String source() {
      return coder;
    }
  }

  /**
   * A match of a coding rule.
   *
   * @param rule the rule's text as written in the codeframe
   * @param matched the words of the comment that satisfied the rule, as they appear in the comment, in order
   * @param at when the rule was applied
   */
  record Rule(String rule, List<String> matched, Instant at) implements Provenance {

    /**
     * Validates the rule and copies the matched words.
     *
     * @param rule the rule's text as written in the codeframe
     * @param matched the words of the comment that satisfied the rule, as they appear in the comment, in order
     * @param at when the rule was applied
     */
    public Rule {
      checkNotNull(rule, "rule");
      checkNotNull(at, "at");
      matched = List.copyOf(matched);
    }

    @Override
    public String source() {
      return "rule: " + rule;
    }
  }

  /**
   * A prediction of a learned model.
   *
   * @param model the model's name and version; not blank
   * @param score the model's confidence in [0, 1]
   * @param evidence what drove the prediction (features, words), most important first; may be empty
   * @param at when the prediction was made
   */
  record Model(String model, double score, List<String> evidence, Instant at) implements Provenance {

    /**
     * Validates the model name and the score.
     *
     * @param model the model's name and version; not blank
     * @param score the model's confidence in [0, 1]
     * @param evidence what drove the prediction (features, words), most important first; may be empty
     * @param at when the prediction was made
     */
    public Model {
      checkNotNull(model, "model");
      checkNotNull(at, "at");
      checkArgument(!model.isBlank(), "model cannot be blank");
      checkArgument(score >= 0 && score <= 1, "model %s: score must be in [0, 1], not %s", model, score);
      evidence = List.copyOf(evidence);
    }

    @Override
    public String source() {
      return model;
    }

    @Override
    public OptionalDouble confidence() {
      return OptionalDouble.of(score);
    }
  }
}
