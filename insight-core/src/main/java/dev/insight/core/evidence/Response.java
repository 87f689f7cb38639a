package dev.insight.core.evidence;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;

/**
 * "You said, we did": what changed because of what people said, linked to the findings, recommendations and
 * quotes behind it so that participants can be told how their views made a difference.
 *
 * @param id its id
 * @param youSaid what people said, in a sentence
 * @param weDid what was done about it
 * @param status how far it has got
 * @param recommendations the recommendations it answers
 * @param findings the findings behind it
 * @param quotes quotes that show what was said
 * @param priorities the strategy priorities it changed
 * @param considerations the record that the decision considered the evidence: who, when and what (empty in files
 *     written before it was kept)
 */
public record Response(ResponseId id, String youSaid, String weDid, ResponseStatus status,
    List<RecommendationId> recommendations, List<FindingId> findings, List<QuoteId> quotes,
    List<PriorityId> priorities, List<Consideration> considerations) {

  /**
   * Validates and copies: a response must rest on at least one finding or recommendation.
   *
   * @param id its id
   * @param youSaid what people said, in a sentence
   * @param weDid what was done about it
   * @param status how far it has got
   * @param recommendations the recommendations it answers
   * @param findings the findings behind it
   * @param quotes quotes that show what was said
   * @param priorities the strategy priorities it changed
   * @param considerations the record that the decision considered the evidence
   */
  public Response {
    checkNotNull(id, "id");
    Check.text(youSaid, "you said");
    Check.text(weDid, "we did");
    checkNotNull(status, "status of response %s", id);
    recommendations = Check.list(recommendations);
    findings = Check.list(findings);
    quotes = Check.list(quotes);
    priorities = Check.list(priorities);
    considerations = Check.list(considerations);
    checkArgument(!recommendations.isEmpty() || !findings.isEmpty(),
        "response %s must be linked to at least one finding or recommendation", id);
  }

  /**
   * A response with no consideration recorded yet.
   *
   * @param id its id
   * @param youSaid what people said, in a sentence
   * @param weDid what was done about it
   * @param status how far it has got
   * @param recommendations the recommendations it answers
   * @param findings the findings behind it
   * @param quotes quotes that show what was said
   * @param priorities the strategy priorities it changed
   */
  public Response(ResponseId id, String youSaid, String weDid, ResponseStatus status,
      List<RecommendationId> recommendations, List<FindingId> findings, List<QuoteId> quotes,
      List<PriorityId> priorities) {
    this(id, youSaid, weDid, status, recommendations, findings, quotes, priorities, List.of());
  }

  /**
   * This response with a consideration added at the end.
   *
   * @param consideration who considered what, and when
   * @return a new response
   */
  public Response considered(Consideration consideration) {
    List<Consideration> all = new java.util.ArrayList<>(considerations);
    all.add(consideration);
    return new Response(id, youSaid, weDid, status, recommendations, findings, quotes, priorities, all);
  }
}
