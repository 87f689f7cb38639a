package dev.insight.examples.report;

import dev.insight.stats.design.WeightingReport;
import dev.insight.stats.estimate.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's survey figures for the model: estimate tables, the chart behind them, and the weighting summary. */
final class SurveySections {
  static final List<String> ESTIMATE_HEADER = List.of("Respondents", "Unweighted %", "Weighted %", "95% interval",
      "Standard error", "Design effect");

  private SurveySections() {}

  /** The weighted shares with their intervals, as a chart. */
  static ReportModel.Chart weightedChart(List<SurveyAnalysis.Row> rows) {
    List<BarChart.Bar> bars = new ArrayList<>();
    for (SurveyAnalysis.Row row : rows) {
      Estimate e = row.estimate();
      bars.add(new BarChart.Bar(row.label(), e.value(), e.interval().low(), e.interval().high(),
          "(n = " + row.count() + ")"));
    }
    return BarChart.of(bars);
  }

  /** The unweighted shares, as a chart. */
  static ReportModel.Chart unweightedChart(List<SurveyAnalysis.Row> rows) {
    List<BarChart.Bar> bars = new ArrayList<>();
    for (SurveyAnalysis.Row row : rows) {
      bars.add(BarChart.Bar.of(row.label(), row.unweightedShare(), "(" + row.count() + " of " + row.base() + ")"));
    }
    return BarChart.of(bars);
  }

  static ReportModel.Table table(String caption, String first, String counted, List<SurveyAnalysis.Row> rows) {
    List<String> header = new ArrayList<>(List.of(first, counted));
    header.addAll(ESTIMATE_HEADER.subList(1, ESTIMATE_HEADER.size()));
    return new ReportModel.Table(caption, header, rows(rows));
  }

  static List<List<String>> rows(List<SurveyAnalysis.Row> rows) {
    List<List<String>> cells = new ArrayList<>();
    for (SurveyAnalysis.Row row : rows) {
      Estimate e = row.estimate();
      cells.add(List.of(row.label(), String.valueOf(row.count()), BarChart.percent(row.unweightedShare(), 1),
          BarChart.percent(e.value(), 1), BarChart.percent(e.interval().low(), 1) + " to "
              + BarChart.percent(e.interval().high(), 1), String.format(Locale.ROOT, "%.1f pts",
              100 * e.standardError()),
          Double.isNaN(e.designEffect()) ? "n/a" : String.format(Locale.ROOT, "%.2f", e.designEffect())));
    }
    return cells;
  }

  /* What was done (the fit's convergence, before any trimming), and the final weights' summary. */
  static ReportModel.Weighting weighting(SurveyWeighting weighting, String weightedTo) {
    WeightingReport fitted = weighting.fitted();
    WeightingReport report = weighting.result().report();
    return new ReportModel.Weighting(weightedTo, weighting.method(), weighting.start(),
        weighting.trimmingSentence(), fitted.converged(), fitted.iterations(),
        String.format(Locale.ROOT, "%.2g", fitted.largestGap()), new ReportModel.Table("Weighting summary",
        List.of("Measure", "Value"), List.of(
        List.of("Respondents weighted", String.valueOf(report.respondents())),
        List.of("Smallest weight", String.format(Locale.ROOT, "%.1f", report.minWeight())),
        List.of("Largest weight", String.format(Locale.ROOT, "%.1f", report.maxWeight())),
        List.of("Largest to smallest", String.format(Locale.ROOT, "%.2f", report.maxWeight() / report.minWeight())),
        List.of("Weighting efficiency", String.format(Locale.ROOT, "%.1f%%", report.efficiency())),
        List.of("Effective base (Kish)", String.format(Locale.ROOT, "%.0f", report.effectiveBase())),
        List.of("Design effect due to weighting", String.format(Locale.ROOT, "%.2f",
            report.respondents() / report.effectiveBase())))));
  }
}
