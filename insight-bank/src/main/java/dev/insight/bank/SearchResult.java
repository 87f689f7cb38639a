package dev.insight.bank;

import java.util.List;

/**
 * The hits of a search and how they were found.
 *
 * @param hits the hits, best first
 * @param byMeaning whether search by meaning took part (a sentence embedder was present and matched the bank's)
 * @param note why search by meaning did not take part, or empty
 */
public record SearchResult(List<Hit> hits, boolean byMeaning, String note) {
  /**
   * Copies.
   *
   * @param hits the hits
   * @param byMeaning whether search by meaning took part
   * @param note why not, or empty
   */
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
