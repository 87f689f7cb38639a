package dev.insight.examples.report;

import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.design.WeightingReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's survey sections: weighted results with their intervals, and the weighting summary. */
final class SurveySections {
  static final List<String> ESTIMATE_HEADER = List.of("Respondents", "Unweighted %", "Weighted %", "95% interval",
      "Standard error", "Design effect");

  private SurveySections() {}

  /**
   * The multiple-response question: a chart of the weighted shares with intervals, and the table behind it.
   *
   * @param analysis the analysis
   * @param question the question's wording (from the programme), or its variable label
   * @param weightedTo what the survey was weighted to, such as "ward and age band"
   */
  static Html choices(SurveyAnalysis analysis, String question, String weightedTo) {
    Html html = new Html();
    int base = analysis.priorities().get(0).base();
    html.open("p", "class", "lead").open("q").text(question).close("q")
        .text(" Respondents could choose any number of answers, so the percentages add up to more than 100. "
            + "Percentages are of all " + base + " respondents, weighted to population targets by " + weightedTo
            + "; the whiskers are 95% confidence intervals that allow for the weighting.").close("p");
    List<BarChart.Bar> bars = new ArrayList<>();
    for (SurveyAnalysis.Row row : analysis.priorities()) {
      Estimate e = row.estimate();
      bars.add(new BarChart.Bar(row.label(), e.value(), e.interval().low(), e.interval().high(),
          "(n = " + row.count() + ")"));
    }
    html.append(BarChart.html("Weighted percent of respondents: " + question, "Answer", "Weighted % (95% interval)",
        bars));
    html.element("p", "Base: all respondents (" + base + "; effective base "
        + String.format(Locale.ROOT, "%.0f", analysis.priorities().get(0).estimate().effectiveBase()) + ").",
        "class", "note");
    List<String> header = new ArrayList<>(List.of("Answer"));
    header.addAll(ESTIMATE_HEADER);
    html.table(question + " (base: all " + base + " respondents)", header, rows(analysis.priorities()), true);
    return html;
  }

  static List<List<String>> rows(List<SurveyAnalysis.Row> rows) {
    List<List<String>> cells = new ArrayList<>();
    for (SurveyAnalysis.Row row : rows) {
      Estimate e = row.estimate();
      cells.add(List.of(row.label(), String.valueOf(row.count()), Html.percent(row.unweightedShare(), 1),
          Html.percent(e.value(), 1), Html.percent(e.interval().low(), 1) + " to "
              + Html.percent(e.interval().high(), 1), String.format(Locale.ROOT, "%.1f pts", 100 * e.standardError()),
          Double.isNaN(e.designEffect()) ? "n/a" : String.format(Locale.ROOT, "%.2f", e.designEffect())));
    }
    return cells;
  }

  static Html weighting(WeightingReport report, String weightedTo) {
    Html html = new Html();
    html.element("p", String.format(Locale.ROOT, "The survey was weighted by raking (iterative proportional "
        + "fitting) to population targets by %s, starting from equal weights, so that its profile matches the "
        + "population's. Raking %s after %d iterations; the largest remaining gap to a target is %.2g of that "
        + "target.", weightedTo, report.converged() ? "converged" : "did NOT converge", report.iterations(),
        report.largestGap()), "class", "lead");
    html.table("Weighting summary", List.of("Measure", "Value"), List.of(
        List.of("Respondents weighted", String.valueOf(report.respondents())),
        List.of("Smallest weight", String.format(Locale.ROOT, "%.1f", report.minWeight())),
        List.of("Largest weight", String.format(Locale.ROOT, "%.1f", report.maxWeight())),
        List.of("Largest to smallest", String.format(Locale.ROOT, "%.2f", report.maxWeight() / report.minWeight())),
        List.of("Weighting efficiency", String.format(Locale.ROOT, "%.1f%%", report.efficiency())),
        List.of("Effective base (Kish)", String.format(Locale.ROOT, "%.0f", report.effectiveBase())),
        List.of("Design effect due to weighting", String.format(Locale.ROOT, "%.2f",
            report.respondents() / report.effectiveBase()))), true);
    return html;
  }
}
