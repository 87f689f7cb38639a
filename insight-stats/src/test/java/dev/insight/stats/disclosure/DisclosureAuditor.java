package dev.insight.stats.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * An attacker's view of a publication: the hidden counts are unknowns, every published total gives a linear
 * equation, and the auditor tries to recover each unknown, first by substitution repeated until nothing changes
 * (the sibling/parent differences a reader would take, level after level) and then by exact linear algebra (any
 * combination of the equations, over the rationals).
 */
final class DisclosureAuditor {
  private final int unknowns;
  private final List<int[]> equations = new ArrayList<>();

  DisclosureAuditor(int unknowns) {
    this.unknowns = unknowns;
  }

  /** An equation {@code sum coefficient * unknown = published constant}; only the unknowns' coefficients matter. */
  void equation(int[] coefficients) {
    equations.add(coefficients.clone());
  }

  /** The unknowns recovered by repeated substitution into equations with a single unknown left. */
  BitSet recoveredBySubstitution() {
    BitSet known = new BitSet(unknowns);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] eq : equations) {
        int left = -1;
        int count = 0;
        for (int j = 0; j < unknowns; j++) {
          if (eq[j] != 0 && !known.get(j)) {
            left = j;
            count++;
          }
        }
        if (count == 1) {
          known.set(left);
          changed = true;
        }
      }
    }
    return known;
  }

  /** The unknowns fixed by the equations: those whose unit vector lies in the equations' row space. */
  BitSet recoveredByAlgebra() {
    // reduced row echelon form over the rationals; unknown j is determined iff some row is exactly e_j
    List<BigFraction[]> rows = new ArrayList<>();
    for (int[] eq : equations) {
      BigFraction[] row = new BigFraction[unknowns];
      boolean any = false;
      for (int j = 0; j < unknowns; j++) {
        row[j] = new BigFraction(eq[j]);
        any |= eq[j] != 0;
      }
      if (any) {
        rows.add(row);
      }
    }
    int rank = 0;
    for (int col = 0; col < unknowns && rank < rows.size(); col++) {
      int pivot = -1;
      for (int r = rank; r < rows.size(); r++) {
        if (!rows.get(r)[col].equals(BigFraction.ZERO)) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      BigFraction[] p = rows.get(pivot);
      rows.set(pivot, rows.get(rank));
      rows.set(rank, p);
      BigFraction lead = p[col];
      for (int j = 0; j < unknowns; j++) {
        p[j] = p[j].divide(lead);
      }
      for (int r = 0; r < rows.size(); r++) {
        BigFraction[] other = rows.get(r);
        if (r != rank && !other[col].equals(BigFraction.ZERO)) {
          BigFraction factor = other[col];
          for (int j = 0; j < unknowns; j++) {
            other[j] = other[j].subtract(factor.multiply(p[j]));
          }
        }
      }
      rank++;
    }
    BitSet determined = new BitSet(unknowns);
    for (int r = 0; r < rank; r++) {
      int nonZero = 0;
      int at = -1;
      for (int j = 0; j < unknowns; j++) {
        if (!rows.get(r)[j].equals(BigFraction.ZERO)) {
          nonZero++;
          at = j;
        }
      }
      if (nonZero == 1) {
        determined.set(at);
      }
    }
    return determined;
  }
}
