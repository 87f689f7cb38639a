package dev.insight.benchmarks;

import dev.insight.bank.CodedComment;
import dev.insight.bank.CommentSet;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.Consideration;
import dev.insight.core.evidence.Finding;
import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.PrevalenceId;
import dev.insight.core.evidence.Priority;
import dev.insight.core.evidence.PriorityId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.QuoteSource;
import dev.insight.core.evidence.Recommendation;
import dev.insight.core.evidence.RecommendationId;
import dev.insight.core.evidence.Response;
import dev.insight.core.evidence.ResponseId;
import dev.insight.core.evidence.ResponseStatus;
import dev.insight.core.evidence.ThemePrevalence;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.programme.Activity;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Audience;
import dev.insight.core.programme.AudienceId;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Period;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.ProgrammeId;
import dev.insight.core.programme.ReferenceAudiences;
import dev.insight.core.programme.SourceStudy;
import dev.insight.core.programme.SurveyActivity;
import dev.insight.core.programme.Visibility;
import dev.insight.core.programme.Workshop;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic programmes for the bank's benchmarks, at the scale of a regional insight bank: per programme a survey of
 * 2,500 coded comments, three focus groups, two source studies and a workshop, 50 findings, 50 quotes (one in ten
 * without consent), 10 recommendations, 8 theme prevalences and 5 responses, each considered once. 200 of them hold
 * 20,000 findings and quotes and 500,000 coded comments. Words come from a fixed vocabulary of engagement themes, so
 * searches find something; everything is deterministic for a seed.
 */
final class SyntheticBank {
  static final int FINDINGS = 50;
  static final int QUOTES = 50;
  static final int COMMENTS = 2_500;

  static final List<String> THEMES = List.of("cost of living", "mental health", "loneliness", "waiting times",
      "access to information", "staff shortages", "transport", "housing", "healthy weight", "carers support",
      "digital exclusion", "cultural sensitivity");
  private static final String[] WORDS = ("appointment waiting list months cost food energy bills rent lonely "
      + "isolated neighbour bus rural transport staff nurse vacancy shortage language interpreter translation "
      + "leaflet website online phone digital carer respite dementia child school young people older family "
      + "housing damp homeless mental anxiety depression counselling GP pharmacy community trust volunteer "
      + "faith group advice debt benefit job work weight exercise park healthy smoking alcohol drugs gambling "
      + "joined up services signposting early help funding money afford expensive").split(" ");
  private static final String[] PLACES = {"North County", "South County", "East City", "West Borough",
      "Coastal District", "Valley", "Metropolitan", "Riverside", "Uplands", "Forest"};

  private SyntheticBank() {}

  /** A programme and its coded comments. */
  record Generated(Programme programme, CommentSet comments) {}

