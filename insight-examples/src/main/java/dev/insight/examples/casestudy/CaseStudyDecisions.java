package dev.insight.examples.casestudy;

import static dev.insight.examples.casestudy.Build.activity;
import static dev.insight.examples.casestudy.Build.findings;
import static dev.insight.examples.casestudy.Build.quotes;

import dev.insight.core.evidence.Consideration;
import dev.insight.core.evidence.PrevalenceId;
import dev.insight.core.evidence.Response;
import dev.insight.core.evidence.ThemePrevalence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence chain of the case study: the themes of the open comments with their weighted prevalence, and the
 * record of who considered which evidence before each "we did".
 *
 * <p>The prevalences are the report's own estimates (raked to the workforce by sector and area, logit intervals),
 * rounded to four decimals; {@code CaseStudyDecisionsTest} recomputes them. The publication gives no dates or
 * minutes of consideration, so the considerations are illustrative: the partnership met after the engagement closed
 * on 2 October 2022, and its board agreed the final strategy in November.
 */
final class CaseStudyDecisions {
  static final String METHOD = "weighted to the workforce by sector and area (raking); logit interval, Taylor "
      + "linearisation";
  private static final String PARTNERSHIP = "Integrated care partnership (strategy development group)";
  private static final String BOARD = "Integrated care partnership board";

  private CaseStudyDecisions() {}

  static List<ThemePrevalence> prevalences() {
    return List.of(
        prevalence("positive", "Generally positive", 0.4063, 0.3342, 0.4826),
        prevalence("staff_skills", "Needs adequate staff and skills", 0.1333, 0.0897, 0.1937),
        prevalence("delivery_detail", "Needs detail on delivery, monitoring and evaluation", 0.1359, 0.0903, 0.1995),
        prevalence("funding", "Needs adequate funding", 0.1158, 0.0746, 0.1755),
        prevalence("partnership", "Improved partnership working needed", 0.0909, 0.0553, 0.1458),
        prevalence("coproduction", "Co-production needed", 0.0691, 0.0394, 0.1184),
        prevalence("ownership", "People enabled to own their health; access to information and services", 0.0566,
            0.0305, 0.1028),
        prevalence("focus", "Focus on those most in need; do fewer things well", 0.0167, 0.0057, 0.0475));
  }

  private static ThemePrevalence prevalence(String code, String theme, double share, double lower, double upper) {
    return new ThemePrevalence(PrevalenceId.of("P-" + code), theme, activity("staff-survey"), share, lower, upper,
        0.95, 180, 24115.88, METHOD);
  }

  static List<Response> considered(List<Response> responses) {
    LocalDate development = LocalDate.of(2022, 10, 20);
    LocalDate agreed = LocalDate.of(2022, 11, 17);
    List<Response> out = new ArrayList<>();
    for (Response r : responses) {
      Response with = switch (r.id().value()) {
        case "YSWD-1" -> r.considered(new Consideration(PARTNERSHIP, development,
            findings("F-survey-too-many", "F-survey-positive"), prevalences("positive", "delivery_detail", "focus"),
            quotes("Q-fg-poverty"), List.of(activity("staff-survey"), activity("fg-poverty"), activity("ws-3")),
            "Fewer priorities, each with a named lead: propose six to the board."))
            .considered(new Consideration(BOARD, agreed, findings("F-survey-too-many"),
                prevalences("delivery_detail"), List.of(), List.of(), "Six priorities agreed."));
        case "YSWD-2" -> r.considered(new Consideration(PARTNERSHIP, development, findings("F-fg-ethnicity"),
            List.of(), quotes("Q-fg-ethnicity"), List.of(activity("fg-ethnicity"), activity("lr-languages")),
            "Rewrite in plain language; test with the reader panel."));
        case "YSWD-3" -> r.considered(new Consideration(PARTNERSHIP, development,
            findings("F-fg-inclusion", "F-fg-families"), prevalences("partnership"),
            quotes("Q-fg-inclusion", "Q-fg-families"), List.of(activity("fg-inclusion"), activity("fg-families")),
            "Run early help, joined-up services, signposting and awareness through every priority."));
        case "YSWD-4" -> r.considered(new Consideration(BOARD, agreed, findings("F-survey-too-many"),
            prevalences("delivery_detail", "funding", "staff_skills"), List.of(), List.of(activity("staff-survey")),
            "Report progress on each priority every year; keep engaging."));
        default -> r;
      };
      out.add(with);
    }
    return out;
  }

  private static List<PrevalenceId> prevalences(String... codes) {
    return java.util.Arrays.stream(codes).map(c -> PrevalenceId.of("P-" + c)).toList();
  }
}
