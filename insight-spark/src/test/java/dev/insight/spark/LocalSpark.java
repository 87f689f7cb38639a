package dev.insight.spark;

import org.apache.spark.sql.SparkSession;

/** A small local Spark for tests: two threads, few shuffle partitions, no UI, bound to loopback. */
public final class LocalSpark {
  private LocalSpark() {}

  /**
   * Starts (or joins) the local session.
   *
   * @param name the application name
   * @return the session
   */
  public static SparkSession start(String name) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.adaptive.enabled", "false")
        // small data: interpreting beats compiling generated code for each query
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.warehouse.dir", "target/spark-warehouse")
        .getOrCreate();
  }
}