  static Generated programme(int index, long seed) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    String id = String.format(Locale.ROOT, "prog-%03d", index);
    LocalDate start = LocalDate.of(2016 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
    List<Audience> audiences = new ArrayList<>(ReferenceAudiences.healthInequalities());
    List<AudienceId> ids = audiences.stream().map(Audience::id).toList();
    List<Activity> activities = new ArrayList<>();
    ActivityId survey = ActivityId.of("survey");
    activities.add(new SurveyActivity(survey, "Residents' survey", Period.of(start, start.plusDays(20)), "online",
        pick(random, ids, 3), List.of(), null, COMMENTS, List.of()));
    for (int g = 0; g < 3; g++) {
      activities.add(new FocusGroup(ActivityId.of("fg-" + g), "Focus group " + (g + 1) + ": " + words(random, 3),
          Period.on(start.plusDays(3 + g)), "online", pick(random, ids, 2), List.of(), null, List.of(), List.of()));
    }
    activities.add(new Workshop(ActivityId.of("ws"), "Workshop on " + words(random, 3), Period.on(start.plusDays(9)),
        pick(random, ids, 2), List.of(), null, 20 + random.nextInt(40)));
    List<PriorityId> priorityIds = List.of(PriorityId.of("p1"), PriorityId.of("p2"), PriorityId.of("p3"));
    List<Priority> priorities = List.of(new Priority(priorityIds.get(0), "Start well", null, false),
        new Priority(priorityIds.get(1), "Live well", null, false),
        new Priority(priorityIds.get(2), "Age well", null, false));
    List<Verbatim> quotes = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<FindingId> studyFindings = new ArrayList<>();
    for (int q = 0; q < QUOTES; q++) {
      ActivityId from = ActivityId.of("fg-" + random.nextInt(3));
      quotes.add(new Verbatim(QuoteId.of("Q" + q), sentence(random, 14), QuoteSource.of(from), "participant",
          random.nextInt(10) == 0 ? Consent.NOT_RECORDED : Consent.GIVEN, List.of(theme(random))));
    }
    for (int f = 0; f < FINDINGS; f++) {
      FindingId fid = FindingId.of("F" + f);
      boolean fromStudy = f < 4;
      ActivityId from = fromStudy ? ActivityId.of("lr-" + (f % 2)) : ActivityId.of(random.nextBoolean() ? "survey"
          : "fg-" + random.nextInt(3));
      if (fromStudy) {
        studyFindings.add(fid);
      }
      findings.add(new Finding(fid, sentence(random, 18), theme(random), List.of(from),
          fromStudy ? List.of() : List.of(QuoteId.of("Q" + f)), pick(random, priorityIds, 1)));
    }
    for (int s = 0; s < 2; s++) {
      int s0 = s;
      activities.add(new SourceStudy(ActivityId.of("lr-" + s), "Study of " + words(random, 3), null,
          "Healthwatch", 2010 + random.nextInt(10), "survey", 100 + random.nextInt(900), words(random, 4),
          pick(random, ids, 2), List.of(), null,
          studyFindings.stream().filter(x -> Integer.parseInt(x.value().substring(1)) % 2 == s0).toList(),
          List.of(), List.of(), pick(random, priorityIds, 1)));
    }
    List<Recommendation> recommendations = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      recommendations.add(new Recommendation(RecommendationId.of("R" + r), sentence(random, 12),
          List.of(ActivityId.of("fg-" + random.nextInt(3))), List.of(FindingId.of("F" + (10 + r))),
          pick(random, priorityIds, 1)));
    }
    List<ThemePrevalence> prevalences = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      double share = 0.02 + random.nextDouble() * 0.4;
      prevalences.add(new ThemePrevalence(PrevalenceId.of("P" + t), THEMES.get(t), survey, share, share * 0.8,
          Math.min(1, share * 1.25), 0.95, 800, 1000.0, "logit"));
    }
    List<Response> responses = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      responses.add(new Response(ResponseId.of("YSWD-" + r), sentence(random, 10), sentence(random, 10),
          ResponseStatus.DONE, List.of(RecommendationId.of("R" + r)), List.of(FindingId.of("F" + (20 + r))),
          List.of(), List.of()).considered(new Consideration("Board", start.plusMonths(2),
              List.of(FindingId.of("F" + (20 + r))), List.of(PrevalenceId.of("P" + r)), List.of(), List.of(survey),
              null)));
    }
    Programme programme = new Programme(ProgrammeId.of(id), "Programme " + index + ": " + words(random, 4),
        "Hear residents on " + words(random, 5), Period.of(start, start.plusDays(60)), List.of(), List.of(),
        audiences, List.of(), activities, priorities, quotes, findings, recommendations, responses, prevalences,
        PLACES[index % PLACES.length], index % 10 == 9 ? Visibility.INTERNAL_USE_ONLY : Visibility.PUBLIC);
    List<CodedComment> comments = new ArrayList<>(COMMENTS);
    for (int c = 0; c < COMMENTS; c++) {
      List<String> themes = random.nextInt(4) == 0 ? List.of(theme(random), theme(random)).stream().distinct()
          .toList() : List.of(theme(random));
      comments.add(new CodedComment("r" + c, sentence(random, 8 + random.nextInt(25)), themes));
    }
    return new Generated(programme, new CommentSet(survey, "Any other comments?", Consent.GIVEN, comments));
  }

  private static String theme(SplittableRandom random) {
    return THEMES.get(random.nextInt(THEMES.size()));
  }

  static String words(SplittableRandom random, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }

  private static String sentence(SplittableRandom random, int n) {
    String words = words(random, n);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
  }

  private static <T> List<T> pick(SplittableRandom random, List<T> from, int n) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      T t = from.get(random.nextInt(from.size()));
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
