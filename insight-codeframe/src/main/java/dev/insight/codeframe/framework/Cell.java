package dev.insight.codeframe.framework;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.core.evidence.Verbatim;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One cell of a framework matrix: what one case said on one theme.
 *
 * @param caseId the case's id
 * @param theme the theme (a code or net of the codeframe)
 * @param summary the analyst's summary, or null until written
 * @param excerpts the coded segments behind it
 * @param quotes the quotes selected for it
 */
public record Cell(String caseId, CodeId theme, @Nullable String summary, List<Excerpt> excerpts,
    List<Verbatim> quotes) {

  /**
   * Validates and copies.
   *
   * @param caseId the case's id
   * @param theme the theme (a code or net of the codeframe)
   * @param summary the analyst's summary, or null until written
   * @param excerpts the coded segments behind it
   * @param quotes the quotes selected for it
   */
  public Cell {
    checkNotNull(caseId, "caseId");
    checkNotNull(theme, "theme");
    if (summary != null && summary.isBlank()) {
      summary = null;
    }
    excerpts = List.copyOf(excerpts);
    quotes = List.copyOf(quotes);
  }

  /**
   * The summary, if written.
   *
   * @return the summary
   */
  public Optional<String> summaryText() {
    return Optional.ofNullable(summary);
  }

  /**
   * Whether the cell has anything: a summary, excerpts or quotes.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return summary == null && excerpts.isEmpty() && quotes.isEmpty();
  }
}
