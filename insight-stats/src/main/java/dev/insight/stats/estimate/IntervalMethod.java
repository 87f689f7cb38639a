package dev.insight.stats.estimate;

/** How a confidence interval for a proportion is computed; the names are R {@code svyciprop}'s where they exist. */
public enum IntervalMethod {
  /** Symmetric: estimate plus or minus a normal quantile times the standard error. */
  WALD,
  /** Wald interval on the logit scale, back-transformed (R {@code svyciprop(method = "logit")}). */
  LOGIT,
  /** Korn and Graubard's beta interval on the effective sample size (R {@code method = "beta"}). */
  BETA,
  /** Logit interval with degrees of freedom from the design (R {@code method = "xlogit"}). */
  XLOGIT,
  /** Wilson's score interval on the Kish effective base. */
  WILSON
}
