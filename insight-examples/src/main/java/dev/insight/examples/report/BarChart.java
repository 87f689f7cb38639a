package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of percentages, drawn by the templates with HTML and CSS: a table with the label in a row
 * header and, in the data cell, the bar, an optional confidence interval as a whisker, and the value and base as
 * text. This class works out the geometry.
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

  static ReportModel.Chart of(List<Bar> bars) {
    double max = 0;
    for (Bar bar : bars) {
      max = Math.max(max, bar.hasInterval() ? bar.high() : bar.value());
    }
    double scaleMax = Math.min(1.0, Math.max(0.1, Math.ceil(max * 10) / 10));
    List<ReportModel.Bar> drawn = new ArrayList<>();
    for (Bar bar : bars) {
      String left = "";
      String width = "";
      String text = percent(bar.value(), 0);
      if (bar.hasInterval()) {
        double high = Math.min(bar.high(), scaleMax);
        left = String.format(Locale.ROOT, "%.2f%%", 100 * bar.low() / scaleMax);
        width = String.format(Locale.ROOT, "%.2f%%", Math.max(0.3, 100 * (high - bar.low()) / scaleMax));
        text += " (" + percent(bar.low(), 0) + " to " + percent(bar.high(), 0) + ")";
      }
      drawn.add(new ReportModel.Bar(bar.label(), String.format(Locale.ROOT, "%.2f%%",
          100 * Math.min(bar.value(), scaleMax) / scaleMax), bar.hasInterval(), left, width, text, bar.note()));
    }
    return new ReportModel.Chart((int) Math.round(scaleMax * 100), drawn);
  }

  static String percent(double proportion, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * proportion);
  }
}
