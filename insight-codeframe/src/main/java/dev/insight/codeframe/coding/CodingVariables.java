package dev.insight.codeframe.coding;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.data.MultiResponseVariable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A coding as survey variables: one option per codable code, and one option per net (a respondent counted once per
 * net however many of its codes they have). Tabulate {@link #codes()} for percent of mentions; either for percent
 * of respondents.
 *
 * @param codes one option per codable code, in the frame's display order
 * @param nets one option per net, selected when any code at or under the net is selected; null when the frame
 *     has no nets
 */
public record CodingVariables(MultiResponseVariable codes, @Nullable MultiResponseVariable nets) {

  /**
   * Validates that both variables are present.
   *
   * @param codes one option per codable code, in the frame's display order
   * @param nets one option per net, selected when any code at or under the net is selected; null when the frame has no nets
   */
  public CodingVariables {
    checkNotNull(codes, "codes");
  }

  /**
   * The nets variable, when the frame has nets.
   *
   * @return the variable, or empty
   */
  public Optional<MultiResponseVariable> netsVariable() {
    return Optional.ofNullable(nets);
  }
}
