package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A span of days, both ends included.
 *
 * @param start the first day
 * @param end the last day; not before {@code start}
 */
public record Period(LocalDate start, LocalDate end) {

  /**
   * Validates the order of the ends.
   *
   * @param start the first day
   * @param end the last day; not before {@code start}
   */
  public Period {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(!end.isBefore(start), "period ends (%s) before it starts (%s)", end, start);
  }

  /**
   * A single day.
   *
   * @param day the day
   * @return the period
   */
  public static Period on(LocalDate day) {
    return new Period(day, day);
  }

  /**
   * A span of days.
   *
   * @param start the first day
   * @param end the last day
   * @return the period
   */
  public static Period of(LocalDate start, LocalDate end) {
    return new Period(start, end);
  }

  /**
   * The number of days, both ends counted.
   *
   * @return at least 1
   */
  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }
}
