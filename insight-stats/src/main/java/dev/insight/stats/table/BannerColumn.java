package dev.insight.stats.table;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A column of a banner table: the Total, or one category of a banner variable.
 *
 * @param variable the banner variable, or null for the Total column
 * @param code the category code ({@code "Total"} for the Total column)
 * @param label the heading
 * @param letter the letter that marks significant differences against this column; empty for the Total
 */
public record BannerColumn(@Nullable String variable, String code, String label, String letter) {
  /**
   * Validates the fields are present
   *
   * @param variable the banner variable, or null for the Total column
   * @param code the category code ({@code "Total"} for the Total column)
   * @param label the heading
   * @param letter the letter that marks significant differences against this column; empty for the Total
   */
  public BannerColumn {
    checkNotNull(code, "code");
    checkNotNull(label, "label");
    checkNotNull(letter, "letter");
  }

  /**
   * Whether this is the Total column.
   *
   * @return true for the Total
   */
  public boolean isTotal() {
    return variable == null;
  }

  /**
   * The banner variable.
   *
   * @return the variable, empty for the Total
   */
  public Optional<String> bannerVariable() {
    return Optional.ofNullable(variable);
  }
}
