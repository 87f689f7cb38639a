package dev.insight.examples.casestudy;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The case study's staff and volunteer survey as synthetic data: 759 respondents made by a seeded generator so that
 * the published shares hold exactly.
 *
 * <p>Published facts reproduced: 759 responses; 66% in contact with service users, patients or the public (501);
 * priorities chosen for comment: workforce 59% (448), mental and emotional health 48% (364), healthy weight 47%
 * (357), addiction 24% (182, the fewest); of the 182, more than half say the priority would affect them personally
 * (95) and two thirds their family or friends (121); 180 open comments, coded with the 8-code codeframe so that the
 * published shares of the 180 hold: generally positive 41% (74), adequate staff and skills 14% (25), detail on
 * delivery, monitoring and evaluation 12% (22), adequate funding 11% (20), partnership working 9% (16),
 * co-production 7% (13), people owning their health and access to information 6% (11), focus on those most in
 * need 2% (4). Each count is the published percentage of its base rounded to the nearest whole respondent.
 *
 * <p>How: each count is met exactly by giving every respondent a random score and choosing the lowest scores; the
 * score is lowered for some groups to build in realistic differences (NHS staff more often in contact with the
 * public and more often choosing workforce). The sector and area mix over-represents some groups against the
 * workforce profile the survey is weighted to (50/25/12/9/4% by sector against 59/14/10/11/6%; 43/37/20% by area
 * against 39/39/22%), so that weighting matters; ages are 22/38/34/6%. Comments are composed from sentences
 * written for each code, so that a comment's text carries its codes. Same seed, same file, on any JVM ({@link SplittableRandom} is specified).
 */
public final class StaffSurvey {
  /** The number of respondents. */
  public static final int RESPONDENTS = 759;
  /** The number who wrote an open comment. */
  public static final int COMMENTERS = 180;
  /** The generator's default seed. */
  public static final long SEED = 20220905L;

  static final List<String> SECTORS = List.of("NHS", "County council", "District council", "VCFSE",
      "Other public");
  static final List<String> AREAS = List.of("East and North", "South and West", "West Essex");
  static final List<String> AGES = List.of("16-34", "35-49", "50-64", "65+");
  // the sample over-represents the county council and under-represents the NHS, VCFSE and other public services
  // against the workforce profile (59/14/10/11/6% by sector, 39/39/22% by area), as the published survey did
  private static final int[] SECTOR_COUNTS = {380, 190, 91, 68, 30};
  private static final int[] AREA_COUNTS = {330, 280, 149};
  private static final int[] AGE_COUNTS = {167, 288, 258, 46};

  /** A priority of the multiple-response question: its 0/1 column, label and how many choose it. */
  record PriorityOption(String column, String label, int count) {}

  static final List<PriorityOption> PRIORITIES = List.of(
      new PriorityOption("pri_workforce", "Workforce", 448),
      new PriorityOption("pri_mental_health", "Mental and emotional health", 364),
      new PriorityOption("pri_healthy_weight", "Healthy weight", 357),
      new PriorityOption("pri_addiction", "Addiction", 182),
      new PriorityOption("pri_early_years", "Best start in life", 266),
      new PriorityOption("pri_older_people", "Ageing well", 228),
      new PriorityOption("pri_inequalities", "Health inequalities", 304),
      new PriorityOption("pri_housing", "Housing and places", 190),
      new PriorityOption("pri_carers", "Unpaid carers", 213),
      new PriorityOption("pri_prevention", "Prevention and early help", 250));

  /** A code of the comments' codeframe, with how many of the 180 comments carry it. */
  record CodeOption(String column, String label, int count) {}

  static final List<CodeOption> CODES = List.of(
      new CodeOption("code_positive", "Generally positive", 74),
      new CodeOption("code_staff_skills", "Needs adequate staff and skills", 25),
      new CodeOption("code_delivery_detail", "Needs detail on delivery, monitoring and evaluation", 22),
      new CodeOption("code_funding", "Needs adequate funding", 20),
      new CodeOption("code_partnership", "Improved partnership working needed", 16),
      new CodeOption("code_coproduction", "Co-production needed", 13),
      new CodeOption("code_ownership", "People enabled to own their health; access to information and services", 11),
      new CodeOption("code_focus", "Focus on those most in need; do fewer things well", 4));

  private static final int PERSONAL = 95;
  private static final int FAMILY = 121;
  private static final int CONTACT = 501;

  private StaffSurvey() {}

  /**
   * The survey as CSV text with the default seed: the bundled {@code staff-survey.csv}.
   *
   * @return CSV with a header row, LF line ends
   */
  public static String csv() {
    return csv(SEED);
  }

