package dev.insight.spark.fft;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Synthetic months of Friends and Family Test responses: an organisation hierarchy shaped like England's (by
 * default 42 integrated care boards, 200 trusts, 1,500 sites and 15,000 wards), ward sizes as skewed as real ones
 * (many wards with a handful of responses, a few with hundreds), ratings on the FFT scale (1 very good .. 5 very
 * poor, 6 don't know) around the national share of about 93% positive with wards that differ, and comments from
 * a {@link PhraseModel} for three quarters of the responses.
 *
 * <p>Each response is generated from the seed and its own number alone, so a month is the same however Spark
 * splits it. Optional bad rows ({@link #withBadRows(double)}) exercise the job's checks: a blank organisation
 * level, a rating outside the scale.
 *
 * <p>Columns: {@code response_id} (long), {@code month}, {@code icb}, {@code trust}, {@code site}, {@code ward},
 * {@code rating} (strings, as read from a CSV export) and {@code comment} (null when the respondent left none).
 *
 * <p>Immutable; serialisable so Spark can ship it to executors.
 */
public final class FftGenerator implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The columns of a generated month. */
  public static final StructType SCHEMA = new StructType()
      .add("response_id", DataTypes.LongType, false)
      .add("month", DataTypes.StringType, false)
      .add("icb", DataTypes.StringType, true)
      .add("trust", DataTypes.StringType, true)
      .add("site", DataTypes.StringType, true)
      .add("ward", DataTypes.StringType, true)
      .add("rating", DataTypes.StringType, true)
      .add("comment", DataTypes.StringType, true);

  /** The seed of the hierarchy and of every response. */
  private final long seed;
  /** Where comments come from. */
  private final PhraseModel phrases;
  /** The month label written in every row. */
  private final String month;
  /** The fraction of responses made bad on purpose. */
  private final double badRows;
  /** Each ward's path from the top: ICB, trust, site, ward. */
  private final String[][] paths;
  /** The wards' cumulative shares of the responses, for drawing a ward. */
  private final double[] cumulativeSize;
  /** Each ward's chance of a positive rating. */
  private final double[] wardPositive;

  private FftGenerator(long seed, PhraseModel phrases, String month, double badRows, int[] shape) {
    this.seed = seed;
    this.phrases = phrases;
    this.month = month;
    this.badRows = badRows;
    SplittableRandom random = new SplittableRandom(seed);
    int icbs = shape[0];
    int[] trustIcb = spread(shape[1], icbs, random);
    int[] siteTrust = spread(shape[2], shape[1], random);
    int[] wardSite = spread(shape[3], shape[2], random);
    String[] icbCode = new String[icbs];
    for (int i = 0; i < icbs; i++) {
      icbCode[i] = String.format(Locale.ROOT, "Q%02d", i + 1);
    }
    String[] trustCode = new String[shape[1]];
    for (int t = 0; t < trustCode.length; t++) {
      trustCode[t] = "R" + Integer.toString(36 * 36 + t, 36).toUpperCase(Locale.ROOT);
    }
    String[] siteCode = new String[shape[2]];
    int[] sitesSoFar = new int[shape[1]];
    for (int s = 0; s < siteCode.length; s++) {
      int t = siteTrust[s];
      siteCode[s] = trustCode[t] + String.format(Locale.ROOT, "%02d", ++sitesSoFar[t]);
    }
    paths = new String[shape[3]][];
    cumulativeSize = new double[shape[3]];
    wardPositive = new double[shape[3]];
    int[] wardsSoFar = new int[shape[2]];
    double total = 0;
    for (int w = 0; w < paths.length; w++) {
      int s = wardSite[w];
      int t = siteTrust[s];
      paths[w] = new String[] {icbCode[trustIcb[t]], trustCode[t], siteCode[s],
          siteCode[s] + String.format(Locale.ROOT, "-W%03d", ++wardsSoFar[s])};
      // log-normal ward sizes: the median ward is a sixth of the mean, a few are very large
      total += Math.exp(1.9 * gaussian(random));
      cumulativeSize[w] = total;
      // the ward's chance of a positive rating, around 93% with a spread between wards
      wardPositive[w] = 1 / (1 + Math.exp(-(2.6 + 0.6 * gaussian(random))));
    }
    for (int w = 0; w < paths.length; w++) {
      cumulativeSize[w] /= total;
    }
  }

  /**
   * England's shape: 42 ICBs, 200 trusts, 1,500 sites, 15,000 wards.
   *
   * @param seed the seed: the same seed gives the same hierarchy and responses
   * @param phrases where comments come from
   * @param month the month label, such as {@code 2026-10}
   * @return the generator
   */
  public static FftGenerator england(long seed, PhraseModel phrases, String month) {
    return of(seed, phrases, month, 42, 200, 1_500, 15_000);
  }

  /**
   * A hierarchy of the given shape.
   *
   * @param seed the seed
   * @param phrases where comments come from
   * @param month the month label
   * @param icbs the number of ICBs, at least 1
   * @param trusts the number of trusts, at least {@code icbs}
   * @param sites the number of sites, at least {@code trusts}
   * @param wards the number of wards, at least {@code sites}
   * @return the generator
   */
  public static FftGenerator of(long seed, PhraseModel phrases, String month, int icbs, int trusts, int sites,
      int wards) {
    checkArgument(icbs >= 1 && trusts >= icbs && sites >= trusts && wards >= sites,
        "each level needs at least as many organisations as the one above: %s ICBs, %s trusts, %s sites, %s wards",
        icbs, trusts, sites, wards);
    return new FftGenerator(seed, checkNotNull(phrases, "phrases"), checkNotNull(month, "month"), 0,
        new int[] {icbs, trusts, sites, wards});
  }

  /**
   * With bad rows: this fraction of responses get a blank level or a rating outside the scale.
   *
   * @param fraction between 0 and 0.5
   * @return a changed copy
   */
  public FftGenerator withBadRows(double fraction) {
    checkArgument(fraction >= 0 && fraction <= 0.5, "fraction of bad rows must be in [0, 0.5]: %s", fraction);
    FftGenerator copy = new FftGenerator(this, fraction);
    return copy;
  }

  private FftGenerator(FftGenerator other, double badRows) {
    this.seed = other.seed;
    this.phrases = other.phrases;
    this.month = other.month;
    this.badRows = badRows;
    this.paths = other.paths;
    this.cumulativeSize = other.cumulativeSize;
    this.wardPositive = other.wardPositive;
  }

  /**
   * The wards' paths from the top: ICB, trust, site, ward.
   *
   * @return one path per ward
   */
  public List<List<String>> paths() {
    List<List<String>> out = new ArrayList<>(paths.length);
    for (String[] path : paths) {
      out.add(List.of(path));
    }
    return out;
  }

  /**
   * A month of responses.
   *
   * @param spark the session
   * @param responses how many
   * @param partitions how many partitions to generate in
   * @return the responses
   */
  public Dataset<Row> month(SparkSession spark, long responses, int partitions) {
    checkArgument(responses >= 0, "responses cannot be negative: %s", responses);
    checkArgument(partitions >= 1, "partitions must be at least 1: %s", partitions);
    FftGenerator self = this;
    MapPartitionsFunction<Long, Row> rows = ids -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public Row next() {
        return self.response(ids.next());
      }
    };
    return spark.range(0, responses, 1, partitions).mapPartitions(rows, Encoders.row(SCHEMA));
  }

  /** One response, from the seed and its number alone. */
  Row response(long id) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
    int ward = ward(random.nextDouble());
    String[] path = paths[ward].clone();
    int rating;
    double u = random.nextDouble();
    if (u < wardPositive[ward]) {
      rating = random.nextDouble() < 0.78 ? 1 : 2;
    } else {
      double v = random.nextDouble();
      rating = v < 0.35 ? 3 : v < 0.6 ? 4 : v < 0.85 ? 5 : 6;
    }
    String comment = null;
    if (random.nextDouble() < 0.75) {
      int band = rating <= 2 ? PhraseModel.POSITIVE : rating == 3 || rating == 6 ? PhraseModel.NEUTRAL
          : PhraseModel.NEGATIVE;
      comment = phrases.comment(band, random);
    }
    String ratingText = Integer.toString(rating);
    if (badRows > 0 && random.nextDouble() < badRows) {
      switch (random.nextInt(3)) {
        case 0 -> path[random.nextInt(4)] = null;
        case 1 -> path[random.nextInt(4)] = "";
        default -> ratingText = random.nextBoolean() ? "7" : "very good";
      }
    }
    return RowFactory.create(id, month, path[0], path[1], path[2], path[3], ratingText, comment);
  }

  private int ward(double u) {
    int low = 0;
    int high = cumulativeSize.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulativeSize[mid] <= u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Assigns n children to k parents, each parent at least one, the rest at random. */
  private static int[] spread(int n, int k, SplittableRandom random) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i < k ? i : random.nextInt(k);
    }
    // children numbered in parent order, so codes within a parent are consecutive
    java.util.Arrays.sort(parent);
    return parent;
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
