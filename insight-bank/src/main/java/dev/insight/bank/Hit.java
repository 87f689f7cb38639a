package dev.insight.bank;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search result, with everything a reader needs to judge it.
 *
 * @param kind what it is
 * @param programme the programme's id
 * @param programmeTitle the programme's title
 * @param id the item's id within the programme
 * @param text its words: redacted for quotes and comments; for a comment without consent, a note that the words are
 *     withheld
 * @param source where it comes from, such as "Staff and volunteer survey (survey)"
 * @param base what it rests on, such as "12.0% (95% CI 7.8% to 17.6%; base 180 respondents)", "3 of 180 coded
 *     comments" or "focus group of 6 participants"
 * @param consent the consent state: "given", "not recorded" or "not applicable" (analysts' own words)
 * @param redaction the redaction state, such as "redacted: 1 name" or "redacted: nothing found"
 * @param themes its themes
 * @param date the day it refers to (ISO), or null
 * @param place the programme's place, or null
 * @param internalUseOnly whether it comes from an internal-use-only programme
 * @param score its relevance (fused rank score; higher is better)
 */
public record Hit(ItemKind kind, String programme, String programmeTitle, String id, String text, String source,
    String base, String consent, String redaction, List<String> themes, @Nullable String date,
    @Nullable String place, boolean internalUseOnly, double score) {
  /**
   * Validates and copies.
   *
   * @param kind what it is
   * @param programme the programme's id
   * @param programmeTitle the programme's title
   * @param id the item's id
   * @param text its words
   * @param source where it comes from
   * @param base what it rests on
   * @param consent the consent state
   * @param redaction the redaction state
   * @param themes its themes
   * @param date the day it refers to, or null
   * @param place the programme's place, or null
   * @param internalUseOnly whether from an internal-use-only programme
   * @param score its relevance
   */
  public Hit {
    checkNotNull(kind, "kind");
    themes = List.copyOf(themes);
  }
}
