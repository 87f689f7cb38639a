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
import java.util.function.Function;

/**
 * The report's sections that come from the programme itself: the programme at a glance, who was heard, the
 * literature review, the focus groups' findings and recommendations, and "you said, we did".
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

  /**
   * The programme at a glance: its purpose, a figure per kind of activity that took place, the people heard in
   * groups and interviews, the survey responses, and the activities by kind.
   */
  Html atAGlance(int stakeholders, int stakeholderOrganisations, int surveyResponses, int comments) {
    Html html = new Html();
    html.element("p", programme.purpose(), "class", "lead");
    html.open("div", "class", "figures");
    Map<String, Integer> counts = programme.activityCounts();
    counts.forEach((kind, count) -> {
      if (!kind.equals("survey") && count > 0) {
        figure(html, String.valueOf(count), plural(kind, count));
      }
    });
    if (stakeholders > 0) {
      figure(html, String.valueOf(stakeholders), "people heard in groups and interviews, from "
          + stakeholderOrganisations + (stakeholderOrganisations == 1 ? " organisation" : " organisations"));
    }
    if (surveyResponses > 0) {
      figure(html, String.valueOf(surveyResponses), "survey responses, " + comments + " with comments");
    }
    html.close("div");
    List<List<String>> rows = new ArrayList<>();
    counts.forEach((kind, count) -> rows.add(List.of(kind, String.valueOf(count))));
    html.table("Activities by kind, " + period(programme.period()), List.of("Activity", "Number"), rows, true);
    return html;
  }

  /** "focus group", 2: "focus groups"; "board meeting", 1: "board meeting". */
  static String plural(String kind, int count) {
    if (count == 1) {
      return kind;
    }
    return kind.endsWith("y") && !kind.endsWith("ey") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
  }

  private static void figure(Html html, String value, String label) {
    html.open("div", "class", "figure").element("b", value).element("span", label).close("div");
  }

  /** Whether the programme names reference groups (the audiences it set out to hear). */
  boolean hasReferenceGroups() {
    return programme.audiences().stream().anyMatch(Audience::reference);
  }

  Html audiences() {
    Html html = new Html();
    Map<Audience, List<Activity>> coverage = programme.coverage();
    long reference = coverage.keySet().stream().filter(Audience::reference).count();
    List<Audience> missing = programme.notReached();
    html.element("p", (reference - missing.size()) + " of the " + reference + " reference groups (the audiences "
        + "the programme set out to hear) were heard through at least one activity; " + missing.size()
        + (missing.size() == 1 ? " was" : " were") + " not. Groups not reached are where the next round of "
        + "engagement should start.", "class", "lead");
    List<List<String>> rows = new ArrayList<>();
    coverage.forEach((audience, heardBy) -> {
      if (audience.reference()) {
        rows.add(List.of(audience.name(), heardBy.isEmpty() ? "not reached" : describe(heardBy)));
      }
    });
    String caption = "Reference groups and the activities that heard them";
    html.scrolling(caption).open("table");
    html.element("caption", caption);
    html.open("thead").open("tr").element("th", "Group", "scope", "col").element("th", "Heard through", "scope", "col")
        .close("tr").close("thead").open("tbody");
    for (List<String> row : rows) {
      html.open("tr").element("th", row.get(0), "scope", "row").element("td", row.get(1), "class", "text")
          .close("tr");
    }
    html.close("tbody").close("table").close("div");
    return html;
  }

  private static String describe(List<Activity> activities) {
    List<String> parts = new ArrayList<>();
    for (Activity a : activities) {
      parts.add(a.kindLabel() + ": " + a.title());
    }
    return String.join("; ", parts);
  }

  Html literatureReview() {
    Html html = new Html();
    List<SourceStudy> studies = programme.activities(SourceStudy.class);
    html.element("p", studies.size() + (studies.size() == 1 ? " existing study was" : " existing studies were")
        + " reviewed for what they already say; for each, its method and sample, its key finding and what it "
        + "informs.", "class", "lead");
    String caption = studies.size() + (studies.size() == 1 ? " study" : " studies") + " in the literature review";
    html.scrolling(caption).open("table");
    html.element("caption", caption);
    html.open("thead").open("tr");
    for (String h : List.of("Study", "Year", "Method and sample", "Key finding", "Informs")) {
      html.element("th", h, "scope", "col");
    }
    html.close("tr").close("thead").open("tbody");
    for (SourceStudy s : studies) {
      String finding = s.findings().stream().map(id -> programme.findings().stream()
          .filter(f -> f.id().equals(id)).findFirst().map(Finding::statement).orElse("")).findFirst().orElse("");
      String sample = s.method() + "; " + (s.sampleSize() == null ? "" : String.format(Locale.ROOT, "%,d ",
          s.sampleSize())) + s.sample();
      html.open("tr").element("th", s.title() + " (" + s.publisher() + ")", "scope", "row")
          .element("td", String.valueOf(s.year()), "class", "num")
          .element("td", sample, "class", "text")
          .element("td", finding, "class", "text")
          .element("td", priorityTitles(s.priorities()), "class", "text").close("tr");
    }
    html.close("tbody").close("table").close("div");
    return html;
  }

  private String priorityTitles(List<PriorityId> ids) {
    return String.join(", ", ids.stream().map(id -> programme.priorities().stream().filter(p -> p.id().equals(id))
        .findFirst().map(Priority::title).orElse(id.value())).toList());
  }

  Html focusGroups() {
    Html html = new Html();
    List<FocusGroup> groups = programme.activities(FocusGroup.class);
    List<String> modes = groups.stream().map(FocusGroup::mode).distinct().toList();
    html.element("p", groups.size() + (groups.size() == 1 ? " focus group" : " focus groups")
        + (modes.size() == 1 ? " (" + modes.get(0) + ")" : "") + "; for each, who took part, what was found and "
        + "what was recommended.", "class", "lead");
    boolean oneGuide = groups.stream().map(FocusGroup::guide).distinct().count() == 1;
    if (!groups.isEmpty() && oneGuide && !groups.get(0).guide().isEmpty()) {
      html.open("details").element("summary", "The discussion guide").open("ol");
      for (Question q : groups.get(0).guide()) {
        html.element("li", q.text());
      }
      html.close("ol").close("details");
    }
    for (FocusGroup group : groups) {
      html.open("div", "class", "card");
      html.element("h3", group.title());
      html.element("p", group.when().map(ProgrammeSections::period).orElse("Date not recorded") + "; "
          + group.participants().size() + " participants from " + group.organisations().size() + " organisations",
          "class", "note");
      for (Finding f : programme.findings()) {
        if (f.sources().contains(group.id())) {
          html.open("p").open("strong").text("Finding: ").close("strong").text(f.statement()).close("p");
          quotesOf(html, f.quotes());
        }
      }
      for (Recommendation r : programme.recommendations()) {
        if (r.sources().contains(group.id())) {
          html.open("p").open("strong").text("Recommendation: ").close("strong").text(r.text()).close("p");
        }
      }
      html.close("div");
    }
    return html;
  }

  void quotesOf(Html html, List<QuoteId> ids) {
    for (QuoteId id : ids) {
      programme.quote(id).flatMap(q -> quotes.publishable(q).map(text -> Map.entry(q, text))).ifPresent(entry -> {
        html.open("blockquote").element("p", "\u201c" + entry.getValue() + "\u201d")
            .element("footer", "\u2014 " + entry.getKey().attribution()).close("blockquote");
      });
    }
  }

  Html youSaidWeDid() {
    Html html = new Html();
    html.element("p", "What changed because of what people said, and the evidence behind each change.", "class",
        "lead");
    Function<String, String> status = s -> s.replace('_', ' ').toLowerCase(Locale.ROOT);
    for (Response r : programme.responses()) {
      html.open("div", "class", "card");
      html.open("h3").text(r.weDid()).text(" ").element("span", status.apply(r.status().name()), "class", "status")
          .close("h3");
      html.open("p").open("strong").text("You said: ").close("strong").text(r.youSaid()).close("p");
      List<String> basis = new ArrayList<>();
      r.findings().forEach(id -> programme.findings().stream().filter(f -> f.id().equals(id)).findFirst()
          .ifPresent(f -> basis.add(f.statement())));
      r.recommendations().forEach(id -> programme.recommendations().stream().filter(x -> x.id().equals(id))
          .findFirst().ifPresent(x -> basis.add("Recommendation: " + x.text())));
      if (!basis.isEmpty()) {
        html.element("p", "The evidence:", "class", "note").open("ul");
        basis.forEach(b -> html.element("li", b));
        html.close("ul");
      }
      quotesOf(html, r.quotes());
      ConsiderationSection.chain(html, programme, r);
      html.close("div");
    }
    return html;
  }
}
