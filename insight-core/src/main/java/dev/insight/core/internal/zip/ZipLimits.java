package dev.insight.core.internal.zip;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.internal.Limits;

/**
 * The limits a zip archive is read within. The defaults hold any genuine transcript, workbook or project a survey
 * team handles and stop a zip bomb long before it exhausts memory; each can be raised with a system property
 * ({@code java -Dinsight.zip.maxExpandedBytes=2147483648 -jar insight.jar ...}) or, from code, with the
 * {@code with...} methods.
 *
 * @param maxExpandedBytes the most bytes all entries read from one archive may expand to, counted as they are
 *     inflated (headers are not trusted); property {@value #MAX_EXPANDED_BYTES}
 * @param maxEntries the most entries an archive may hold; property {@value #MAX_ENTRIES}
 * @param maxCompressionRatio the most an entry may expand relative to its compressed size, checked once an entry
 *     has expanded past {@link #RATIO_GRACE_BYTES}; property {@value #MAX_COMPRESSION_RATIO}
 */
public record ZipLimits(long maxExpandedBytes, int maxEntries, int maxCompressionRatio) {
  /** System property raising or lowering {@link #maxExpandedBytes()}. */
  public static final String MAX_EXPANDED_BYTES = "insight.zip.maxExpandedBytes";
  /** System property raising or lowering {@link #maxEntries()}. */
  public static final String MAX_ENTRIES = "insight.zip.maxEntries";
  /** System property raising or lowering {@link #maxCompressionRatio()}. */
  public static final String MAX_COMPRESSION_RATIO = "insight.zip.maxCompressionRatio";

  /** Default {@link #maxExpandedBytes()}: 512 MiB. */
  public static final long DEFAULT_MAX_EXPANDED_BYTES = 512L << 20;
  /** Default {@link #maxEntries()}. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** Default {@link #maxCompressionRatio()}: the figure Apache POI uses for Office files. */
  public static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;
  /**
   * An entry is allowed any ratio until it has expanded this far (1 MiB), since small XML parts legitimately
   * compress very well.
   */
  public static final long RATIO_GRACE_BYTES = 1L << 20;

  /**
   * Validates the limits.
   *
   * @param maxExpandedBytes the most bytes an archive may expand to
   * @param maxEntries the most entries an archive may hold
   * @param maxCompressionRatio the most an entry may expand relative to its compressed size
   */
  public ZipLimits {
    checkArgument(maxExpandedBytes > 0, "maxExpandedBytes must be positive: %s", maxExpandedBytes);
    checkArgument(maxEntries > 0, "maxEntries must be positive: %s", maxEntries);
    checkArgument(maxCompressionRatio > 0, "maxCompressionRatio must be positive: %s", maxCompressionRatio);
  }

  /**
   * The defaults, each replaced by its system property when that is set.
   *
   * @return the limits
   * @throws IllegalArgumentException when a property is set to something other than a positive whole number
   */
  public static ZipLimits defaults() {
    return new ZipLimits(
        Limits.property(MAX_EXPANDED_BYTES, DEFAULT_MAX_EXPANDED_BYTES, Long.MAX_VALUE),
        Limits.intProperty(MAX_ENTRIES, DEFAULT_MAX_ENTRIES),
        Limits.intProperty(MAX_COMPRESSION_RATIO, DEFAULT_MAX_COMPRESSION_RATIO));
  }

  /**
   * These limits with another expanded-size limit.
   *
   * @param bytes the most bytes an archive may expand to
   * @return new limits
   */
  public ZipLimits withMaxExpandedBytes(long bytes) {
    return new ZipLimits(bytes, maxEntries, maxCompressionRatio);
  }

  /**
   * These limits with another entry-count limit.
   *
   * @param entries the most entries an archive may hold
   * @return new limits
   */
  public ZipLimits withMaxEntries(int entries) {
    return new ZipLimits(maxExpandedBytes, entries, maxCompressionRatio);
  }

  /**
   * These limits with another compression-ratio limit.
   *
   * @param ratio the most an entry may expand relative to its compressed size
   * @return new limits
   */
  public ZipLimits withMaxCompressionRatio(int ratio) {
    return new ZipLimits(maxExpandedBytes, maxEntries, ratio);
  }
}
