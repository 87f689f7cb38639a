package dev.insight.stats.design;

import java.util.Locale;

/** How the replicate weights of a design were made, which sets their variance formula (R's {@code svrepdesign}). */
public enum ReplicateType {
  /** Delete-one-PSU jackknife of an unstratified design: {@code scale = (R - 1) / R} unless given. */
  JK1,
  /** Stratified delete-one-PSU jackknife: {@code scale = 1}, {@code rscales = (n_h - 1) / n_h} (required). */
  JKN,
  /** Balanced repeated replication (half samples): {@code scale = 1 / R}. */
  BRR,
  /** Fay's modified BRR with its {@code rho}: {@code scale = 1 / (R (1 - rho)^2)}. */
  FAY,
  /** Bootstrap: {@code scale = 1 / (R - 1)} unless given. */
  BOOTSTRAP,
  /** Successive difference replication: {@code scale = 4 / R}. */
  SDR,
  /** Any other replicate weights, with the given {@code scale} and {@code rscales} (1 when not given). */
  OTHER;

  /**
   * Parses a name as the command line writes it: {@code JK1}, {@code JKn}, {@code BRR}, {@code Fay},
   * {@code bootstrap}, {@code SDR} (or R's {@code successive-difference}), {@code other}; case-insensitive.
   *
   * @param name the name
   * @return the type
   * @throws IllegalArgumentException naming the accepted types
   */
  public static ReplicateType parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    if (n.equals("SUCCESSIVE-DIFFERENCE")) {
      return SDR;
    }
    for (ReplicateType t : values()) {
      if (t.name().equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException("replicate type " + name + " is not one of JK1, JKn, BRR, Fay, bootstrap, "
        + "SDR, other");
  }
}
