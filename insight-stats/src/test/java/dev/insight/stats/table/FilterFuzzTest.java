package dev.insight.stats.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.insight.core.data.Dataset;
import dev.insight.stats.design.Filter;

/**
 * Hostile {@code --filter} expressions: parsed and applied, or refused with a message saying where and what was
 * expected, never another exception, a hang or exhausted memory.
 *
 * <p>Every build runs the target on the committed inputs in {@code FilterFuzzTestInputs/filter}; the {@code fuzz}
 * profile fuzzes it for a bounded time (docs/fuzzing.md).
 */
class FilterFuzzTest {
  private static final Dataset DATA = TableFixtures.twoGroups();

  @FuzzTest(maxDuration = "10s")
  void filter(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Filter filter;
    try {
      filter = Filter.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    try {
      assertThat(filter.select(DATA)).hasSize(DATA.rowCount());
    } catch (IllegalArgumentException e) {
      // a variable the data does not have, or a value that is not one of its categories: said by name
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
