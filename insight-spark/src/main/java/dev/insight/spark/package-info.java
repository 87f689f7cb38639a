/**
 * The insight engine on Apache Spark: coding a text column with a codeframe's rules or a learned model, weighted
 * estimates and raking as distributed aggregations finished on the driver by insight-stats, and publications by
 * organisation level with hierarchical suppression (see {@code docs/spark.md}).
 */
@NullMarked
package dev.insight.spark;

import org.jspecify.annotations.NullMarked;
