package dev.insight.stats.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quantiles' primitive order of the respondents is R's {@code order()}: by value, ties in row order; the same as
 * a stable sort of the rows by {@link Double#compare}, also with many ties, negative zero, infinities and rows left
 * out.
 */
class QuantileOrderTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 50, 1_000, 20_000})
  void order_isAStableSortByValue_tiesInRowOrder(int distinctValues) {
    SplittableRandom random = new SplittableRandom(distinctValues);
    int n = 30_000;
    double[] y = new double[n];
    boolean[] in = new boolean[n];
    double[] special = {-0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.MIN_VALUE, -1e300};
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(10) == 0 ? special[random.nextInt(special.length)]
          : (random.nextInt(distinctValues) - distinctValues / 2) * 0.1;
      in[i] = random.nextInt(5) != 0;
    }
    int[] rows = IntStream.range(0, n).filter(i -> in[i]).toArray();
    Integer[] expected = Arrays.stream(rows).boxed().toArray(Integer[]::new);
    Arrays.sort(expected, Comparator.comparingDouble(i -> y[i]));
    double[] values = new double[rows.length];

    int[] order = Quantiles.order(y, in, values);

    assertThat(order).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    assertThat(values).containsExactly(Arrays.stream(expected).mapToDouble(i -> y[i]).toArray());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void order_ofOneOrTwoRespondents(int count) {
    double[] y = {5, Double.NaN, 3};
    boolean[] in = {true, false, count == 2};
    double[] values = new double[count];

    int[] order = Quantiles.order(y, in, values);

    assertThat(order).containsExactly(count == 2 ? new int[] {2, 0} : new int[] {0});
    assertThat(values).containsExactly(count == 2 ? new double[] {3, 5} : new double[] {5});
  }
}
