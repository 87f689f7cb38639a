/**
 * The NHS Friends and Family Test on Spark: a job that codes a month of responses and publishes them by
 * organisation level with hierarchical suppression ({@link dev.insight.spark.fft.FftJob}), and a generator of
 * synthetic months for tests and benchmarks ({@link dev.insight.spark.fft.FftGenerator}).
 */
@NullMarked
package dev.insight.spark.fft;

import org.jspecify.annotations.NullMarked;
