package dev.insight.examples.casestudy;

import static dev.insight.examples.casestudy.Build.activity;
import static dev.insight.examples.casestudy.Build.audiences;
import static dev.insight.examples.casestudy.Build.findings;
import static dev.insight.examples.casestudy.Build.organisations;
import static dev.insight.examples.casestudy.Build.participants;
import static dev.insight.examples.casestudy.Build.priorities;
import static dev.insight.examples.casestudy.Build.quotes;
import static dev.insight.examples.casestudy.Build.recommendations;

import dev.insight.core.data.Category;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.Finding;
import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.Priority;
import dev.insight.core.evidence.PriorityId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.QuoteSource;
import dev.insight.core.evidence.Recommendation;
import dev.insight.core.evidence.RecommendationId;
import dev.insight.core.evidence.Response;
import dev.insight.core.evidence.ResponseId;
import dev.insight.core.evidence.ResponseStatus;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.programme.Activity;
import dev.insight.core.programme.Audience;
import dev.insight.core.programme.AudienceId;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Interview;
import dev.insight.core.programme.Meeting;
import dev.insight.core.programme.Organisation;
import dev.insight.core.programme.OrganisationId;
import dev.insight.core.programme.Panel;
import dev.insight.core.programme.Participant;
import dev.insight.core.programme.ParticipantId;
import dev.insight.core.programme.Period;
import dev.insight.core.programme.Principle;
import dev.insight.core.programme.PrincipleId;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.ProgrammeId;
import dev.insight.core.programme.ReferenceAudiences;
import dev.insight.core.programme.Sector;
import dev.insight.core.programme.SourceStudy;
import dev.insight.core.programme.SurveyActivity;
import dev.insight.core.programme.Visibility;
import dev.insight.core.programme.Workshop;
import dev.insight.core.question.MultipleChoice;
import dev.insight.core.question.OpenText;
import dev.insight.core.question.Question;
import dev.insight.core.question.QuestionId;
import dev.insight.core.question.SingleChoice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The case study programme, built in code from the published facts (see {@code shared/design/CASE-STUDY.md}): an
 * integrated care partnership's engagement on its draft ten-year health and wellbeing strategy.
 *
 * <p>Names of people are pseudonyms; organisation names are generic descriptions, not real organisations. Counts,
 * dates and shares are the published ones; where the publication gives none (the exact day of a board meeting, say)
 * a plausible value is used and the programme says so in its purpose note.
 */
public final class CaseStudy {
  /** The first day of the four-week engagement window. */
  static final LocalDate START = LocalDate.of(2022, 9, 5);

  private static final List<String> SIX_QUESTIONS = List.of(
      "What are the main issues and challenges for the people you work with?",
      "What measures would help?",
      "How can organisations be more joined up?",
      "What can your organisation do?",
      "Are the draft priorities the right ones?",
      "Is there anything else you would like to tell us?");

  private CaseStudy() {}

  /**
   * The whole programme.
   *
   * @return a new programme
   */
  public static Programme programme() {
    List<Audience> audiences = new ArrayList<>(ReferenceAudiences.healthInequalities());
    audiences.add(new Audience(AudienceId.of("staff-and-volunteers"), "Staff and volunteers of partner organisations",
        "People who will deliver the strategy", false));
    audiences.add(new Audience(AudienceId.of("partner-representatives"), "Representatives of partner organisations",
        null, false));
    audiences.add(new Audience(AudienceId.of("residents"), "Residents", "The public at large", false));

    List<Activity> activities = new ArrayList<>();
    activities.addAll(sourceStudies());
    activities.addAll(focusGroups());
    activities.add(new Interview(activity("int-follow-up"), "Follow-up depth interviews",
        Period.of(START.plusDays(9), START.plusDays(11)),
        audiences("people-living-in-deprived-areas", "inclusion-health-groups", "parents-carers-and-families"),
        organisations("org-housing", "org-recovery", "org-parent-forum"), PrincipleId.of("excluded"),
        participants("P21", "P22", "P23")));
    activities.add(staffSurvey());
    activities.addAll(workshops());
    activities.addAll(meetings());
    activities.addAll(panels());

    return new Programme(ProgrammeId.of("hwb-strategy-2022"),
        "Ten-year health and wellbeing strategy: engagement on the draft",
        "Hear, within a four-week window, from representatives of seldom-heard communities and from the staff and "
            + "volunteers who will deliver the strategy, so that the integrated care partnership can finalise its "
            + "ten-year health and wellbeing strategy for about 1.5 million people. (Bundled case study: published "
            + "counts and shares; people pseudonymous; organisation names and exact meeting days illustrative.)",
        Period.of(START, START.plusDays(27)), principles(), organisationList(), audiences, participantList(),
        activities, priorityList(), quoteList(), findingList(), recommendationList(),
        CaseStudyDecisions.considered(responseList()), CaseStudyDecisions.prevalences(), null, Visibility.PUBLIC);
  }

