package dev.insight.examples.cli;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.TextVariable;
import dev.insight.core.data.Variable;
import dev.insight.stats.disclosure.HierarchicalSuppression;
import dev.insight.stats.disclosure.Hierarchy;
import dev.insight.stats.disclosure.SuppressedCounts;
import dev.insight.stats.table.Suppression;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code insight table --levels A,B,C --levels-out F.csv}: the respondents and the share in each category of the
 * single-choice row variables, for every organisation at every level (for example ward, site, trust) and the grand
 * total, with hierarchical suppression so that no hidden count can be worked out across levels.
 */
final class LevelPublication {
  private LevelPublication() {}

  static HierarchicalSuppression rule(Suppression suppression) {
    if (suppression.rule() == Suppression.Rule.NONE) {
      throw new IllegalArgumentException("--levels needs a disclosure rule: --suppress nhs or --suppress threshold:N");
    }
    return HierarchicalSuppression.belowMinimum(suppression.limit() + 1);
  }

  static void stage(Outputs outputs, Path file, Dataset data, boolean[] selected, List<String> levels,
      List<String> rowVariables, HierarchicalSuppression rule, PrintWriter err) {
    List<TextVariable> levelColumns = levels.stream().map(data::text).toList();
    Hierarchy.Builder builder = Hierarchy.builder(levels);
    int blank = 0;
    String[] bottom = new String[data.rowCount()];
    for (int i = 0; i < bottom.length; i++) {
      if (!selected[i]) {
        continue;
      }
      List<String> path = new ArrayList<>(levels.size());
      for (TextVariable level : levelColumns) {
        path.add(level.textAt(i).map(String::strip).orElse(""));
      }
      if (path.stream().anyMatch(String::isEmpty)) {
        blank++;
        continue;
      }
      builder.add(path);
      bottom[i] = path.get(path.size() - 1);
    }
    if (blank > 0) {
      err.printf(Locale.ROOT, "table: %d respondents with a blank %s are not in %s%n", blank,
          String.join("/", levels), file.getFileName());
    }
    Hierarchy hierarchy = builder.build();
    Map<String, Long> n = new HashMap<>();
    for (String code : bottom) {
      if (code != null) {
        n.merge(code, 1L, Long::sum);
      }
    }
    SuppressedCounts respondents = rule.counts(hierarchy, n);
    List<String> header = new ArrayList<>(List.of("level", "code", "parent", "respondents"));
    List<SuppressedCounts> shares = new ArrayList<>();
    for (String name : rowVariables) {
      Variable variable = data.variable(name);
      if (!(variable instanceof CategoricalVariable c)) {
        continue;
      }
      for (int k = 0; k < c.categories().size(); k++) {
        Map<String, Long> in = new HashMap<>();
        for (int i = 0; i < bottom.length; i++) {
          if (bottom[i] != null && !c.isMissing(i) && c.categoryIndex(i) == k) {
            in.merge(bottom[i], 1L, Long::sum);
          }
        }
        header.add(name + "=" + c.categories().get(k).code() + " %");
        shares.add(rule.shares(respondents, in));
      }
    }
    header.add("hidden");
    outputs.csv(file, csv -> {
      csv.record(header);
      List<String> total = new ArrayList<>(List.of("all", "all", "", respondents.isGrandTotalHidden() ? ""
          : Long.toString(respondents.grandTotal())));
      for (SuppressedCounts share : shares) {
        total.add(share.isGrandTotalHidden() || respondents.grandTotal() == 0 ? ""
            : percent(share.grandTotal(), respondents.grandTotal()));
      }
      total.add("");
      csv.record(total);
      for (int u = 0; u < hierarchy.size(); u++) {
        List<String> record = new ArrayList<>();
        record.add(levels.get(hierarchy.level(u)));
        record.add(hierarchy.code(u));
        record.add(hierarchy.parent(u).isPresent() ? hierarchy.code(hierarchy.parent(u).getAsInt()) : "");
        record.add(respondents.isHidden(u) ? "" : Long.toString(respondents.value(u)));
        int hidden = respondents.isHidden(u) ? 1 : 0;
        for (SuppressedCounts share : shares) {
          record.add(share.isHidden(u) ? "" : percent(share.value(u), respondents.value(u)));
          hidden += share.isHidden(u) ? 1 : 0;
        }
        record.add(hidden == 0 ? "" : respondents.isHidden(u) ? "respondents(" + reason(respondents, u) + ")"
            : hidden + " shares");
        csv.record(record);
      }
      csv.record("note", rule.rule());
    });
  }

  private static String reason(SuppressedCounts counts, int unit) {
    return counts.reason(unit).name().toLowerCase(Locale.ROOT);
  }

  private static String percent(long count, long base) {
    return String.format(Locale.ROOT, "%.1f", 100.0 * count / base);
  }
}
