package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.evidence.Consideration;
import dev.insight.core.evidence.Finding;
import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.Priority;
import dev.insight.core.evidence.PrevalenceId;
import dev.insight.core.evidence.PriorityId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.Recommendation;
import dev.insight.core.evidence.RecommendationId;
import dev.insight.core.evidence.Response;
import dev.insight.core.evidence.ThemePrevalence;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.internal.Check;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An engagement programme: the work done to hear people before a decision, and what was heard and done.
 *
 * <p>Immutable and self-consistent: every id an activity, participant, finding or response refers to must be
 * defined in the programme, and ids are unique within their kind. A programme that breaks this cannot be built, so
 * a JSON file that does not fit is rejected with the offending reference named.
 *
 * @param id its id
 * @param title its title
 * @param purpose what decision it informs
 * @param period when it ran
 * @param principles the engagement principles it works to
 * @param organisations partner and participating organisations
 * @param audiences the audiences it means to hear (reference groups flagged)
 * @param participants the participants heard individually (pseudonymous)
 * @param activities what was done
 * @param priorities the strategy priorities evidence is cross-referenced to
 * @param quotes verbatim quotes
 * @param findings findings
 * @param recommendations recommendations
 * @param responses what changed because of them
 * @param prevalences themes with their weighted prevalence among the respondents of an activity (empty in files
 *     written before they were kept)
 * @param place the place it covers, such as a county or an integrated care system, or null
 * @param visibility who may see its evidence; null (files written before it was kept) reads as
 *     {@link Visibility#PUBLIC}
 */
public record Programme(ProgrammeId id, String title, String purpose, Period period, List<Principle> principles,
    List<Organisation> organisations, List<Audience> audiences, List<Participant> participants,
    List<Activity> activities, List<Priority> priorities, List<Verbatim> quotes, List<Finding> findings,
    List<Recommendation> recommendations, List<Response> responses, List<ThemePrevalence> prevalences,
    @Nullable String place, Visibility visibility) {

  /**
   * Validates uniqueness of ids and that every reference resolves.
   *
   * @param id its id
   * @param title its title
   * @param purpose what decision it informs
   * @param period when it ran
   * @param principles the engagement principles it works to
   * @param organisations partner and participating organisations
   * @param audiences the audiences it means to hear (reference groups flagged)
   * @param participants the participants heard individually (pseudonymous)
   * @param activities what was done
   * @param priorities the strategy priorities evidence is cross-referenced to
   * @param quotes verbatim quotes
   * @param findings findings
   * @param recommendations recommendations
   * @param responses what changed because of them
   * @param prevalences themes with their weighted prevalence
   * @param place the place it covers, or null
   * @param visibility who may see its evidence; null reads as {@link Visibility#PUBLIC}
   */
  public Programme {
    checkNotNull(id, "id");
    Check.text(title, "programme title");
    Check.text(purpose, "programme purpose");
    checkNotNull(period, "period");
    principles = Check.list(principles);
    organisations = Check.list(organisations);
    audiences = Check.list(audiences);
    participants = Check.list(participants);
    activities = Check.list(activities);
    priorities = Check.list(priorities);
    quotes = Check.list(quotes);
    findings = Check.list(findings);
    recommendations = Check.list(recommendations);
    responses = Check.list(responses);
    prevalences = Check.list(prevalences);
    checkArgument(place == null || !place.isBlank(), "programme %s: place cannot be blank (leave it out)", id);
    visibility = visibility == null ? Visibility.PUBLIC : visibility;

    Set<PrincipleId> principleIds = unique(principles, Principle::id, "principle");
    Set<OrganisationId> organisationIds = unique(organisations, Organisation::id, "organisation");
    Set<AudienceId> audienceIds = unique(audiences, Audience::id, "audience");
    Set<ParticipantId> participantIds = unique(participants, Participant::id, "participant");
    Set<ActivityId> activityIds = unique(activities, Activity::id, "activity");
    Set<PriorityId> priorityIds = unique(priorities, Priority::id, "priority");
    Set<QuoteId> quoteIds = unique(quotes, Verbatim::id, "quote");
    Set<FindingId> findingIds = unique(findings, Finding::id, "finding");
    Set<RecommendationId> recommendationIds = unique(recommendations, Recommendation::id, "recommendation");
    unique(responses, Response::id, "response");
    Set<PrevalenceId> prevalenceIds = unique(prevalences, ThemePrevalence::id, "prevalence");

    for (Participant p : participants) {
      String where = "participant " + p.id();
      if (p.organisation() != null) {
        refers(organisationIds, List.of(p.organisation()), where, "organisation");
      }
      refers(audienceIds, p.audiences(), where, "audience");
    }
    for (Activity a : activities) {
      String where = "activity " + a.id();
      refers(audienceIds, a.audiences(), where, "audience");
      refers(organisationIds, a.organisations(), where, "organisation");
      refers(participantIds, a.participants(), where, "participant");
      if (a.principle() != null) {
        refers(principleIds, List.of(a.principle()), where, "principle");
      }
      if (a instanceof SourceStudy s) {
        refers(findingIds, s.findings(), where, "finding");
        refers(recommendationIds, s.recommendations(), where, "recommendation");
        refers(quoteIds, s.quotes(), where, "quote");
        refers(priorityIds, s.priorities(), where, "priority");
      }
    }
    for (Verbatim q : quotes) {
      String where = "quote " + q.id();
      refers(activityIds, List.of(q.source().activity()), where, "activity");
      if (q.source().participant() != null) {
        refers(participantIds, List.of(q.source().participant()), where, "participant");
      }
    }
    for (Finding f : findings) {
      String where = "finding " + f.id();
      refers(activityIds, f.sources(), where, "activity");
      refers(quoteIds, f.quotes(), where, "quote");
      refers(priorityIds, f.priorities(), where, "priority");
    }
    for (Recommendation r : recommendations) {
      String where = "recommendation " + r.id();
      refers(activityIds, r.sources(), where, "activity");
      refers(findingIds, r.findings(), where, "finding");
      refers(priorityIds, r.priorities(), where, "priority");
    }
    for (ThemePrevalence p : prevalences) {
      refers(activityIds, List.of(p.activity()), "prevalence " + p.id(), "activity");
    }
    for (Response r : responses) {
      String where = "response " + r.id();
      refers(recommendationIds, r.recommendations(), where, "recommendation");
      refers(findingIds, r.findings(), where, "finding");
      refers(quoteIds, r.quotes(), where, "quote");
      refers(priorityIds, r.priorities(), where, "priority");
      for (Consideration c : r.considerations()) {
        String considered = where + " (considered by " + c.consideredBy() + " on " + c.consideredOn() + ")";
        refers(findingIds, c.findings(), considered, "finding");
        refers(prevalenceIds, c.prevalences(), considered, "prevalence");
        refers(quoteIds, c.quotes(), considered, "quote");
        refers(activityIds, c.sources(), considered, "source");
      }
    }
  }

  /**
   * A public programme with no prevalences or place recorded: the shape of files written before they were kept.
   *
   * @param id its id
   * @param title its title
   * @param purpose what decision it informs
   * @param period when it ran
   * @param principles the engagement principles it works to
   * @param organisations partner and participating organisations
   * @param audiences the audiences it means to hear (reference groups flagged)
   * @param participants the participants heard individually (pseudonymous)
   * @param activities what was done
   * @param priorities the strategy priorities evidence is cross-referenced to
   * @param quotes verbatim quotes
   * @param findings findings
   * @param recommendations recommendations
   * @param responses what changed because of them
   */
  public Programme(ProgrammeId id, String title, String purpose, Period period, List<Principle> principles,
      List<Organisation> organisations, List<Audience> audiences, List<Participant> participants,
      List<Activity> activities, List<Priority> priorities, List<Verbatim> quotes, List<Finding> findings,
      List<Recommendation> recommendations, List<Response> responses) {
    this(id, title, purpose, period, principles, organisations, audiences, participants, activities, priorities,
        quotes, findings, recommendations, responses, List.of(), null, Visibility.PUBLIC);
  }

  /**
   * This programme with other prevalences, place and visibility, everything else the same.
   *
   * @param newPrevalences themes with their weighted prevalence
   * @param newPlace the place it covers, or null
   * @param newVisibility who may see its evidence
   * @return a new programme, checked again
   */
  public Programme with(List<ThemePrevalence> newPrevalences, @Nullable String newPlace, Visibility newVisibility) {
    return new Programme(id, title, purpose, period, principles, organisations, audiences, participants, activities,
        priorities, quotes, findings, recommendations, responses, newPrevalences, newPlace, newVisibility);
  }

  /**
   * This programme with other responses, everything else the same.
   *
   * @param newResponses the responses
   * @return a new programme, checked again
   */
  public Programme withResponses(List<Response> newResponses) {
    return new Programme(id, title, purpose, period, principles, organisations, audiences, participants, activities,
        priorities, quotes, findings, recommendations, newResponses, prevalences, place, visibility);
  }

  /**
   * The finding with this id.
   *
   * @param findingId an id
   * @return the finding, or empty
   */
  public Optional<Finding> finding(FindingId findingId) {
    return findings.stream().filter(f -> f.id().equals(findingId)).findFirst();
  }

  /**
   * The prevalence estimate with this id.
   *
   * @param prevalenceId an id
   * @return the estimate, or empty
   */
  public Optional<ThemePrevalence> prevalence(PrevalenceId prevalenceId) {
    return prevalences.stream().filter(p -> p.id().equals(prevalenceId)).findFirst();
  }

  private static <T, K> Set<K> unique(List<T> items, Function<T, K> id, String kind) {
    Set<K> ids = new HashSet<>();
    for (T item : items) {
      K key = id.apply(item);
      checkArgument(ids.add(key), "duplicate %s id %s", kind, key);
    }
    return ids;
  }

  private static <K> void refers(Set<K> defined, Collection<K> used, String where, String kind) {
    for (K key : used) {
      checkArgument(defined.contains(key), "%s refers to %s %s, which the programme does not define", where, kind,
          key);
    }
  }

  /**
   * The activities of one kind.
   *
   * @param kind the activity type, such as {@code FocusGroup.class}
   * @param <A> the type
   * @return those activities, in order
   */
  public <A extends Activity> List<A> activities(Class<A> kind) {
    return activities.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /**
   * The number of activities of each kind, in order of first appearance.
   *
   * @return kind label to count
   */
  public Map<String, Integer> activityCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Activity a : activities) {
      counts.merge(a.kindLabel(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * The activity with this id.
   *
   * @param activityId an id
   * @return the activity, or empty
   */
  public Optional<Activity> activity(ActivityId activityId) {
    return activities.stream().filter(a -> a.id().equals(activityId)).findFirst();
  }

  /**
   * The audience with this id.
   *
   * @param audienceId an id
   * @return the audience, or empty
   */
  public Optional<Audience> audience(AudienceId audienceId) {
    return audiences.stream().filter(a -> a.id().equals(audienceId)).findFirst();
  }

  /**
   * The organisation with this id.
   *
   * @param organisationId an id
   * @return the organisation, or empty
   */
  public Optional<Organisation> organisation(OrganisationId organisationId) {
    return organisations.stream().filter(o -> o.id().equals(organisationId)).findFirst();
  }

  /**
   * Who was heard through what: for every audience, the activities that heard it (directly, or through a participant
   * who belongs to it). Reference audiences that no activity heard have an empty list.
   *
   * @return audience to the activities that heard it, in the order of {@link #audiences()}
   */
  public Map<Audience, List<Activity>> coverage() {
    Map<ParticipantId, Participant> byId = new LinkedHashMap<>();
    participants.forEach(p -> byId.put(p.id(), p));
    Map<Audience, List<Activity>> coverage = new LinkedHashMap<>();
    for (Audience audience : audiences) {
      List<Activity> heardBy = new ArrayList<>();
      for (Activity activity : activities) {
        boolean direct = activity.audiences().contains(audience.id());
        boolean viaParticipant = activity.participants().stream().map(byId::get)
            .anyMatch(p -> p != null && p.audiences().contains(audience.id()));
        if (direct || viaParticipant) {
          heardBy.add(activity);
        }
      }
      coverage.put(audience, List.copyOf(heardBy));
    }
    return coverage;
  }

  /**
   * The reference audiences no activity heard.
   *
   * @return those audiences, in order
   */
  public List<Audience> notReached() {
    List<Audience> missing = new ArrayList<>();
    coverage().forEach((audience, heardBy) -> {
      if (audience.reference() && heardBy.isEmpty()) {
        missing.add(audience);
      }
    });
    return missing;
  }

  /**
   * The quote with this id.
   *
   * @param quoteId an id
   * @return the quote, or empty
   */
  public Optional<Verbatim> quote(QuoteId quoteId) {
    return quotes.stream().filter(q -> q.id().equals(quoteId)).findFirst();
  }

  /**
   * Finds a participant.
   *
   * @param participantId an id
   * @return the participant, or empty
   */
  public Optional<Participant> participant(ParticipantId participantId) {
    return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
  }
}
