package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * A net: one row counting each respondent once if they have any of its codes, however many.
 *
 * @param label the row label, such as {@code "Any council"}
 * @param codes the category or option codes it combines; at least one, no repeats
 */
public record Net(String label, List<String> codes) {
  /**
   * Validates the label and the codes
   *
   * @param label the row label, such as {@code "Any council"}
   * @param codes the category or option codes it combines; at least one, no repeats
   */
  public Net {
    checkNotNull(label, "label");
    checkArgument(!label.isBlank(), "net label cannot be blank");
    codes = List.copyOf(codes);
    checkArgument(!codes.isEmpty(), "net %s has no codes", label);
    checkArgument(codes.stream().distinct().count() == codes.size(), "net %s repeats a code: %s", label, codes);
  }

  /**
   * A net of these codes.
   *
   * @param label the row label
   * @param codes the codes
   * @return the net
   */
  public static Net of(String label, String... codes) {
    return new Net(label, List.of(codes));
  }
}