  private static List<Principle> principles() {
    String[][] rows = {
        {"voices", "Voices at the centre of decisions"},
        {"start-early", "Start early and feed back"},
        {"understand-needs", "Understand people's needs"},
        {"excluded", "Reach groups who are excluded"},
        {"healthwatch-vcse", "Work with Healthwatch and the VCSE sector"},
        {"clear-information", "Clear public information"},
        {"community-development", "Community development"},
        {"accountability", "Co-production for accountability"},
        {"co-design", "Co-design services"},
        {"learn", "Learn from what works"}};
    List<Principle> list = new ArrayList<>();
    for (String[] row : rows) {
      list.add(new Principle(PrincipleId.of(row[0]), row[1], null));
    }
    return list;
  }

  private static List<Organisation> organisationList() {
    Object[][] rows = {
        {"icb", "Integrated care board", Sector.NHS, true},
        {"county", "County council", Sector.LOCAL_GOVERNMENT, true},
        {"districts", "District and borough councils", Sector.LOCAL_GOVERNMENT, true},
        {"trusts", "NHS provider trusts", Sector.NHS, true},
        {"police", "Police and crime commissioner's office", Sector.OTHER_PUBLIC, true},
        {"healthwatch", "Healthwatch", Sector.HEALTHWATCH, true},
        {"vcfse-alliance", "VCFSE alliance", Sector.VCFSE, true},
        {"care-providers", "Care providers' association", Sector.CARE_PROVIDER, true},
        {"org-advice", "Citizens' advice service", Sector.VCFSE, false},
        {"org-foodbank", "Food bank network", Sector.VCFSE, false},
        {"org-money", "Community money advice", Sector.VCFSE, false},
        {"org-housing", "Housing association", Sector.VCFSE, false},
        {"org-homeless", "Homelessness charity", Sector.VCFSE, false},
        {"org-travellers", "Gypsy, Roma and Traveller support group", Sector.VCFSE, false},
        {"org-refugees", "Refugee and asylum seeker network", Sector.VCFSE, false},
        {"org-recovery", "Drug and alcohol recovery service", Sector.VCFSE, false},
        {"org-bme-partnership", "Black and minority ethnic community partnership", Sector.VCFSE, false},
        {"org-faith", "Interfaith forum", Sector.VCFSE, false},
        {"org-womens-centre", "South Asian women's centre", Sector.VCFSE, false},
        {"org-youth", "Young people's charity", Sector.VCFSE, false},
        {"org-parent-forum", "Parent carer forum", Sector.VCFSE, false},
        {"org-school-nursing", "School nursing service", Sector.NHS, false},
        {"org-family-centres", "Family centres", Sector.LOCAL_GOVERNMENT, false}};
    List<Organisation> list = new ArrayList<>();
    for (Object[] row : rows) {
      list.add(new Organisation(OrganisationId.of((String) row[0]), (String) row[1], (Sector) row[2],
          (Boolean) row[3]));
    }
    return list;
  }

