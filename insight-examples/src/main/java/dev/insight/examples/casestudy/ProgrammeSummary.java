package dev.insight.examples.casestudy;

import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.programme.Activity;
import dev.insight.core.programme.Audience;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Interview;
import dev.insight.core.programme.OrganisationId;
import dev.insight.core.programme.Participant;
import dev.insight.core.programme.ParticipantId;
import dev.insight.core.programme.Period;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.SurveyActivity;
import dev.insight.core.question.Question;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A programme at a glance, as text: activities by kind, audiences heard and reference groups not reached, the
 * stakeholders heard individually and their organisations, the survey's responses and the focus groups with their
 * discussion guide. Every figure is counted from the programme and the survey data, not typed in.
 *
 * @param programme the programme
 * @param survey the survey data
 */
public record ProgrammeSummary(Programme programme, Dataset survey) {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  /**
   * A summary of a programme and its survey data.
   *
   * @param programme the programme
   * @param survey the survey data
   * @return the summary
   */
  public static ProgrammeSummary of(Programme programme, Dataset survey) {
    return new ProgrammeSummary(programme, survey);
  }

  /**
   * The participants heard individually (in focus groups and interviews).
   *
   * @return their ids, in order of first appearance
   */
  public Set<ParticipantId> stakeholders() {
    Set<ParticipantId> ids = new LinkedHashSet<>();
    for (Activity a : programme.activities()) {
      if (a instanceof FocusGroup || a instanceof Interview) {
        ids.addAll(a.participants());
      }
    }
    return ids;
  }

  /**
   * The organisations the individually heard stakeholders speak for.
   *
   * @return their ids
   */
  public Set<OrganisationId> stakeholderOrganisations() {
    Set<OrganisationId> ids = new LinkedHashSet<>();
    for (ParticipantId id : stakeholders()) {
      programme.participant(id).flatMap(Participant::organisationId).ifPresent(ids::add);
    }
    return ids;
  }

  /**
   * The summary as plain text for a console, lines of at most 100 characters.
   *
   * @return the text
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(programme.title()).append('\n');
    out.append("  ").append(period(programme.period())).append(" (").append(programme.period().days())
        .append(" days)\n\n");

    out.append("Activities\n");
    for (Map.Entry<String, Integer> kind : programme.activityCounts().entrySet()) {
      out.append(String.format(Locale.ROOT, "  %-16s %3d%n", kind.getKey(), kind.getValue()));
    }

    out.append('\n').append(String.format(Locale.ROOT, "Stakeholders heard individually: %d from %d organisations "
        + "(focus groups and follow-up interviews)%n", stakeholders().size(), stakeholderOrganisations().size()));

    Map<Audience, List<Activity>> coverage = programme.coverage();
    long reference = coverage.keySet().stream().filter(Audience::reference).count();
    long referenceHeard = coverage.entrySet().stream().filter(e -> e.getKey().reference() && !e.getValue().isEmpty())
        .count();
    out.append(String.format(Locale.ROOT, "%nAudiences: %d of the %d reference groups heard%n", referenceHeard,
        reference));
    coverage.forEach((audience, heardBy) -> {
      if (audience.reference() && !heardBy.isEmpty()) {
        out.append("  heard:       ").append(audience.name()).append(" (").append(heardBy.size())
            .append(heardBy.size() == 1 ? " activity)\n" : " activities)\n");
      }
    });
    for (Audience audience : programme.notReached()) {
      out.append("  not reached: ").append(audience.name()).append('\n');
    }

    for (SurveyActivity s : programme.activities(SurveyActivity.class)) {
      out.append(String.format(Locale.ROOT, "%n%s: %d responses in the data (%d stated)", s.title(), survey.rowCount(),
          s.responses()));
      if (survey.has("comment")) {
        out.append(String.format(Locale.ROOT, ", %d open comments",
            survey.rowCount() - survey.text("comment").missingCount()));
      }
      out.append('\n');
      if (survey.has("contact")) {
        var contact = survey.categorical("contact");
        int yes = contact.counts()[contact.indexOf("Yes")];
        out.append(String.format(Locale.ROOT, "  In contact with service users, patients or the public: %d (%.0f%%)%n",
            yes, 100.0 * yes / (survey.rowCount() - contact.missingCount())));
      }
      if (survey.has("priorities")) {
        MultiResponseVariable priorities = survey.multiResponse("priorities");
        int[] counts = priorities.counts();
        int base = survey.rowCount() - priorities.missingCount();
        out.append("  Priorities chosen for comment (unweighted, % of ").append(base).append("):\n");
        for (int i = 0; i < counts.length; i++) {
          out.append(String.format(Locale.ROOT, "    %-32s %4d  %3.0f%%%n", priorities.options().get(i).label(),
              counts[i], 100.0 * counts[i] / base));
        }
      }
    }

    List<FocusGroup> groups = programme.activities(FocusGroup.class);
    out.append(String.format(Locale.ROOT, "%nFocus groups: %d%n", groups.size()));
    for (int i = 0; i < groups.size(); i++) {
      FocusGroup g = groups.get(i);
      out.append(String.format(Locale.ROOT, "  %d. %s (%s, %d participants)%n", i + 1, g.title(),
          g.when().map(ProgrammeSummary::period).orElse("date not recorded"), g.participants().size()));
    }
    if (!groups.isEmpty()) {
      out.append("  Discussion guide:\n");
      List<Question> guide = groups.get(0).guide();
      for (int i = 0; i < guide.size(); i++) {
        out.append("    ").append(i + 1).append(". ").append(guide.get(i).text()).append('\n');
      }
    }
    return out.toString();
  }

  private static String period(Period period) {
    return period.days() == 1 ? DAY.format(period.start()) : DAY.format(period.start()) + " to "
        + DAY.format(period.end());
  }
}
