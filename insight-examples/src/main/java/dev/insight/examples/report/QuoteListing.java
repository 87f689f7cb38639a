package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.TextVariable;
import dev.insight.core.redact.RedactedText;
import dev.insight.core.redact.RedactionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verbatim comments listed by code, as a board paper quotes them: redacted by the report's policy and attributed
 * (by a grouping variable such as ward or sector, never by name).
 */
public final class QuoteListing {
  private QuoteListing() {}

  /**
   * One comment as quoted.
   *
   * @param respondent the respondent's id
   * @param text the comment after redaction
   * @param attribution how it is attributed, such as "Parks survey respondent, Northgate"
   * @param redactions how many redactions were made in it
   * @param codes how many codes the comment carries
   */
  public record Quote(String respondent, String text, String attribution, int redactions, int codes) {}

  /**
   * The quotes listed under one code.
   *
   * @param code the code
   * @param label its label
   * @param total how many comments carry the code
   * @param quotes the listed comments (at most the limit asked for)
   */
  public record CodeQuotes(String code, String label, int total, List<Quote> quotes) {
    /**
     * Copies the list.
     *
     * @param code the code
     * @param label its label
     * @param total how many comments carry the code
     * @param quotes the listed comments
     */
    public CodeQuotes {
      quotes = List.copyOf(quotes);
    }
  }

  /**
   * Lists the comments by code.
   *
   * @param data the survey data
   * @param codes the multiple-response variable of codes (missing for those who did not comment)
   * @param comment the open-text variable
   * @param groupBy a categorical variable to attribute by, or null
   * @param attribution the attribution's start, such as "Parks survey respondent"
   * @param redaction the redaction policy
   * @param perCode the most comments to list per code (at least 1)
   * @return one listing per code, in codeframe order; comments carrying that code alone first, then those needing
   *     no redaction, then the rest, in file order within each
   */
  public static List<CodeQuotes> of(Dataset data, String codes, String comment, @Nullable String groupBy,
      String attribution, RedactionPolicy redaction, int perCode) {
    checkArgument(perCode >= 1, "quotes per code must be at least 1: %s", perCode);
    MultiResponseVariable coded = data.multiResponse(codes);
    TextVariable comments = data.text(comment);
    List<CodeQuotes> listings = new ArrayList<>();
    // a comment carrying several codes is listed under each: redacted once
    RedactedText[] redactedRows = new RedactedText[data.rowCount()];
    for (int c = 0; c < coded.options().size(); c++) {
      List<Quote> quotes = new ArrayList<>();
      int total = 0;
      for (int row = 0; row < data.rowCount(); row++) {
        if (!coded.isSelected(row, c)) {
          continue;
        }
        total++;
        Optional<String> text = comments.textAt(row);
        if (text.isEmpty() || text.get().isBlank()) {
          continue;
        }
        String group = groupBy == null ? "" : data.categorical(groupBy).categoryAt(row)
            .map(cat -> ", " + cat.label()).orElse("");
        RedactedText redacted = redactedRows[row];
        if (redacted == null) {
          redacted = redaction.apply(text.get());
          redactedRows[row] = redacted;
        }
        quotes.add(new Quote(data.id(row).value(), redacted.text(), attribution + group,
            redacted.redactions().size(), coded.mentions(row)));
      }
      List<Quote> ordered = new ArrayList<>(quotes);
      ordered.sort(java.util.Comparator.comparingInt((Quote q) -> q.codes() == 1 ? 0 : 1)
          .thenComparingInt(q -> q.redactions() == 0 ? 0 : 1));
      listings.add(new CodeQuotes(coded.options().get(c).code(), coded.options().get(c).label(), total,
          ordered.subList(0, Math.min(perCode, ordered.size()))));
    }
    return listings;
  }
}
