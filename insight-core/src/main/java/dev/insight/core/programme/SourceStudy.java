package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.PriorityId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.RecommendationId;
import dev.insight.core.internal.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One existing study summarised for a literature review ("insight bank"), on one template: who published it and
 * when, how it was done and with whom, its key findings, its recommendations and, where possible, direct quotes,
 * cross-referenced to the draft strategy's priorities.
 *
 * @param id its id
 * @param title the study's title
 * @param period when its fieldwork took place, or null
 * @param publisher who published it
 * @param year the year of publication
 * @param method how it was done, such as "qualitative interviews" or "representative survey"
 * @param sampleSize how many people it heard, or null when not stated
 * @param sample who it heard, such as "young people in a secure mental health unit"
 * @param audiences the audiences it heard
 * @param organisations the organisations involved
 * @param principle the principle it is reported under, or null
 * @param findings its key findings (ids of {@link dev.insight.core.evidence.Finding}s)
 * @param recommendations its recommendations
 * @param quotes direct quotes taken from it
 * @param priorities the strategy priorities it informs
 */
public record SourceStudy(ActivityId id, String title, @Nullable Period period, String publisher, int year,
    String method, @Nullable Integer sampleSize, String sample, List<AudienceId> audiences,
    List<OrganisationId> organisations, @Nullable PrincipleId principle, List<FindingId> findings,
    List<RecommendationId> recommendations, List<QuoteId> quotes, List<PriorityId> priorities)
    implements Activity {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param title the study's title
   * @param period when its fieldwork took place, or null
   * @param publisher who published it
   * @param year the year of publication
   * @param method how it was done, such as "qualitative interviews" or "representative survey"
   * @param sampleSize how many people it heard, or null when not stated
   * @param sample who it heard, such as "young people in a secure mental health unit"
   * @param audiences the audiences it heard
   * @param organisations the organisations involved
   * @param principle the principle it is reported under, or null
   * @param findings its key findings (ids of {@link dev.insight.core.evidence.Finding}s)
   * @param recommendations its recommendations
   * @param quotes direct quotes taken from it
   * @param priorities the strategy priorities it informs
   */
  public SourceStudy {
    checkNotNull(id, "id");
    Check.text(title, "source study title");
    Check.text(publisher, "source study publisher");
    Check.text(method, "source study method");
    Check.text(sample, "source study sample");
    checkArgument(year >= 1900 && year <= 2200, "source study %s: implausible year %s", id, year);
    checkArgument(sampleSize == null || sampleSize > 0, "source study %s: sample size must be positive: %s", id,
        sampleSize);
    audiences = Check.list(audiences);
    organisations = Check.list(organisations);
    findings = Check.list(findings);
    recommendations = Check.list(recommendations);
    quotes = Check.list(quotes);
    priorities = Check.list(priorities);
  }

  @Override
  public String kindLabel() {
    return "source study";
  }
}
