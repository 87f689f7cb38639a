package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of percentages drawn with HTML and CSS: a table with the label in a row header and, in
 * the data cell, the bar, an optional confidence interval as a whisker, and the value and base as text.
 *
 * <p>Being a table, the chart reads as one to a screen reader; its text is page text (never scaled down with a
 * drawing, so it keeps its size on a phone); and it prints as vector boxes in the PDF.
 */
final class BarChart {
  /** One bar: a label, a proportion in [0, 1], an optional interval, and the note written after the value. */
  record Bar(String label, double value, double low, double high, String note) {
    Bar {
      checkArgument(value >= 0 && value <= 1, "bar %s: proportion out of [0, 1]: %s", label, value);
    }

    static Bar of(String label, double value, String note) {
      return new Bar(label, value, Double.NaN, Double.NaN, note);
    }

    boolean hasInterval() {
      return !Double.isNaN(low) && !Double.isNaN(high);
    }
  }

  private BarChart() {}

  /**
   * The chart.
   *
   * @param title the caption
   * @param valueHeading the heading over the bars, such as "Weighted % (95% interval)"
   * @param labelHeading the heading over the labels
   * @param bars the bars, in order
   */
  static Html html(String title, String labelHeading, String valueHeading, List<Bar> bars) {
    double max = 0;
    for (Bar bar : bars) {
      max = Math.max(max, bar.hasInterval() ? bar.high() : bar.value());
    }
    double scaleMax = Math.min(1.0, Math.max(0.1, Math.ceil(max * 10) / 10));
    Html html = new Html();
    html.open("table", "class", "chart");
    html.element("caption", title);
    html.open("thead").open("tr").element("th", labelHeading, "scope", "col")
        .element("th", valueHeading + " (scale 0 to " + Math.round(scaleMax * 100) + "%)", "scope", "col")
        .close("tr").close("thead").open("tbody");
    for (Bar bar : bars) {
      html.open("tr").element("th", bar.label(), "scope", "row").open("td", "class", "plot");
      html.open("div", "class", "track");
      html.open("div", "class", "bar", "style", width(bar.value(), scaleMax)).close("div");
      if (bar.hasInterval()) {
        double high = Math.min(bar.high(), scaleMax);
        html.open("div", "class", "ci", "style", String.format(Locale.ROOT, "margin-left: %.2f%%; width: %.2f%%",
            100 * bar.low() / scaleMax, Math.max(0.3, 100 * (high - bar.low()) / scaleMax))).close("div");
      }
      html.close("div");
      String text = Html.percent(bar.value(), 0);
      if (bar.hasInterval()) {
        text += " (" + Html.percent(bar.low(), 0) + " to " + Html.percent(bar.high(), 0) + ")";
      }
      html.element("span", text + " " + bar.note(), "class", "value");
      html.close("td").close("tr");
    }
    return html.close("tbody").close("table");
  }

  private static String width(double value, double scaleMax) {
    return String.format(Locale.ROOT, "width: %.2f%%", 100 * Math.min(value, scaleMax) / scaleMax);
  }
}