  /**
   * The survey as CSV text.
   *
   * @param seed the random seed
   * @return CSV with a header row, LF line ends
   */
  public static String csv(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = RESPONDENTS;
    int[] sector = exactAllocation(SECTOR_COUNTS, random);
    int[] area = exactAllocation(AREA_COUNTS, random);
    int[] age = exactAllocation(AGE_COUNTS, random);
    boolean[] contact = choose(CONTACT, random, row -> sector[row] == 0 ? 0.7 : 1.0);
    boolean[][] priorities = new boolean[PRIORITIES.size()][];
    for (int p = 0; p < priorities.length; p++) {
      boolean workforce = p == 0;
      priorities[p] = choose(PRIORITIES.get(p).count(), random,
          row -> workforce && sector[row] == 0 ? 0.75 : 1.0);
    }
    boolean[] addiction = priorities[3];
    boolean[] personal = chooseAmong(addiction, PERSONAL, random);
    boolean[] family = chooseAmong(addiction, FAMILY, random);
    boolean[] commented = choose(COMMENTERS, random, row -> 1.0);
    List<Integer> commenters = new ArrayList<>();
    for (int row = 0; row < n; row++) {
      if (commented[row]) {
        commenters.add(row);
      }
    }
    boolean[][] codes = assignCodes(commenters.size(), random);
    String[] comments = Comments.compose(codes, random);

    StringWriter text = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
      List<String> header = new ArrayList<>(List.of("id", "sector", "area", "age", "contact"));
      PRIORITIES.forEach(p -> header.add(p.column()));
      header.addAll(List.of("addiction_personal", "addiction_family", "commented", "comment"));
      CODES.forEach(c -> header.add(c.column()));
      csv.writeRecord(header);
      int commenter = 0;
      for (int row = 0; row < n; row++) {
        List<String> fields = new ArrayList<>();
        fields.add(String.format(java.util.Locale.ROOT, "S%04d", row + 1));
        fields.add(SECTORS.get(sector[row]));
        fields.add(AREAS.get(area[row]));
        fields.add(AGES.get(age[row]));
        fields.add(contact[row] ? "Yes" : "No");
        for (boolean[] priority : priorities) {
          fields.add(priority[row] ? "1" : "0");
        }
        fields.add(addiction[row] ? (personal[row] ? "1" : "0") : "");
        fields.add(addiction[row] ? (family[row] ? "1" : "0") : "");
        fields.add(commented[row] ? "1" : "0");
        if (commented[row]) {
          fields.add(comments[commenter]);
          for (boolean[] code : codes) {
            fields.add(code[commenter] ? "1" : "0");
          }
          commenter++;
        } else {
          fields.add("");
          CODES.forEach(c -> fields.add(""));
        }
        csv.writeRecord(fields);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Exactly {@code counts[k]} rows in category k, in random order. */
  private static int[] exactAllocation(int[] counts, SplittableRandom random) {
    int[] values = new int[RESPONDENTS];
    int at = 0;
    for (int k = 0; k < counts.length; k++) {
      Arrays.fill(values, at, at + counts[k], k);
      at += counts[k];
    }
    if (at != RESPONDENTS) {
      throw new IllegalStateException("category counts add up to " + at + ", not " + RESPONDENTS);
    }
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }

  /** Exactly {@code count} rows chosen: those with the lowest random score, the score scaled per row. */
  private static boolean[] choose(int count, SplittableRandom random, java.util.function.IntToDoubleFunction scale) {
    double[] score = new double[RESPONDENTS];
    for (int row = 0; row < RESPONDENTS; row++) {
      score[row] = random.nextDouble() * scale.applyAsDouble(row);
    }
    return lowest(score, count);
  }

  private static boolean[] chooseAmong(boolean[] eligible, int count, SplittableRandom random) {
    double[] score = new double[RESPONDENTS];
    for (int row = 0; row < RESPONDENTS; row++) {
      score[row] = eligible[row] ? random.nextDouble() : Double.POSITIVE_INFINITY;
    }
    return lowest(score, count);
  }

  private static boolean[] lowest(double[] score, int count) {
    Integer[] order = new Integer[score.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    boolean[] chosen = new boolean[score.length];
    for (int i = 0; i < count; i++) {
      chosen[order[i]] = true;
    }
    return chosen;
  }

  /**
   * Gives every commenter at least one code and each code exactly its count: the 185 code mentions are dealt out
   * one per commenter in random order, and the five left over go to commenters who do not have that code yet.
   */
  private static boolean[][] assignCodes(int commenters, SplittableRandom random) {
    List<Integer> tokens = new ArrayList<>();
    for (int c = 0; c < CODES.size(); c++) {
      for (int k = 0; k < CODES.get(c).count(); k++) {
        tokens.add(c);
      }
    }
    for (int i = tokens.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer swap = tokens.get(i);
      tokens.set(i, tokens.get(j));
      tokens.set(j, swap);
    }
    boolean[][] codes = new boolean[CODES.size()][commenters];
    for (int i = 0; i < commenters; i++) {
      codes[tokens.get(i)][i] = true;
    }
    for (int i = commenters; i < tokens.size(); i++) {
      int code = tokens.get(i);
      int who;
      do {
        who = random.nextInt(commenters);
      } while (codes[code][who] || (code == 0 && codes[7][who]));
      codes[code][who] = true;
    }
    return codes;
  }
}
