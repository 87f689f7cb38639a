package dev.insight.codeframe;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One node of a {@link Codeframe}: a code that comments are coded with, or a net (a node with children) that groups
 * codes and sub-nets. A node may be both: REFI-QDA allows a codable parent.
 *
 * @param id the stable identifier, unique in the frame
 * @param label the label shown in tables; not blank
 * @param parent the net this node belongs to, or null for a top-level node
 * @param codable whether comments may be coded with this node itself (false for a pure net)
 * @param description what the code means; may be empty
 * @param include what the code includes (coding notes); may be empty
 * @param exclude what the code excludes and where such remarks go instead; may be empty
 * @param examples example comments (or fragments) that get this code
 * @param sentiment the sentiment of a sentiment variant, or null
 * @param reserved the reserved meaning (no answer, don't know, other, gibberish), or null for a substantive code
 * @param rule the coding rule in the rule syntax of {@code dev.insight.codeframe.rules}, or null when there is none
 * @param color a display colour as {@code #RRGGBB} (REFI-QDA keeps one), or null
 */
public record Code(CodeId id, String label, @Nullable CodeId parent, boolean codable, String description,
    String include, String exclude, List<String> examples, @Nullable Sentiment sentiment,
    @Nullable Reserved reserved, @Nullable String rule, @Nullable String color) {

  /**
   * Validates the label and colour and copies the examples.
   *
   * @param id the stable identifier, unique in the frame
   * @param label the label shown in tables; not blank
   * @param parent the net this node belongs to, or null for a top-level node
   * @param codable whether comments may be coded with this node itself (false for a pure net)
   * @param description what the code means; may be empty
   * @param include what the code includes (coding notes); may be empty
   * @param exclude what the code excludes and where such remarks go instead; may be empty
   * @param examples example comments (or fragments) that get this code
   * @param sentiment the sentiment of a sentiment variant, or null
   * @param reserved the reserved meaning (no answer, don't know, other, gibberish), or null for a substantive code
   * @param rule the coding rule in the rule syntax of {@code dev.insight.codeframe.rules}, or null when there is none
   * @param color a display colour as {@code #RRGGBB} (REFI-QDA keeps one), or null
   */
  public Code {
    checkNotNull(id, "id");
    checkNotNull(label, "label");
    checkArgument(!label.isBlank(), "code %s: label cannot be blank", id);
    checkArgument(!id.equals(parent), "code %s cannot be its own parent", id);
    description = description == null ? "" : description;
    include = include == null ? "" : include;
    exclude = exclude == null ? "" : exclude;
    examples = List.copyOf(examples == null ? List.of() : examples);
    checkArgument(reserved == null || codable, "code %s: a reserved code (%s) must be codable", id, reserved);
    checkArgument(color == null || color.matches("#[0-9A-Fa-f]{6}"), "code %s: colour must be #RRGGBB, not '%s'",
        id, color);
    if (rule != null && rule.isBlank()) {
      rule = null;
    }
  }

  /**
   * A plain codable code with only an id and a label.
   *
   * @param id the id
   * @param label the label
   * @return the code, top level
   */
  public static Code of(String id, String label) {
    return builder(CodeId.of(id), label).build();
  }

  /**
   * A builder starting from an id and a label (codable, top level, no notes).
   *
   * @param id the id
   * @param label the label
   * @return a new builder
   */
  public static Builder builder(CodeId id, String label) {
    return new Builder(id, label);
  }

  /**
   * A builder starting from this code, to change some of its fields.
   *
   * @return a new builder holding this code's values
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, label);
    b.parent = parent;
    b.codable = codable;
    b.description = description;
    b.include = include;
    b.exclude = exclude;
    b.examples = new ArrayList<>(examples);
    b.sentiment = sentiment;
    b.reserved = reserved;
    b.rule = rule;
    b.color = color;
    return b;
  }

  /**
   * The parent net, if any.
   *
   * @return the parent's id
   */
  public Optional<CodeId> parentId() {
    return Optional.ofNullable(parent);
  }

  /**
   * The rule, if any.
   *
   * @return the rule text
   */
  public Optional<String> ruleText() {
    return Optional.ofNullable(rule);
  }

  /**
   * Whether this code, once given to a comment, excludes every other code (a none-code).
   *
   * @return true for no answer, don't know and gibberish
   */
  public boolean isExclusive() {
    return reserved != null && reserved.isExclusive();
  }

  /** Builds a {@link Code}. Not thread-safe. */
  public static final class Builder {
    private CodeId id;
    private String label;
    private @Nullable CodeId parent;
    private boolean codable = true;
    private String description = "";
    private String include = "";
    private String exclude = "";
    private List<String> examples = new ArrayList<>();
    private @Nullable Sentiment sentiment;
    private @Nullable Reserved reserved;
    private @Nullable String rule;
    private @Nullable String color;

    private Builder(CodeId id, String label) {
      this.id = checkNotNull(id, "id");
      this.label = checkNotNull(label, "label");
    }

    /**
     * Sets the id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder id(CodeId value) {
      this.id = checkNotNull(value, "id");
      return this;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return this builder
     */
    public Builder label(String value) {
      this.label = checkNotNull(value, "label");
      return this;
    }

    /**
     * Sets the parent net.
     *
     * @param value the parent, or null for top level
     * @return this builder
     */
    public Builder parent(@Nullable CodeId value) {
      this.parent = value;
      return this;
    }

    /**
     * Sets whether the node can be given to comments.
     *
     * @param value false for a pure net
     * @return this builder
     */
    public Builder codable(boolean value) {
      this.codable = value;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param value the description
     * @return this builder
     */
    public Builder description(String value) {
      this.description = checkNotNull(value, "description");
      return this;
    }

    /**
     * Sets the inclusion note.
     *
     * @param value what the code includes
     * @return this builder
     */
    public Builder include(String value) {
      this.include = checkNotNull(value, "include");
      return this;
    }

    /**
     * Sets the exclusion note.
     *
     * @param value what the code excludes
     * @return this builder
     */
    public Builder exclude(String value) {
      this.exclude = checkNotNull(value, "exclude");
      return this;
    }

    /**
     * Adds an example.
     *
     * @param value an example comment
     * @return this builder
     */
    public Builder example(String value) {
      examples.add(checkNotNull(value, "example"));
      return this;
    }

    /**
     * Sets the sentiment of a sentiment variant.
     *
     * @param value the sentiment, or null
     * @return this builder
     */
    public Builder sentiment(@Nullable Sentiment value) {
      this.sentiment = value;
      return this;
    }

    /**
     * Marks the code as reserved.
     *
     * @param value the reserved meaning, or null for a substantive code
     * @return this builder
     */
    public Builder reserved(@Nullable Reserved value) {
      this.reserved = value;
      return this;
    }

    /**
     * Sets the coding rule.
     *
     * @param value the rule text, or null
     * @return this builder
     */
    public Builder rule(@Nullable String value) {
      this.rule = value;
      return this;
    }

    /**
     * Sets the display colour.
     *
     * @param value {@code #RRGGBB}, or null
     * @return this builder
     */
    public Builder color(@Nullable String value) {
      this.color = value;
      return this;
    }

    /**
     * The code.
     *
     * @return a new code
     * @throws IllegalArgumentException when a value is invalid (blank label, bad colour, uncodable reserved code)
     */
    public Code build() {
      return new Code(id, label, parent, codable, description, include, exclude, examples, sentiment, reserved,
          rule, color);
    }
  }
}
