package dev.insight.stats.table;

import dev.insight.core.data.Category;
import dev.insight.stats.design.SurveyDesign;
import dev.insight.stats.inference.RaoScott;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Rao-Scott tests of association between a question and each single-choice banner variable: from the cell
 * sums already accumulated when the design has weights only and every respondent is in a column, else through the
 * design ({@link RaoScott#test}).
 */
final class AssociationTests {
  private final SurveyDesign design;
  private final Banner banner;

  AssociationTests(SurveyDesign design, Banner banner) {
    this.design = design;
    this.banner = banner;
  }

  /**
   * The question's tests, one per single-choice banner variable (one per option and banner variable for a
   * multiple-response row).
   *
   * @param name the row variable
   * @param question the row's question
   * @param acc the question's sums per column, or null when they are of mentions (not of respondents)
   */
  List<AssociationTest> of(String name, RowQuestion question, ColumnSums @Nullable [] acc) {
    int[] rowCodes = question.rowCodes();
    Question.Multi multi = question.question() instanceof Question.Multi mq ? mq : null;
    List<Category> multiOptions = question.multiOptions();
    List<AssociationTest> tests = new ArrayList<>();
    boolean[] keep = banner.keep();
    for (BannerVar b : banner.bannerVars()) {
      if (b.categorical() == null) {
        continue;
      }
      if (acc != null && design.isWeightsOnly() && (rowCodes != null || multi != null)
          && everyoneHasABannerCategory(acc, b)) {
        fromCellSums(name, question.rowCategories(), multi == null ? null : multiOptions, acc, b, tests);
        continue;
      }
      int[] bannerCodes = b.categorical().copyIndices();
      for (int i = 0; i < bannerCodes.length; i++) {
        bannerCodes[i] = bannerCodes[i] < 0 ? -1 : b.columnOfCategory()[bannerCodes[i]];
      }
      if (rowCodes != null) {
        RaoScott.test(design, name, rowCodes, question.rowCategories(), b.name(), bannerCodes, b.size(), keep)
            .ifPresent(r -> tests.add(new AssociationTest(b.name(), name, r)));
      } else if (multi != null && multiOptions != null) {
        int[] codes = new int[keep.length];
        for (int j = 0; j < multiOptions.size(); j++) {
          long[] bits = multi.itemBits[j];
          for (int i = 0; i < codes.length; i++) {
            codes[i] = (multi.answered[i >>> 6] & (1L << i)) == 0 ? -1
                : ((bits[i >>> 6] >>> i) & 1L) == 0 ? 0 : 1;
          }
          String option = multiOptions.get(j).code();
          RaoScott.test(design, option, codes, 2, b.name(), bannerCodes, b.size(), keep)
              .ifPresent(r -> tests.add(new AssociationTest(b.name(), option, r)));
        }
      }
    }
    return tests;
  }

  private static boolean everyoneHasABannerCategory(ColumnSums[] acc, BannerVar b) {
    double inColumns = 0;
    for (int j = 0; j < b.size(); j++) {
      inColumns += acc[b.first() + j].n;
    }
    return inColumns == acc[0].n;
  }

  /** Rao-Scott from the accumulated cell sums: weights-only designs, no pass over the respondents. */
  private void fromCellSums(String name, int rowCategories, @Nullable List<Category> multiOptions,
      ColumnSums[] acc, BannerVar b, List<AssociationTest> tests) {
    int columnsOfBanner = b.size();
    int kept = banner.kept();
    if (multiOptions == null) {
      double[] s1 = new double[rowCategories * columnsOfBanner];
      double[] s2 = new double[s1.length];
      for (int c = 0; c < columnsOfBanner; c++) {
        ColumnSums column = acc[b.first() + c];
        for (int r = 0; r < rowCategories; r++) {
          s1[r + rowCategories * c] = column.itemW[r];
          s2[r + rowCategories * c] = column.itemQ[r];
        }
      }
      RaoScott.fromCellSums(design, name, b.name(), s1, s2, rowCategories, columnsOfBanner, kept)
          .ifPresent(r -> tests.add(new AssociationTest(b.name(), name, r)));
      return;
    }
    for (int j = 0; j < multiOptions.size(); j++) {
      double[] s1 = new double[2 * columnsOfBanner];
      double[] s2 = new double[s1.length];
      for (int c = 0; c < columnsOfBanner; c++) {
        ColumnSums column = acc[b.first() + c];
        s1[2 * c] = column.w - column.itemW[j];
        s2[2 * c] = column.q - column.itemQ[j];
        s1[2 * c + 1] = column.itemW[j];
        s2[2 * c + 1] = column.itemQ[j];
      }
      String option = multiOptions.get(j).code();
      RaoScott.fromCellSums(design, option, b.name(), s1, s2, 2, columnsOfBanner, kept)
          .ifPresent(r -> tests.add(new AssociationTest(b.name(), option, r)));
    }
  }
}
