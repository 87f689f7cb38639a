package dev.insight.examples.report;

import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.design.WeightingReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's survey sections: weighted results with their intervals, the themes, and the weighting summary. */
final class SurveySections {
  private SurveySections() {}

  static Html priorities(SurveyAnalysis analysis, String surveyTitle) {
    Html html = new Html();
    int base = analysis.priorities().get(0).base();
    html.element("p", "Respondents chose which of the ten draft priorities to comment on; they could choose any "
        + "number. Percentages are of all " + base + " respondents, weighted to the workforce profile by sector "
        + "and area; the whiskers are 95% confidence intervals that allow for the weighting.", "class", "lead");
    List<BarChart.Bar> bars = new ArrayList<>();
    for (SurveyAnalysis.Row row : analysis.priorities()) {
      Estimate e = row.estimate();
      bars.add(new BarChart.Bar(row.label(), e.value(), e.interval().low(), e.interval().high(),
          "(n = " + row.count() + ")"));
    }
    html.raw(BarChart.svg("Priorities chosen for comment, weighted percent of respondents",
        "Bar chart of the weighted percentage of " + surveyTitle + " respondents choosing each priority, with 95% "
            + "confidence intervals.", bars));
    html.element("p", "Base: all respondents (" + base + "; effective base "
        + String.format(Locale.ROOT, "%.0f", analysis.priorities().get(0).estimate().effectiveBase()) + ").",
        "class", "note");
    html.table("Priorities chosen for comment", List.of("Priority", "Respondents", "Unweighted %", "Weighted %",
        "95% interval", "Standard error", "Design effect"), rows(analysis.priorities()), true);
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

  static Html weighting(WeightingReport report, List<String> margins) {
    Html html = new Html();
    html.element("p", String.format(Locale.ROOT, "The survey over-represents some sectors, so it was weighted by "
        + "raking (iterative proportional fitting) to the workforce profile by %s, starting from equal weights. "
        + "Raking %s after %d iterations; the largest remaining gap to a target is %.2g of that target.",
        String.join(" and ", margins), report.converged() ? "converged" : "did NOT converge", report.iterations(),
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
