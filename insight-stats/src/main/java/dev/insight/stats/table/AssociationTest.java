package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.stats.inference.RaoScottTest;

/**
 * A Rao-Scott test of association between a question (or one option of a multiple-response question) and a
 * banner variable.
 *
 * @param bannerVariable the banner variable
 * @param row the option code for a multiple-response question; the question's name otherwise
 * @param result the test
 */
public record AssociationTest(String bannerVariable, String row, RaoScottTest result) {
  /**
   * Validates the fields are present
   *
   * @param bannerVariable the banner variable
   * @param row the option code for a multiple-response question; the question's name otherwise
   * @param result the test
   */
  public AssociationTest {
    checkNotNull(bannerVariable, "bannerVariable");
    checkNotNull(row, "row");
    checkNotNull(result, "result");
  }
}
