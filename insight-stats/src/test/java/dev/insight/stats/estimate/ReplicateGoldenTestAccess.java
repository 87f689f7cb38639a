package dev.insight.stats.estimate;

import dev.insight.core.data.Dataset;

/** Opens the golden CSV reader of {@link ReplicateGoldenTest} (every column read by its name) to other packages. */
public final class ReplicateGoldenTestAccess {
  private ReplicateGoldenTestAccess() {}

  /**
   * Reads a golden CSV whose id column is {@code cds}.
   *
   * @param name the file
   * @return the dataset
   */
  public static Dataset read(String name) {
    return ReplicateGoldenTest.read(name, "cds");
  }
}
