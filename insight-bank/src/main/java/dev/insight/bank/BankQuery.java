package dev.insight.bank;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search of the bank: words (matched by BM25 and, when an embedder is present, by meaning) and filters, all
 * optional. Filters on audience, theme and place match the slug of what is given ("Older people" matches
 * {@code older-people}), so case and punctuation do not matter.
 *
 * @param words what to look for; blank to list by filter alone
 * @param kinds the kinds of item wanted; empty for all
 * @param audience an audience heard (id or name), or null
 * @param priority a strategy priority (id), or null
 * @param theme a theme (name or slug), or null
 * @param place a programme's place, or null
 * @param from the earliest day, or null
 * @param to the latest day, or null
 * @param activityKind a kind of activity such as {@code focus-group} or {@code survey}, or null
 * @param programme a programme's id, or null
 * @param includeInternal whether internal-use-only programmes are searched too
 * @param limit the most hits to return, 1 to 1000
 */
public record BankQuery(String words, Set<ItemKind> kinds, @Nullable String audience, @Nullable String priority,
    @Nullable String theme, @Nullable String place, @Nullable LocalDate from, @Nullable LocalDate to,
    @Nullable String activityKind, @Nullable String programme, boolean includeInternal, int limit) {

  /** The number of hits returned unless asked otherwise. */
  public static final int DEFAULT_LIMIT = 20;

  /**
   * Validates and copies.
   *
   * @param words what to look for
   * @param kinds the kinds of item wanted
   * @param audience an audience heard, or null
   * @param priority a strategy priority, or null
   * @param theme a theme, or null
   * @param place a place, or null
   * @param from the earliest day, or null
   * @param to the latest day, or null
   * @param activityKind a kind of activity, or null
   * @param programme a programme's id, or null
   * @param includeInternal whether internal-use-only programmes are searched too
   * @param limit the most hits to return
   */
  public BankQuery {
    words = words == null ? "" : words;
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    checkArgument(limit >= 1 && limit <= 1000, "limit must be between 1 and 1000: %s", limit);
    checkArgument(from == null || to == null || !to.isBefore(from), "search ends (%s) before it starts (%s)", to,
        from);
  }

  /**
   * A search for words with no filters.
   *
   * @param words what to look for
   * @return the query
   */
  public static BankQuery words(String words) {
    return new BankQuery(words, Set.of(), null, null, null, null, null, null, null, null, false, DEFAULT_LIMIT);
  }

  /**
   * This query for some kinds of item only.
   *
   * @param value the kinds
   * @return a new query
   */
  public BankQuery withKinds(Set<ItemKind> value) {
    return new BankQuery(words, value, audience, priority, theme, place, from, to, activityKind, programme,
        includeInternal, limit);
  }

  /**
   * This query filtered by audience.
   *
   * @param value an audience id or name, or null
   * @return a new query
   */
  public BankQuery withAudience(@Nullable String value) {
    return new BankQuery(words, kinds, value, priority, theme, place, from, to, activityKind, programme,
        includeInternal, limit);
  }

  /**
   * This query filtered by priority.
   *
   * @param value a priority id, or null
   * @return a new query
   */
  public BankQuery withPriority(@Nullable String value) {
    return new BankQuery(words, kinds, audience, value, theme, place, from, to, activityKind, programme,
        includeInternal, limit);
  }

  /**
   * This query filtered by theme.
   *
   * @param value a theme, or null
   * @return a new query
   */
  public BankQuery withTheme(@Nullable String value) {
    return new BankQuery(words, kinds, audience, priority, value, place, from, to, activityKind, programme,
        includeInternal, limit);
  }

  /**
   * This query filtered by place.
   *
   * @param value a place, or null
   * @return a new query
   */
  public BankQuery withPlace(@Nullable String value) {
    return new BankQuery(words, kinds, audience, priority, theme, value, from, to, activityKind, programme,
        includeInternal, limit);
  }

  /**
   * This query filtered by date, both ends included.
   *
   * @param start the earliest day, or null
   * @param end the latest day, or null
   * @return a new query
   */
  public BankQuery withDates(@Nullable LocalDate start, @Nullable LocalDate end) {
    return new BankQuery(words, kinds, audience, priority, theme, place, start, end, activityKind, programme,
        includeInternal, limit);
  }

  /**
   * This query filtered by kind of activity.
   *
   * @param value such as {@code focus-group}, or null
   * @return a new query
   */
  public BankQuery withActivityKind(@Nullable String value) {
    return new BankQuery(words, kinds, audience, priority, theme, place, from, to, value, programme,
        includeInternal, limit);
  }

  /**
   * This query filtered by programme.
   *
   * @param value a programme id, or null
   * @return a new query
   */
  public BankQuery withProgramme(@Nullable String value) {
    return new BankQuery(words, kinds, audience, priority, theme, place, from, to, activityKind, value,
        includeInternal, limit);
  }

  /**
   * This query with internal-use-only programmes included or not.
   *
   * @param value whether to include them
   * @return a new query
   */
  public BankQuery withInternal(boolean value) {
    return new BankQuery(words, kinds, audience, priority, theme, place, from, to, activityKind, programme, value,
        limit);
  }

  /**
   * This query with another limit.
   *
   * @param value the most hits, 1 to 1000
   * @return a new query
   */
  public BankQuery withLimit(int value) {
    return new BankQuery(words, kinds, audience, priority, theme, place, from, to, activityKind, programme,
        includeInternal, value);
  }
}
