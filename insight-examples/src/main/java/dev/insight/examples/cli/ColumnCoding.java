package dev.insight.examples.cli;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import java.time.Instant;
import java.util.List;

/**
 * Comments that arrive coded as 0/1 columns, as a {@link Coding} whose provenance is what the user said of them
 * ({@code --coded-by person|rules|model}): the one coded result the report reads.
 *
 * <p>The columns record neither who the coder was nor which rule or model, nor a model's confidence; the provenance
 * says so in its names, and a model's score is 1 (the code was assigned). The report reads only the kind of coder.
 */
final class ColumnCoding {
  /** The name given to a coder, rule or model the data do not name. */
  static final String NOT_RECORDED = "not recorded with the data";

  private ColumnCoding() {}

  /**
   * The coding of a codes variable.
   *
   * @param data the survey
   * @param codes its multiple-response variable of codes (missing for those not coded)
   * @param how "person", "rules" or "model"
   * @param at when the coding was made, as far as known (the data file's modification time)
   * @return the coding: one unit per respondent with the variable answered, the codes selected
   * @throws IllegalArgumentException for another {@code how}
   */
  static Coding of(Dataset data, String codes, String how, Instant at) {
    Provenance provenance = switch (how) {
      case "person" -> new Provenance.Human(NOT_RECORDED, at);
      case "rules" -> new Provenance.Rule(NOT_RECORDED, List.of(), at);
      case "model" -> new Provenance.Model(NOT_RECORDED, 1, List.of(), at);
      default -> throw new IllegalArgumentException("--coded-by must be person, rules or model, not \"" + how
          + "\"");
    };
    MultiResponseVariable variable = data.multiResponse(codes);
    Codeframe.Builder frame = Codeframe.builder(variable.label());
    for (Category option : variable.options()) {
      frame.code(option.code(), option.label(), null);
    }
    Coding.Builder coding = Coding.builder(frame.build());
    for (int row = 0; row < data.rowCount(); row++) {
      if (variable.isMissing(row)) {
        continue;
      }
      UnitId unit = UnitId.of(data.id(row));
      coding.unit(unit);
      for (int c = 0; c < variable.options().size(); c++) {
        if (variable.isSelected(row, c)) {
          coding.assign(unit, CodeId.of(variable.options().get(c).code()), provenance);
        }
      }
    }
    return coding.build();
  }
}
