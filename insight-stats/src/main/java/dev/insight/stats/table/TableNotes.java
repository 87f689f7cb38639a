package dev.insight.stats.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The notes under a banner table: who it covers, how the letters are tested, small bases, missing banners. */
final class TableNotes {
  private TableNotes() {}

  /**
   * The table's notes.
   *
   * @param spec the table's specification
   * @param banner the table's banner
   * @param rowCount the number of respondents in the data
   * @param letterMethod how the letters are tested ({@link ColumnLetters#method()})
   */
  static List<String> of(TableSpec spec, Banner banner, int rowCount, String letterMethod) {
    TableOptions options = spec.options();
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "Respondents: %d of %d (filter: %s)", banner.kept(), rowCount,
        spec.filter()));
    notes.add(String.format(Locale.ROOT,
        "Letters: the column is significantly higher than the lettered column, upper case at p < %s, lower case "
            + "at p < %s (%s; correction: %s)",
        plain(options.upperAlpha()), plain(options.lowerAlpha()), letterMethod,
        options.correction().name().toLowerCase(Locale.ROOT).replace('_', '-')));
    notes.add(String.format(Locale.ROOT,
        "Columns with fewer than %d respondents are not tested; fewer than %d are flagged as small bases",
        options.minimumBase(), options.smallBase()));
    if (spec.rows().stream().anyMatch(r -> r instanceof RowSpec.Quantiles)) {
      notes.add("Quantiles: the smallest value with at least that share of the column's weight at or below it, "
          + "with its 95% Woodruff confidence interval and standard error (R's svyquantile defaults); quantile rows "
          + "are not lettered");
    }
    for (BannerVar b : banner.bannerVars()) {
      int without = banner.withoutAnswer(b);
      if (without > 0) {
        notes.add(String.format(Locale.ROOT, "%d respondents did not answer banner variable %s: they count in "
            + "Total only", without, b.name()));
      }
    }
    return notes;
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
