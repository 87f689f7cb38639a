package dev.insight.stats.estimate;

import java.util.Locale;

/**
 * How a confidence interval is computed; the names are R {@code svyciprop}'s where they exist. All but
 * {@link #WALD} apply to proportions only. Quantiles are Student's t on the design's degrees of freedom (R's
 * {@code degf}) except for {@link #WILSON}, which uses the normal.
 */
public enum IntervalMethod {
  /** Symmetric: estimate plus or minus a t quantile (design degrees of freedom) times the standard error. */
  WALD,
  /** Wald interval on the logit scale, back-transformed (R {@code svyciprop(method = "logit")}). */
  LOGIT,
  /** Korn and Graubard's beta interval on the design-effective sample size (R {@code method = "beta"}). */
  BETA,
  /** Logit interval by the delta method with the design's degrees of freedom (R {@code method = "xlogit"}). */
  XLOGIT,
  /** Wilson's score interval with the Kish effective base as the sample size. */
  WILSON;

  /**
   * The method with this name, case-insensitive ({@code logit}, {@code beta}, {@code xlogit}, {@code wilson},
   * {@code wald}).
   *
   * @param name the name
   * @return the method
   * @throws IllegalArgumentException naming the methods that exist, when there is none
   */
  public static IntervalMethod parse(String name) {
    for (IntervalMethod method : values()) {
      if (method.name().equalsIgnoreCase(name.strip())) {
        return method;
      }
    }
    throw new IllegalArgumentException("unknown confidence interval method " + name
        + "; use one of logit, beta, xlogit, wilson, wald");
  }

  /**
   * The lower-case name, as on the command line.
   *
   * @return the name
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
