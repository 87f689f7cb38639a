package dev.insight.examples.cli;

import dev.insight.core.csv.SurveyMapping;
import java.util.LinkedHashMap;
import java.util.Map;

/** The columns a command reads, each as categorical or numeric, so a column named twice is read once. */
final class VariableRoles {
  private final Map<String, Boolean> categorical = new LinkedHashMap<>();

  void categorical(String column) {
    put(column, true);
  }

  void numeric(String column) {
    put(column, false);
  }

  private void put(String column, boolean isCategorical) {
    Boolean previous = categorical.putIfAbsent(column, isCategorical);
    if (previous != null && previous != isCategorical) {
      throw new IllegalArgumentException("column " + column + " is used both as a categorical variable and as a "
          + "number");
    }
  }

  SurveyMapping mapping(String idColumn) {
    SurveyMapping.Builder mapping = SurveyMapping.builder(idColumn);
    categorical.forEach((column, isCategorical) -> {
      if (isCategorical) {
        mapping.categorical(column);
      } else {
        mapping.numeric(column);
      }
    });
    return mapping.build();
  }
}
