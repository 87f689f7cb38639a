package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of percentages as inline SVG, with an optional confidence interval drawn as a whisker on
 * each bar and the value and base written beside it, so that the chart carries its own uncertainty.
 *
 * <p>The SVG has a {@code title} and {@code desc} for screen readers, and text in the page's font.
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

  private static final int LABEL_WIDTH = 290;
  private static final int PLOT_WIDTH = 360;
  private static final int NOTE_WIDTH = 210;
  private static final int ROW = 26;
  /** Labels longer than this are shortened with an ellipsis; the full label is the tooltip and in the table. */
  private static final int MAX_LABEL = 40;

  private BarChart() {}

  static String svg(String title, String description, List<Bar> bars) {
    int height = 30 + ROW * bars.size();
    int width = LABEL_WIDTH + PLOT_WIDTH + NOTE_WIDTH;
    double max = 0;
    for (Bar bar : bars) {
      max = Math.max(max, bar.hasInterval() ? bar.high() : bar.value());
    }
    double scaleMax = Math.min(1.0, Math.max(0.1, Math.ceil(max * 10) / 10));
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
        + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">", width, height, width, height));
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    svg.append("<desc>").append(Html.escape(description)).append("</desc>");
    // a grid line every 10 points (every 20 above 60%), so ticks fall on round numbers
    int steps = (int) Math.round(scaleMax * 10);
    int every = steps > 6 ? 2 : 1;
    for (int tick = 0; tick <= steps; tick += every) {
      double x = LABEL_WIDTH + PLOT_WIDTH * tick / (double) steps;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>", x, x,
          height - 18));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%d%%"
          + "</text>", x, height - 4, tick * 10));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = 8 + ROW * i;
      double length = PLOT_WIDTH * bar.value() / scaleMax;
      String label = bar.label().length() <= MAX_LABEL ? bar.label()
          : bar.label().substring(0, MAX_LABEL - 1).strip() + "\u2026";
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"label\" text-anchor=\"end\"><title>%s"
          + "</title>%s</text>", LABEL_WIDTH - 8, y + 13, Html.escape(bar.label()), Html.escape(label)));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" class=\"bar\"/>",
          LABEL_WIDTH, y + 1, length));
      if (bar.hasInterval()) {
        double x1 = LABEL_WIDTH + PLOT_WIDTH * bar.low() / scaleMax;
        double x2 = LABEL_WIDTH + PLOT_WIDTH * Math.min(bar.high(), scaleMax) / scaleMax;
        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fv8M%.1f %.1fH%.1fM%.1f %.1fv8\" class=\"ci\"/>",
            x1, y + 5, x1, y + 9, x2, x2, y + 5));
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"value\">%s</text>",
          LABEL_WIDTH + PLOT_WIDTH + 8, y + 13, Html.escape(Html.percent(bar.value(), 0) + "  " + bar.note())));
    }
    return svg.append("</svg>").toString();
  }
}
