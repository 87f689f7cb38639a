package dev.insight.codeframe.interchange;

import dev.insight.core.internal.CsvOutput;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A coding as a flat file: the id column, then one 0/1 column per codable code, then one 0/1 column per net (1 when
 * any code at or under the net is given), every column named by its id (a net that is itself codable, as REFI-QDA
 * allows, has its net column named {@code <id>.net}), one row per unit in the coding's order. This
 * is what {@code insight code apply} writes and what {@link CodedFileReader#columns(Codeframe)}
 * reads back (net columns are ignored on reading, as they are derived).
 */
public final class CodedCsv {
  private CodedCsv() {}

  /**
   * The name of a net's column.
   *
   * @param net a net
   * @return its id, or {@code <id>.net} when the net is also codable and so has a code column of its own
   */
  public static String netColumn(Code net) {
    return net.codable() ? net.id().value() + ".net" : net.id().value();
  }

  /**
   * Writes a coding.
   *
   * @param coding the coding
   * @param idColumn the name of the id column
   * @param writer where the CSV goes (not closed)
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Coding coding, String idColumn, Writer writer) {
    Codeframe frame = coding.codeframe();
    List<Code> codable = frame.codable();
    List<Code> nets = frame.nets();
    List<List<CodeId>> under = new ArrayList<>();
    for (Code net : nets) {
      under.add(frame.codableUnder(net.id()));
    }
    CsvOutput csv = CsvOutput.of(writer);
    List<String> header = new ArrayList<>();
    header.add(idColumn);
    codable.forEach(c -> header.add(c.id().value()));
    nets.forEach(c -> header.add(netColumn(c)));
    csv.record(header);
    List<String> row = new ArrayList<>(header.size());
    for (UnitId unit : coding.units()) {
      Set<CodeId> codes = coding.codes(unit);
      row.clear();
      row.add(unit.value());
      for (Code code : codable) {
        row.add(codes.contains(code.id()) ? "1" : "0");
      }
      for (List<CodeId> members : under) {
        row.add(members.stream().anyMatch(codes::contains) ? "1" : "0");
      }
      csv.record(row);
    }
    try {
      csv.flush();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
