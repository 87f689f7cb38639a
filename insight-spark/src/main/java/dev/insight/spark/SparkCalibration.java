package dev.insight.spark;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Map;

/**
 * A raking of a {@link SparkDesign}'s weights, which its variances take into account as insight-stats' raked
 * designs do: the weighting variables, the raked weight column, and for each cell of their cross-classification
 * (its values, as strings) its category of each margin, in the margin's target order.
 *
 * @param variables the weighting variables, one per margin
 * @param weight the raked weight column
 * @param cells per cell (its values of the variables), the index of its category in each margin
 * @param categoryCounts per margin, its number of target categories
 */
record SparkCalibration(List<String> variables, String weight, Map<List<String>, int[]> cells,
    int[] categoryCounts) {
  SparkCalibration {
    variables = List.copyOf(variables);
    cells = Map.copyOf(cells);
    categoryCounts = categoryCounts.clone();
    checkArgument(categoryCounts.length == variables.size(), "%s margins but %s category counts", variables.size(),
        categoryCounts.length);
  }
}
