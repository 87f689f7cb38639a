package dev.insight.codeframe.agreement;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agreement between codings of the same units: between two coders, among several coders, or of a coding against a
 * reference. Every code is treated as a binary decision per unit (given or not); the codings must use codeframes
 * with the same codable codes.
 *
 * <p>Implementation note: Cohen's kappa (Cohen 1960) for a code is {@code (po - pe) / (1 - pe)} with po the observed
 * agreement and {@code pe = p1 p2 + (1 - p1)(1 - p2)} from each coder's own rate of giving the code. Krippendorff's
 * alpha is computed by {@link Krippendorff#nominalAlpha}. "Pooled" figures treat every unit-by-code decision as one
 * observation.
 */
public final class Agreement {
  private Agreement() {}

  private static List<Code> codable(Coding first, Coding second) {
    List<CodeId> a = first.codeframe().codable().stream().map(Code::id).collect(Collectors.toList());
    List<CodeId> b = second.codeframe().codable().stream().map(Code::id).collect(Collectors.toList());
    checkArgument(new LinkedHashSet<>(a).equals(new LinkedHashSet<>(b)),
        "the codings use codeframes with different codes: only in the first %s, only in the second %s",
        a.stream().filter(c -> !b.contains(c)).collect(Collectors.toList()),
        b.stream().filter(c -> !a.contains(c)).collect(Collectors.toList()));
    return first.codeframe().codable();
  }

  /**
   * Agreement between two codings over the units both coded.
   *
   * @param first one coder's coding
   * @param second another coder's coding of (some of) the same units
   * @return percent agreement, Cohen's kappa and Krippendorff's alpha per code and pooled
   * @throws IllegalArgumentException when the frames' codable codes differ
   */
  public static AgreementReport between(Coding first, Coding second) {
    checkNotNull(first, "first");
    checkNotNull(second, "second");
    List<Code> codes = codable(first, second);
    List<UnitId> common = new ArrayList<>();
    List<UnitId> onlyFirst = new ArrayList<>();
    for (UnitId unit : first.units()) {
      if (second.contains(unit)) {
        common.add(unit);
      } else {
        onlyFirst.add(unit);
      }
    }
    List<UnitId> onlySecond = second.units().stream().filter(u -> !first.contains(u)).collect(Collectors.toList());
    List<Set<CodeId>> a = common.stream().map(first::codes).collect(Collectors.toList());
    List<Set<CodeId>> b = common.stream().map(second::codes).collect(Collectors.toList());
    int exact = 0;
    for (int u = 0; u < common.size(); u++) {
      if (a.get(u).equals(b.get(u))) {
        exact++;
      }
    }
    List<CodeAgreement> perCode = new ArrayList<>();
    int[] pooled = new int[4];
    int[][] pooledData = new int[common.size() * codes.size()][];
    int row = 0;
    for (Code code : codes) {
      int[] cells = new int[4];
      int[][] data = new int[common.size()][];
      for (int u = 0; u < common.size(); u++) {
        int x = a.get(u).contains(code.id()) ? 1 : 0;
        int y = b.get(u).contains(code.id()) ? 1 : 0;
        cells[(1 - x) * 2 + (1 - y)]++;
        data[u] = new int[] {x, y};
        pooledData[row++] = data[u];
      }
      for (int i = 0; i < 4; i++) {
        pooled[i] += cells[i];
      }
      perCode.add(new CodeAgreement(code.id(), code.label(), cells[0], cells[1], cells[2], cells[3],
          percent(cells), kappa(cells), Krippendorff.nominalAlpha(data)));
    }
    return new AgreementReport(common.size(), onlyFirst, onlySecond, perCode, percent(pooled),
        common.isEmpty() ? Double.NaN : (double) exact / common.size(), kappa(pooled),
        Krippendorff.nominalAlpha(pooledData));
  }

  /** Observed agreement of a 2x2 table {both, onlyFirst, onlySecond, neither}. */
  static double percent(int[] cells) {
    int n = cells[0] + cells[1] + cells[2] + cells[3];
    return n == 0 ? Double.NaN : (double) (cells[0] + cells[3]) / n;
  }

  /**
   * Cohen's kappa of a 2x2 table.
   *
   * @param both units both coders gave the code
   * @param onlyFirst units only the first gave it
   * @param onlySecond units only the second gave it
   * @param neither units neither gave it
   * @return kappa; NaN when there are no units or chance agreement is 1
   */
  public static double kappa(int both, int onlyFirst, int onlySecond, int neither) {
    return kappa(new int[] {both, onlyFirst, onlySecond, neither});
  }

  static double kappa(int[] cells) {
    double n = cells[0] + cells[1] + cells[2] + cells[3];
    if (n == 0) {
      return Double.NaN;
    }
    double po = (cells[0] + cells[3]) / n;
    double p1 = (cells[0] + cells[1]) / n;
    double p2 = (cells[0] + cells[2]) / n;
    double pe = p1 * p2 + (1 - p1) * (1 - p2);
    return pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
  }

  /**
   * Krippendorff's alpha among several codings; a unit missing from a coding is a missing value for that coder.
   *
   * @param codings two or more codings with the same codable codes
   * @return alpha per code and pooled
   * @throws IllegalArgumentException when fewer than two codings are given or their frames' codes differ
   */
  public static AlphaReport alpha(List<Coding> codings) {
    checkArgument(codings.size() >= 2, "alpha needs at least two codings, not %s", codings.size());
    List<Code> codes = codable(codings.get(0), codings.get(1));
    for (Coding coding : codings.subList(2, codings.size())) {
      codable(codings.get(0), coding);
    }
    Set<UnitId> units = new LinkedHashSet<>();
    codings.forEach(c -> units.addAll(c.units()));
    List<UnitId> pairable = units.stream()
        .filter(u -> codings.stream().filter(c -> c.contains(u)).count() >= 2).collect(Collectors.toList());
    Map<CodeId, Double> perCode = new LinkedHashMap<>();
    int[][] pooled = new int[pairable.size() * codes.size()][];
    int row = 0;
    for (Code code : codes) {
      int[][] data = new int[pairable.size()][];
      for (int u = 0; u < pairable.size(); u++) {
        UnitId unit = pairable.get(u);
        int[] values = new int[codings.size()];
        for (int c = 0; c < values.length; c++) {
          Coding coding = codings.get(c);
          values[c] = !coding.contains(unit) ? Krippendorff.MISSING
              : coding.codes(unit).contains(code.id()) ? 1 : 0;
        }
        data[u] = values;
        pooled[row++] = values;
      }
      perCode.put(code.id(), Krippendorff.nominalAlpha(data));
    }
    return new AlphaReport(codings.size(), pairable.size(), perCode, Krippendorff.nominalAlpha(pooled));
  }

  /**
   * Scores a coding against a reference coding over the reference's units that the coding has.
   *
   * @param reference the reference (gold standard) coding
   * @param coded the coding to score (a rule or model coding, or a trainee coder)
   * @return precision, recall and F1 per code with its support, micro and macro averages
   * @throws IllegalArgumentException when the frames' codable codes differ
   */
  public static ReferenceReport againstReference(Coding reference, Coding coded) {
    List<Code> codes = codable(reference, coded);
    List<UnitId> common = new ArrayList<>();
    List<UnitId> missing = new ArrayList<>();
    for (UnitId unit : reference.units()) {
      (coded.contains(unit) ? common : missing).add(unit);
    }
    List<Set<CodeId>> truth = common.stream().map(reference::codes).collect(Collectors.toList());
    List<Set<CodeId>> predicted = common.stream().map(coded::codes).collect(Collectors.toList());
    List<CodeScore> scores = new ArrayList<>();
    long tpAll = 0;
    long fpAll = 0;
    long fnAll = 0;
    double macroSum = 0;
    int macroCount = 0;
    for (Code code : codes) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int u = 0; u < common.size(); u++) {
        boolean t = truth.get(u).contains(code.id());
        boolean p = predicted.get(u).contains(code.id());
        if (t && p) {
          tp++;
        } else if (p) {
          fp++;
        } else if (t) {
          fn++;
        }
      }
      double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
      double f1 = f1(precision, recall, tp);
      scores.add(new CodeScore(code.id(), code.label(), tp, fp, fn, tp + fn, precision, recall, f1));
      tpAll += tp;
      fpAll += fp;
      fnAll += fn;
      if (tp + fn > 0) {
        macroSum += Double.isNaN(f1) ? 0 : f1;
        macroCount++;
      }
    }
    double microPrecision = tpAll + fpAll == 0 ? Double.NaN : (double) tpAll / (tpAll + fpAll);
    double microRecall = tpAll + fnAll == 0 ? Double.NaN : (double) tpAll / (tpAll + fnAll);
    return new ReferenceReport(common.size(), missing, scores, microPrecision, microRecall,
        f1(microPrecision, microRecall, tpAll), macroCount == 0 ? Double.NaN : macroSum / macroCount);
  }

  private static double f1(double precision, double recall, long tp) {
    if (Double.isNaN(precision) && Double.isNaN(recall)) {
      return Double.NaN;
    }
    if (tp == 0) {
      return 0;
    }
    return 2 * precision * recall / (precision + recall);
  }

}
