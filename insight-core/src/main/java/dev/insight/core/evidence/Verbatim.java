package dev.insight.core.evidence;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;

/**
 * A verbatim quote: someone's own words, with where they came from, how they may be attributed and whether the
 * speaker consented to publication. A quote without {@linkplain Consent#allowsPublication() consent} may not be put
 * in a report.
 *
 * @param id its id
 * @param text the words, as said or written
 * @param source where it came from
 * @param attribution how it is attributed in a report, such as "representative of a children and young people's
 *     organisation" (a role or first name, never a full name)
 * @param consent whether publication was agreed
 * @param themes the themes or codes it illustrates (code ids or theme names)
 */
public record Verbatim(QuoteId id, String text, QuoteSource source, String attribution, Consent consent,
    List<String> themes) {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param text the words, as said or written
   * @param source where it came from
   * @param attribution how it is attributed in a report, such as "representative of a children and young people's organisation" (a role or first name, never a full name)
   * @param consent whether publication was agreed
   * @param themes the themes or codes it illustrates (code ids or theme names)
   */
  public Verbatim {
    checkNotNull(id, "id");
    Check.text(text, "quote text");
    checkNotNull(source, "source of quote %s", id);
    Check.text(attribution, "quote attribution");
    checkNotNull(consent, "consent of quote %s", id);
    themes = Check.list(themes);
  }

  /**
   * Whether this quote may appear in a report.
   *
   * @return true when consent was given
   */
  public boolean publishable() {
    return consent.allowsPublication();
  }
}
