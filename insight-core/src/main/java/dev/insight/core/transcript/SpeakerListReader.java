package dev.insight.core.transcript;

import static com.google.common.base.Preconditions.checkNotNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import dev.insight.core.programme.AudienceId;
import dev.insight.core.programme.OrganisationId;
import dev.insight.core.programme.Participant;
import dev.insight.core.programme.ParticipantId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a speaker list from CSV (UTF-8, header row). Columns: {@code name} (as heard in transcripts),
 * {@code participant} (the pseudonymous id) and {@code pseudonym} are required; {@code role} (the attribution for
 * quotes), {@code organisation} (an organisation id), {@code audiences} (audience ids separated by {@code ;}) and
 * {@code staff} ({@code yes}/{@code no}, {@code true}/{@code false}; empty is no) are optional. Other columns are
 * kept as participant attributes.
 *
 * <pre>
 * name,participant,pseudonym,role,organisation,audiences,staff
 * Zoë Adams,P01,P01,representative of a children and young people's organisation,org-youth,cyp,no
 * Siobhán Ó Súilleabháin,F1,Facilitator,,,,yes
 * </pre>
 */
public final class SpeakerListReader {
  private static final List<String> REQUIRED = List.of("name", "participant", "pseudonym");
  private static final List<String> KNOWN = List.of("name", "participant", "pseudonym", "role", "organisation",
      "audiences", "staff");

  private SpeakerListReader() {}

  /**
   * Reads a file strictly.
   *
   * @param file the CSV file
   * @return the list
   * @throws InvalidInputException on the first problem, naming line, column and value
   * @throws UncheckedIOException when the file cannot be read
   */
  public static SpeakerList read(Path file) {
    return read(file, ReadMode.STRICT).value();
  }

  /**
   * Reads a file.
   *
   * @param file the CSV file
   * @param mode strict or lenient (a bad row is reported and left out)
   * @return the list and the problems met
   * @throws InvalidInputException in strict mode on the first problem; in either mode when a required column is
   *     missing
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ReadResult<SpeakerList> read(Path file, ReadMode mode) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString(), mode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read speaker list " + file, e);
    }
  }

  /**
   * Reads CSV text.
   *
   * @param reader the text; not closed
   * @param source the name used in messages
   * @param mode strict or lenient
   * @return the list and the problems met
   * @throws InvalidInputException as {@link #read(Path, ReadMode)}
   */
  public static ReadResult<SpeakerList> read(Reader reader, String source, ReadMode mode) {
    checkNotNull(reader, "reader");
    ProblemCollector problems = ProblemCollector.of(source, mode);
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
        .detectBomHeader(true).ofCsvRecord(reader)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw problems.fatal(0, null, null, "the speaker list is empty: expected a header row with columns "
            + REQUIRED);
      }
      CsvRecord headerRow = rows.next();
      Map<String, Integer> header = new HashMap<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < headerRow.getFieldCount(); i++) {
        String name = headerRow.getField(i).strip().toLowerCase(Locale.ROOT);
        names.add(name);
        header.putIfAbsent(name, i);
      }
      for (String required : REQUIRED) {
        if (!header.containsKey(required)) {
          throw problems.fatal(headerRow.getStartingLineNumber(), required, null,
              "missing column; the header has " + names);
        }
      }
      List<Speaker> speakers = new ArrayList<>();
      Map<String, Long> lineOfName = new HashMap<>();
      Map<ParticipantId, Participant> participants = new HashMap<>();
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        long line = row.getStartingLineNumber();
        if (row.getFieldCount() != headerRow.getFieldCount()) {
          problems.report(line, null, null, "expected " + headerRow.getFieldCount() + " fields as in the header but"
              + " found " + row.getFieldCount() + "; the row is left out");
          continue;
        }
        Speaker speaker = speaker(row, line, header, names, problems);
        if (speaker == null) {
          continue;
        }
        Long first = lineOfName.putIfAbsent(SpeakerNames.key(speaker.name()), line);
        if (first != null) {
          problems.report(line, "name", speaker.name(), "this name is already on line " + first
              + "; the row is left out");
          continue;
        }
        Participant known = participants.putIfAbsent(speaker.participant().id(), speaker.participant());
        if (known != null && !known.equals(speaker.participant())) {
          problems.report(line, "participant", speaker.participant().id().value(), "this participant is described "
              + "differently on an earlier line (pseudonym, role, organisation, audiences and attributes must "
              + "match); the row is left out");
          continue;
        }
        speakers.add(speaker);
      }
      return problems.result(SpeakerList.of(speakers));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read speaker list " + source, e);
    }
  }

  private static @Nullable Speaker speaker(CsvRecord row, long line, Map<String, Integer> header,
      List<String> names, ProblemCollector problems) {
    String name = SpeakerNames.clean(field(row, header, "name"));
    String participant = field(row, header, "participant").strip();
    String pseudonym = field(row, header, "pseudonym").strip();
    for (String[] required : new String[][] {{"name", name}, {"participant", participant},
        {"pseudonym", pseudonym}}) {
      if (required[1].isEmpty()) {
        problems.report(line, required[0], "", required[0] + " is required; the row is left out");
        return null;
      }
    }
    String staffText = field(row, header, "staff").strip().toLowerCase(Locale.ROOT);
    boolean staff;
    switch (staffText) {
      case "", "no", "false", "n", "0" -> staff = false;
      case "yes", "true", "y", "1" -> staff = true;
      default -> {
        problems.report(line, "staff", staffText, "expected yes or no; the row is left out");
        return null;
      }
    }
    String role = field(row, header, "role").strip();
    String organisation = field(row, header, "organisation").strip();
    List<AudienceId> audiences = new ArrayList<>();
    for (String audience : field(row, header, "audiences").split(";")) {
      if (!audience.isBlank()) {
        audiences.add(AudienceId.of(audience.strip()));
      }
    }
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (!KNOWN.contains(names.get(i)) && !row.getField(i).isBlank()) {
        attributes.put(names.get(i), row.getField(i).strip());
      }
    }
    Participant person = new Participant(ParticipantId.of(participant), pseudonym, role.isEmpty() ? null : role,
        organisation.isEmpty() ? null : OrganisationId.of(organisation), audiences, attributes);
    return new Speaker(name, person, staff);
  }

  private static String field(CsvRecord row, Map<String, Integer> header, String column) {
    Integer at = header.get(column);
    return at == null ? "" : row.getField(at);
  }
}