  /** 23 stakeholders from 15 organisations: four focus groups (6, 5, 5, 4) and three follow-up interviews. */
  private static List<Participant> participantList() {
    String[][] rows = {
        {"P01", "adviser at a citizens' advice service", "org-advice", "people-living-in-deprived-areas"},
        {"P02", "coordinator of a food bank network", "org-foodbank", "people-living-in-deprived-areas"},
        {"P03", "money adviser", "org-money", "people-living-in-deprived-areas"},
        {"P04", "volunteer at a food bank", "org-foodbank", "people-living-in-deprived-areas"},
        {"P05", "manager of a citizens' advice service", "org-advice", "people-living-in-deprived-areas"},
        {"P06", "representative of a community money advice service", "org-money",
            "people-living-in-deprived-areas"},
        {"P07", "outreach worker with people who are homeless", "org-homeless", "inclusion-health-groups"},
        {"P08", "representative of a Gypsy, Roma and Traveller support group", "org-travellers",
            "inclusion-health-groups"},
        {"P09", "caseworker with refugees and people seeking asylum", "org-refugees", "inclusion-health-groups"},
        {"P10", "recovery worker", "org-recovery", "inclusion-health-groups"},
        {"P11", "representative of a homelessness charity", "org-homeless", "inclusion-health-groups"},
        {"P12", "representative of a Black and minority ethnic community partnership", "org-bme-partnership",
            "black-and-minority-ethnic-communities"},
        {"P13", "representative of an interfaith forum", "org-faith", "religious-and-faith-groups"},
        {"P14", "worker at a South Asian women's centre", "org-womens-centre", "black-and-minority-ethnic-communities"},
        {"P15", "community development worker", "org-bme-partnership", "black-and-minority-ethnic-communities"},
        {"P16", "volunteer with a faith community", "org-faith", "religious-and-faith-groups"},
        {"P17", "representative of a children and young people's organisation", "org-youth",
            "children-and-young-people"},
        {"P18", "representative of a parent carer forum", "org-parent-forum",
            "children-and-young-people-with-special-educational-needs-and-disabilities"},
        {"P19", "school nurse", "org-school-nursing", "children-and-young-people"},
        {"P20", "family centre lead", "org-family-centres", "parents-carers-and-families"},
        {"P21", "housing officer", "org-housing", "people-living-in-deprived-areas"},
        {"P22", "recovery service manager", "org-recovery", "inclusion-health-groups"},
        {"P23", "parent carer forum member", "org-parent-forum", "parents-carers-and-families"}};
    List<Participant> list = new ArrayList<>();
    for (String[] row : rows) {
      list.add(new Participant(ParticipantId.of(row[0]), row[0], row[1], OrganisationId.of(row[2]),
          List.of(AudienceId.of(row[3])), Map.of()));
    }
    return list;
  }

