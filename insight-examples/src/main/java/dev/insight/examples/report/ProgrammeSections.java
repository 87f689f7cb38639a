package dev.insight.examples.report;

import dev.insight.core.evidence.Finding;
import dev.insight.core.evidence.Priority;
import dev.insight.core.evidence.PriorityId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.Recommendation;
import dev.insight.core.evidence.Response;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.programme.Activity;
import dev.insight.core.programme.Audience;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Period;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.SourceStudy;
import dev.insight.core.question.Question;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report's sections that come from the programme itself, as the templates' model: the programme at a glance,
 * who was heard, the literature review, the focus groups' findings and recommendations, and "you said, we did".
 *
 * <p>Quotes pass through a {@link QuotePolicy}: a quote without consent is never shown, and a shown quote is
 * redacted.
 */
final class ProgrammeSections {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** Decides whether and how a quote may appear: empty to leave it out, else the text to print. */
  @FunctionalInterface
  interface QuotePolicy {
    Optional<String> publishable(Verbatim quote);
  }

  private final Programme programme;
  private final QuotePolicy quotes;

  ProgrammeSections(Programme programme, QuotePolicy quotes) {
    this.programme = programme;
    this.quotes = quotes;
  }

  static String period(Period period) {
    return period.days() == 1 ? DAY.format(period.start())
        : DAY.format(period.start()) + " to " + DAY.format(period.end());
  }

  ReportModel.Glance atAGlance(int stakeholders, int stakeholderOrganisations, int surveyResponses, int comments) {
    List<ReportModel.KindCount> kinds = new ArrayList<>();
    programme.activityCounts().forEach((kind, count) -> kinds.add(new ReportModel.KindCount(kind, count)));
    return new ReportModel.Glance(programme.purpose(), kinds, stakeholders, stakeholderOrganisations,
        surveyResponses, comments);
  }

  /** Whether the programme names reference groups (the audiences it set out to hear). */
  boolean hasReferenceGroups() {
    return programme.audiences().stream().anyMatch(Audience::reference);
  }

  ReportModel.Heard audiences() {
    Map<Audience, List<Activity>> coverage = programme.coverage();
    int reference = (int) coverage.keySet().stream().filter(Audience::reference).count();
    List<ReportModel.Audience> groups = new ArrayList<>();
    coverage.forEach((audience, heardBy) -> {
      if (audience.reference()) {
        groups.add(new ReportModel.Audience(audience.name(), heardBy.stream()
            .map(a -> a.kindLabel() + ": " + a.title()).toList()));
      }
    });
    return new ReportModel.Heard(reference, programme.notReached().size(), groups);
  }

  ReportModel.Literature literatureReview() {
    List<ReportModel.Study> studies = new ArrayList<>();
    for (SourceStudy s : programme.activities(SourceStudy.class)) {
      String finding = s.findings().stream().map(id -> programme.findings().stream()
          .filter(f -> f.id().equals(id)).findFirst().map(Finding::statement).orElse("")).findFirst().orElse("");
      studies.add(new ReportModel.Study(s.title(), s.publisher(), s.year(), s.method(), s.sampleSize() == null
          ? null : String.format(Locale.ROOT, "%,d", s.sampleSize()), s.sample(), finding,
          priorityTitles(s.priorities())));
    }
    return new ReportModel.Literature(studies);
  }

  private String priorityTitles(List<PriorityId> ids) {
    return String.join(", ", ids.stream().map(id -> programme.priorities().stream().filter(p -> p.id().equals(id))
        .findFirst().map(Priority::title).orElse(id.value())).toList());
  }

  ReportModel.FocusGroups focusGroups() {
    List<FocusGroup> groups = programme.activities(FocusGroup.class);
    List<String> modes = groups.stream().map(FocusGroup::mode).distinct().toList();
    boolean oneGuide = groups.stream().map(FocusGroup::guide).distinct().count() == 1;
    List<String> guide = !groups.isEmpty() && oneGuide ? groups.get(0).guide().stream().map(Question::text).toList()
        : List.of();
    List<ReportModel.Group> cards = new ArrayList<>();
    for (FocusGroup group : groups) {
      List<ReportModel.Finding> findings = new ArrayList<>();
      for (Finding f : programme.findings()) {
        if (f.sources().contains(group.id())) {
          findings.add(new ReportModel.Finding(f.statement(), quotesOf(f.quotes())));
        }
      }
      List<String> recommendations = programme.recommendations().stream()
          .filter(r -> r.sources().contains(group.id())).map(Recommendation::text).toList();
      cards.add(new ReportModel.Group(group.title(), group.when().map(ProgrammeSections::period).orElse(null),
          group.participants().size(), group.organisations().size(), findings, recommendations));
    }
    return new ReportModel.FocusGroups(modes, guide, cards);
  }

  List<ReportModel.Quote> quotesOf(List<QuoteId> ids) {
    List<ReportModel.Quote> shown = new ArrayList<>();
    for (QuoteId id : ids) {
      programme.quote(id).ifPresent(q -> quotes.publishable(q)
          .ifPresent(text -> shown.add(new ReportModel.Quote(text, q.attribution()))));
    }
    return shown;
  }

  ReportModel.YouSaid youSaidWeDid() {
    List<ReportModel.Response> responses = new ArrayList<>();
    for (Response r : programme.responses()) {
      List<ReportModel.Evidence> basis = new ArrayList<>();
      r.findings().forEach(id -> programme.findings().stream().filter(f -> f.id().equals(id)).findFirst()
          .ifPresent(f -> basis.add(new ReportModel.Evidence("finding", f.statement()))));
      r.recommendations().forEach(id -> programme.recommendations().stream().filter(x -> x.id().equals(id))
          .findFirst().ifPresent(x -> basis.add(new ReportModel.Evidence("recommendation", x.text()))));
      responses.add(new ReportModel.Response(r.weDid(), r.status().name().replace('_', ' ').toLowerCase(Locale.ROOT),
          r.youSaid(), basis, quotesOf(r.quotes()), ConsiderationSection.chain(programme, r)));
    }
    return new ReportModel.YouSaid(responses);
  }
}
