package dev.insight.core.evidence;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import dev.insight.core.programme.ActivityId;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A record that a decision ("we did") considered what people said: the evidence that was in front of the decision
 * makers, who they were and when. This is what shows responses were conscientiously taken into account (the fourth
 * Gunning principle). The programme checks that every piece of evidence named here exists.
 *
 * @param consideredBy who considered it: a board, committee or named role
 * @param consideredOn the day it was considered
 * @param findings the findings considered
 * @param prevalences the themes considered, with their weighted prevalence
 * @param quotes the quotes considered
 * @param sources the source studies and other activities considered as a whole
 * @param note what was concluded, or null
 */
public record Consideration(String consideredBy, LocalDate consideredOn, List<FindingId> findings,
    List<PrevalenceId> prevalences, List<QuoteId> quotes, List<ActivityId> sources, @Nullable String note) {

  /**
   * Validates and copies: a consideration names who, when and at least one piece of evidence.
   *
   * @param consideredBy who considered it
   * @param consideredOn the day it was considered
   * @param findings the findings considered
   * @param prevalences the themes considered, with their weighted prevalence
   * @param quotes the quotes considered
   * @param sources the source studies and other activities considered
   * @param note what was concluded, or null
   */
  public Consideration {
    Check.text(consideredBy, "considered by");
    checkNotNull(consideredOn, "considered on (by %s)", consideredBy);
    findings = Check.list(findings);
    prevalences = Check.list(prevalences);
    quotes = Check.list(quotes);
    sources = Check.list(sources);
    checkArgument(!findings.isEmpty() || !prevalences.isEmpty() || !quotes.isEmpty() || !sources.isEmpty(),
        "consideration by %s on %s names no evidence: give findings, prevalences, quotes or sources", consideredBy,
        consideredOn);
  }
}