  private static List<Question> guide() {
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < SIX_QUESTIONS.size(); i++) {
      questions.add(new OpenText(QuestionId.of("guide-" + (i + 1)), SIX_QUESTIONS.get(i)));
    }
    return questions;
  }

  private static List<FocusGroup> focusGroups() {
    String mode = "online (Microsoft Teams), recorded and transcribed; transcript validated by the facilitator";
    return List.of(
        new FocusGroup(activity("fg-poverty"), "Representatives of people living with poverty",
            Period.on(START.plusDays(7)), mode, audiences("people-living-in-deprived-areas"),
            organisations("org-advice", "org-foodbank", "org-money"), PrincipleId.of("excluded"),
            participants("P01", "P02", "P03", "P04", "P05", "P06"), guide()),
        new FocusGroup(activity("fg-inclusion"), "Representatives of inclusion health groups",
            Period.on(START.plusDays(7)), mode, audiences("inclusion-health-groups", "transient-populations"),
            organisations("org-homeless", "org-travellers", "org-refugees", "org-recovery"),
            PrincipleId.of("excluded"), participants("P07", "P08", "P09", "P10", "P11"), guide()),
        new FocusGroup(activity("fg-ethnicity"),
            "Representatives of people from Black, Asian and minority ethnic backgrounds",
            Period.on(START.plusDays(8)), mode,
            audiences("black-and-minority-ethnic-communities", "religious-and-faith-groups"),
            organisations("org-bme-partnership", "org-faith", "org-womens-centre"), PrincipleId.of("excluded"),
            participants("P12", "P13", "P14", "P15", "P16"), guide()),
        new FocusGroup(activity("fg-families"), "Representatives of parents, children and young people",
            Period.on(START.plusDays(9)), mode,
            audiences("children-and-young-people", "parents-carers-and-families",
                "children-and-young-people-with-special-educational-needs-and-disabilities"),
            organisations("org-youth", "org-parent-forum", "org-school-nursing", "org-family-centres"),
            PrincipleId.of("excluded"), participants("P17", "P18", "P19", "P20"), guide()));
  }

  /** The staff survey's questions; codes and labels match the bundled survey file. */
  static SurveyActivity staffSurvey() {
    List<Category> priorities = new ArrayList<>();
    for (StaffSurvey.PriorityOption option : StaffSurvey.PRIORITIES) {
      priorities.add(Category.of(option.column(), option.label()));
    }
    List<Question> questions = List.of(
        new SingleChoice(dev.insight.core.question.QuestionId.of("sector"), "Which sector do you work in?",
            StaffSurvey.SECTORS.stream().map(Category::of).toList()),
        new SingleChoice(QuestionId.of("area"), "Which area do you mostly work in?",
            StaffSurvey.AREAS.stream().map(Category::of).toList()),
        new SingleChoice(QuestionId.of("age"), "How old are you?", StaffSurvey.AGES.stream().map(Category::of)
            .toList()),
        new SingleChoice(QuestionId.of("contact"), "Do you have contact with service users, patients or the "
            + "public?", List.of(Category.of("Yes"), Category.of("No"))),
        new MultipleChoice(QuestionId.of("priorities"), "Which of the draft priorities would you like to comment "
            + "on?", priorities, null),
        new SingleChoice(QuestionId.of("addiction_personal"), "Would the addiction priority affect you "
            + "personally?", List.of(Category.of("1", "Yes"), Category.of("0", "No"))),
        new SingleChoice(QuestionId.of("addiction_family"), "Would the addiction priority affect your family or "
            + "friends?", List.of(Category.of("1", "Yes"), Category.of("0", "No"))),
        new OpenText(QuestionId.of("comment"), "Do you have any comments on the priorities overall?"));
    return new SurveyActivity(activity("staff-survey"), "Staff and volunteer survey",
        Period.of(START.plusDays(7), START.plusDays(20)), "online, two weeks", audiences("staff-and-volunteers"),
        organisations("icb", "county", "districts", "trusts", "police", "vcfse-alliance", "care-providers"),
        PrincipleId.of("voices"), StaffSurvey.RESPONDENTS, questions);
  }

  private static List<Workshop> workshops() {
    List<Workshop> list = new ArrayList<>();
    String[] titles = {"Strategy workshop 1: the case for change", "Strategy workshop 2: the draft priorities",
        "Strategy workshop 3: delivery and monitoring"};
    int[] attendees = {34, 29, 31};
    for (int i = 0; i < titles.length; i++) {
      list.add(new Workshop(activity("ws-" + (i + 1)), titles[i], Period.on(START.plusDays(3 + 8L * i)),
          audiences("partner-representatives"), organisations("icb", "county", "districts", "trusts", "police",
              "healthwatch", "vcfse-alliance", "care-providers"), PrincipleId.of("accountability"), attendees[i]));
    }
    return list;
  }

  /** Over 30 meetings with boards and committees to present the draft. */
  private static List<Meeting> meetings() {
    String[] boards = {
        "Integrated care partnership", "Integrated care board", "County health and wellbeing board",
        "Neighbouring county health and wellbeing board", "Health scrutiny committee",
        "Adult care and health cabinet panel", "Children's services cabinet panel", "Public health board",
        "Community safety partnership", "Local resilience forum health group", "VCFSE alliance board",
        "Healthwatch board", "Care providers' forum", "Primary care board", "Mental health collaborative",
        "Learning disability partnership board", "Carers' partnership board", "Community assembly (north)",
        "Community assembly (east)", "Community assembly (south)", "Community assembly (west)",
        "District council (1) overview committee", "District council (2) overview committee",
        "District council (3) overview committee", "District council (4) overview committee",
        "District council (5) overview committee", "Borough council overview committee",
        "Place board (north)", "Place board (south)", "Place board (west)", "Co-production board"};
    List<Meeting> list = new ArrayList<>();
    for (int i = 0; i < boards.length; i++) {
      list.add(new Meeting(activity(String.format(java.util.Locale.ROOT, "meeting-%02d", i + 1)),
          "Draft strategy presented to the " + boards[i], Period.on(START.plusDays(i % 28)), boards[i],
          audiences("partner-representatives"), List.of(), PrincipleId.of("voices")));
    }
    return list;
  }

  private static List<Panel> panels() {
    Object[][] rows = {
        {"panel-forum", "Patient engagement forum", 24, "every two months; up to four questions to each board "
            + "meeting", "residents"},
        {"panel-network", "Patient and community network", 700, null, "residents"},
        {"panel-readers", "Reader panel", 60, null, "residents"},
        {"panel-citizens", "Citizens' panel", 50, null, "residents"},
        {"panel-youth", "Youth council", 9, "monthly; members aged 12 to 19", "children-and-young-people"},
        {"panel-assemblies", "Community assemblies", 0, null, "residents"},
        {"panel-coproduction", "Co-production board", 14, null, "people-who-draw-on-care-and-support"}};
    List<Panel> list = new ArrayList<>();
    for (Object[] row : rows) {
      list.add(new Panel(activity((String) row[0]), (String) row[1], null, audiences((String) row[4]),
          organisations("icb"), PrincipleId.of("voices"), (Integer) row[2], (String) row[3]));
    }
    return list;
  }

  private static List<Priority> priorityList() {
    List<Priority> list = new ArrayList<>();
    for (StaffSurvey.PriorityOption option : StaffSurvey.PRIORITIES) {
      list.add(new Priority(PriorityId.of(option.column().substring("pri_".length())), option.label(), null, true));
    }
    String[][] finals = {
        {"final-start-in-life", "Give every child the best start in life"},
        {"final-mental-wellbeing", "Good mental and emotional wellbeing for all"},
        {"final-healthy-lives", "Healthy weight and active lives, free from addiction"},
        {"final-places", "Healthy, safe and sustainable places and homes"},
        {"final-ageing", "Living and ageing well, with support for carers"},
        {"final-workforce", "A skilled and supported workforce"}};
    for (String[] row : finals) {
      list.add(new Priority(PriorityId.of(row[0]), row[1], "Priority of the final strategy", false));
    }
    return list;
  }

  /** The literature review: 13 studies on one template. */
  private static List<SourceStudy> sourceStudies() {
    List<SourceStudy> list = new ArrayList<>();
    for (Study s : Study.ALL) {
      list.add(new SourceStudy(activity(s.id()), s.title(), s.period(), s.publisher(), s.year(), s.method(),
          s.sampleSize(), s.sample(), audiences(s.audiences()), List.of(), PrincipleId.of("learn"),
          findings("F-" + s.id()), s.recommendation() == null ? List.of() : recommendations("R-" + s.id()),
          s.quote() == null ? List.of() : quotes("Q-" + s.id()), priorities(s.priorities())));
    }
    return list;
  }

  private static List<Verbatim> quoteList() {
    List<Verbatim> list = new ArrayList<>();
    for (Study s : Study.ALL) {
      if (s.quote() != null) {
        list.add(new Verbatim(QuoteId.of("Q-" + s.id()), s.quote(), QuoteSource.of(activity(s.id())),
            "participant in " + s.title().toLowerCase(java.util.Locale.ROOT) + " (" + s.year() + ")", Consent.GIVEN,
            List.of(s.theme())));
      }
    }
    for (GroupEvidence e : GroupEvidence.ALL) {
      list.add(new Verbatim(QuoteId.of(e.quoteId()), e.quote(),
          new QuoteSource(activity(e.activity()), ParticipantId.of(e.speaker()), null, e.time()), e.attribution(),
          e.consent(), List.of(e.theme())));
    }
    return list;
  }

  private static List<Finding> findingList() {
    List<Finding> list = new ArrayList<>();
    for (Study s : Study.ALL) {
      list.add(new Finding(FindingId.of("F-" + s.id()), s.finding(), s.theme(), List.of(activity(s.id())),
          s.quote() == null ? List.of() : quotes("Q-" + s.id()), priorities(s.priorities())));
    }
    for (GroupEvidence e : GroupEvidence.ALL) {
      list.add(new Finding(FindingId.of(e.findingId()), e.finding(), e.theme(), List.of(activity(e.activity())),
          quotes(e.quoteId()), priorities(e.priorities())));
    }
    list.add(new Finding(FindingId.of("F-survey-positive"), "41% of the 180 staff who commented were generally "
        + "positive about the priorities; 14% said they need adequate staff and skills, 12% more detail on "
        + "delivery, monitoring and evaluation, and 11% adequate funding.", "delivery", List.of(activity(
            "staff-survey")), List.of(), List.of()));
    list.add(new Finding(FindingId.of("F-survey-too-many"), "Staff and stakeholders supported the priorities but "
        + "asked how ten could be delivered and monitored: fewer, done well.", "too many priorities",
        List.of(activity("staff-survey"), activity("fg-poverty"), activity("ws-3")), List.of(), List.of()));
    return list;
  }

  private static List<Recommendation> recommendationList() {
    List<Recommendation> list = new ArrayList<>();
    for (Study s : Study.ALL) {
      if (s.recommendation() != null) {
        list.add(new Recommendation(RecommendationId.of("R-" + s.id()), s.recommendation(),
            List.of(activity(s.id())), findings("F-" + s.id()), priorities(s.priorities())));
      }
    }
    for (GroupEvidence e : GroupEvidence.ALL) {
      list.add(new Recommendation(RecommendationId.of(e.recommendationId()), e.recommendation(),
          List.of(activity(e.activity())), findings(e.findingId()), priorities(e.priorities())));
    }
    return list;
  }

  private static List<Response> responseList() {
    return List.of(
        new Response(ResponseId.of("YSWD-1"), "You supported the ten draft priorities but told us there were too "
            + "many to deliver well.", "We reduced the ten priorities to six.", ResponseStatus.DONE,
            recommendations("R-fg-poverty"), findings("F-survey-too-many", "F-survey-positive"), quotes("Q-fg-poverty"),
            priorities("final-start-in-life", "final-mental-wellbeing", "final-healthy-lives", "final-places",
                "final-ageing", "final-workforce")),
        new Response(ResponseId.of("YSWD-2"), "You told us the priorities must be written in plain language.",
            "We rewrote the strategy in plain language and tested it with the reader panel.", ResponseStatus.DONE,
            recommendations("R-fg-ethnicity"), findings("F-fg-ethnicity"), quotes("Q-fg-ethnicity"), List.of()),
        new Response(ResponseId.of("YSWD-3"), "You told us early help, joined-up services, signposting and "
            + "awareness matter in every priority.", "Four cross-cutting themes now run through every priority.",
            ResponseStatus.DONE, recommendations("R-fg-inclusion", "R-fg-families"),
            findings("F-fg-inclusion", "F-fg-families"), quotes("Q-fg-inclusion", "Q-fg-families"), List.of()),
        new Response(ResponseId.of("YSWD-4"), "You asked how delivery would be evidenced and monitored.",
            "We committed to ongoing engagement and an annual report on progress against each priority.",
            ResponseStatus.IN_PROGRESS, List.of(), findings("F-survey-positive", "F-survey-too-many"), List.of(),
            List.of()));
  }

  /** One study of the literature review, on the review's template. */
  record Study(String id, String title, @Nullable Period period, String publisher, int year, String method,
      @Nullable Integer sampleSize, String sample, String[] audiences, String finding, String theme,
      @Nullable String recommendation, @Nullable String quote, String[] priorities) {
    static final List<Study> ALL = List.of(
        new Study("lr-obesity-yp", "Obesity consultation with young people", null, "County youth service", 2019,
            "survey and workshops", 412, "young people aged 11 to 19", new String[] {"children-and-young-people"},
            "Young people linked healthy weight to the cost of healthy food and to safe places to be active.",
            "healthy weight", "Involve young people in designing healthy weight services.",
            "Chips are cheaper than fruit, so what do you expect?", new String[] {"healthy_weight"}),
        new Study("lr-dementia", "Dementia voices", null, "Healthwatch", 2017, "depth interviews", 41,
            "people living with dementia and their carers", new String[] {"older-people", "unpaid-carers-including-"
                + "young-carers-and-care-at-a-distance"},
            "Carers felt alone after diagnosis and did not know where to turn.", "loneliness",
            "Offer a named contact after a dementia diagnosis.", "After the diagnosis, the door just closed.",
            new String[] {"older_people", "carers"}),
        new Study("lr-hwb-survey", "Health and wellbeing survey", Period.of(LocalDate.of(2022, 1, 10),
            LocalDate.of(2022, 2, 28)), "County council public health", 2022, "representative survey", 1000,
            "residents aged 16 and over", new String[] {},
            "One in four residents reported feeling lonely some or all of the time.", "loneliness", null, null,
            new String[] {"mental_health", "prevention"}),
        new Study("lr-nhs-staff", "NHS staff survey", Period.of(LocalDate.of(2021, 9, 20),
            LocalDate.of(2021, 11, 26)), "NHS provider trusts", 2021, "census survey of staff", 15500,
            "NHS employees", new String[] {"staff-and-volunteers"},
            "Staff reported high work pressure and burnout, with many thinking of leaving.", "workforce",
            "Protect staff wellbeing and make time for training.", null, new String[] {"workforce"}),
        new Study("lr-addiction", "Addiction: gambling, drugs and alcohol", Period.of(LocalDate.of(2022, 4, 1),
            LocalDate.of(2022, 4, 30)), "Public health", 2022, "survey and interviews", 318,
            "people affected by addiction and their families", new String[] {"inclusion-health-groups"},
            "Stigma stopped people asking for help until problems were severe.", "stigma",
            "Use people with lived experience to reach those who do not ask for help.",
            "Nobody wants to be the one who admits it.", new String[] {"addiction"}),
        new Study("lr-body-image", "Body image discussions with young ambassadors", Period.of(
            LocalDate.of(2022, 8, 1), LocalDate.of(2022, 8, 31)), "Youth ambassadors programme", 2022,
            "discussion groups", 18, "young ambassadors", new String[] {"children-and-young-people"},
            "Social media shaped how young people felt about their bodies and their mental health.", "mental health",
            "Talk about body image in schools, led by young people.", "You scroll and you just feel worse.",
            new String[] {"mental_health", "healthy_weight"}),
        new Study("lr-secure-unit", "Voices from a secure mental health unit", null, "NHS mental health trust",
            2020, "qualitative interviews", 12, "young people in a secure mental health unit",
            new String[] {"children-and-young-people", "people-who-draw-on-mental-health-services"},
            "Young people wanted to be listened to and to keep links with family and school.", "mental health",
            "Keep young people connected to family and education during admission.",
            "They talk about me, not to me.", new String[] {"mental_health"}),
        new Study("lr-loneliness", "Loneliness and social isolation", null, "VCFSE alliance", 2018, "survey", 604,
            "older residents", new String[] {"older-people"},
            "Isolation was highest among older people living alone and those who had stopped driving.", "loneliness",
            "Fund community transport and befriending.", null, new String[] {"older_people", "prevention"}),
        new Study("lr-carers", "Carers' lives", null, "Carers' partnership board", 2019, "survey", 421,
            "unpaid carers", new String[] {"unpaid-carers-including-young-carers-and-care-at-a-distance"},
            "Most carers had not had a carer's assessment and many were at breaking point.", "carers",
            "Identify carers early through GP practices.", "I am a carer twenty-four hours a day.",
            new String[] {"carers"}),
        new Study("lr-languages", "Access to health information in community languages", null,
            "Black and minority ethnic community partnership", 2021, "focus groups", 85,
            "residents whose first language is not English", new String[] {"black-and-minority-ethnic-communities"},
            "Information was not available in the languages people read, or not in time.", "information",
            "Publish timely, culturally appropriate information in community languages.", null,
            new String[] {"inequalities"}),
        new Study("lr-covid-impact", "Covid-19 community impact survey", null, "County council", 2020, "survey",
            2104, "residents", new String[] {},
            "The pandemic widened existing inequalities in income, mental health and access to services.",
            "inequalities", null, null, new String[] {"inequalities", "mental_health"}),
        new Study("lr-lgbtq-youth", "Mental health of LGBTQ+ young people", null, "Young people's charity", 2021,
            "survey and interviews", 64, "LGBTQ+ young people aged 13 to 25", new String[] {"lgbtq-plus-people",
                "children-and-young-people"},
            "LGBTQ+ young people reported high anxiety and did not always feel safe in services.", "mental health",
            "Train staff in inclusive practice.", null, new String[] {"mental_health", "inequalities"}),
        new Study("lr-travellers-gp", "Gypsy and Traveller experiences of GP services", null, "Healthwatch", 2016,
            "interviews", 30, "Gypsy, Roma and Traveller residents", new String[] {"inclusion-health-groups",
                "transient-populations"},
            "People were refused GP registration without a fixed address.", "access",
            "Make GP registration possible without proof of address.", null, new String[] {"inequalities"}));
  }

  /** What one focus group found and recommended, with the quote behind it. */
  record GroupEvidence(String key, String activity, String finding, String theme, String recommendation, String quote,
      String speaker, String attribution, String time, Consent consent, String[] priorities) {
    static final List<GroupEvidence> ALL = List.of(
        new GroupEvidence("fg-poverty", "fg-poverty", "The cost of living dominates: about 70% of calls to an advice line are "
            + "about it, and it drives stress and poor health.", "cost of living", "Tailor support to "
            + "neighbourhoods, and keep the priorities few enough to deliver and monitor.",
            "Seventy per cent of our calls now are cost of living. People ring us about the electric before they "
                + "ring their GP.", "P01", "representative of an advice service for people living with poverty",
            "00:14:05", Consent.GIVEN, new String[] {"inequalities", "mental_health"}),
        new GroupEvidence("fg-inclusion", "fg-inclusion", "Inclusion health groups are known to many services but joined up by "
            + "none; social prescribers are under-used.", "joined-up services", "Make better use of social "
            + "prescribers and share information between services.",
            "Everyone knows him, nobody owns him. He tells his story six times a week.", "P07",
            "outreach worker with people who are homeless", "00:22:40", Consent.GIVEN,
            new String[] {"inequalities", "prevention"}),
        new GroupEvidence("fg-ethnicity", "fg-ethnicity", "Language and cultural sensitivity decide whether people use services; "
            + "trusted community members are the way in.", "language and culture", "Use trusted community "
            + "members and plain, translated information.",
            "If it comes from someone they trust at the mosque, they will listen. A leaflet from the council, "
                + "they won't.", "P13", "representative of an interfaith forum", "00:09:12", Consent.GIVEN,
            new String[] {"inequalities"}),
        new GroupEvidence("fg-families", "fg-families", "Families need early help before problems escalate, and clear signposting "
            + "to what exists.", "early help", "Put early help and signposting in every priority.",
            "By the time we see them it's a crisis. Six months earlier it would have been a chat.", "P19",
            "school nurse", "00:31:58", Consent.GIVEN, new String[] {"early_years", "mental_health"}),
        new GroupEvidence("fg-families-2", "fg-families", "Parents of children with special educational needs wait too long for "
            + "assessment and feel they have to fight for support.", "waiting times", "Publish waiting times and "
            + "offer support while families wait.",
            "You shouldn't have to fight for everything, but you do.", "P18",
            "representative of a parent carer forum", "00:41:20", Consent.NOT_RECORDED,
            new String[] {"early_years"}));

    String findingId() {
      return "F-" + key;
    }

    String recommendationId() {
      return "R-" + key;
    }

    String quoteId() {
      return "Q-" + key;
    }
  }
}
