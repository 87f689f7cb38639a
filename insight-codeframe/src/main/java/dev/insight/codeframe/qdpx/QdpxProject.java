package dev.insight.codeframe.qdpx;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A REFI-QDA project as read by {@link QdpxImporter}: its code book, its text sources, every coded segment, the
 * {@link Coding} of those segments (one unit per segment, the selection's GUID as its id), its cases, notes, sets
 * of sources and variables.
 *
 * @param name the project's name
 * @param codeframe the code book as a codeframe (ids are the codes' GUIDs unless the codes carry insight ids)
 * @param sources the text sources, in file order
 * @param segments the coded (and uncoded) selections, in file order
 * @param coding the segments' codes, each with the coder (the creating user's name) and time as provenance
 * @param cases each case's name and the segments it holds (through its selections or whole sources)
 * @param notes the project's notes (memos) in file order: memos of codes and of sources ({@code NoteRef}s to them)
 *     and notes of the project itself (journals)
 * @param sourceSets the sets of sources ({@code Set}s of {@code MemberSource}s, such as MAXQDA's document sets): each
 *     set's name and its sources' GUIDs; sets of codes are the codeframe's {@link Codeframe#sets() sets}
 * @param caseVariables each case's variables ({@code VariableValue}s), by variable name, for the cases that have any
 */
public record QdpxProject(String name, Codeframe codeframe, List<Source> sources, List<Segment> segments,
    Coding coding, Map<String, List<UnitId>> cases, List<Note> notes, Map<String, List<String>> sourceSets,
    Map<String, Map<String, String>> caseVariables) {
  /** The Project schema's GUID: 8-4-4-4-12 hexadecimal digits, optionally in braces. */
  static final Pattern GUID = Pattern.compile(
      "[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}|\\{[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}}");


  /**
   * Copies the collections.
   *
   * @param name the project's name
   * @param codeframe the code book as a codeframe
   * @param sources the text sources, in file order
   * @param segments the selections, in file order
   * @param coding the segments' codes
   * @param cases each case's segments
   * @param notes the project's notes
   * @param sourceSets the sets of sources
   * @param caseVariables each case's variables
   */
  public QdpxProject {
    checkNotNull(name, "name");
    checkNotNull(codeframe, "codeframe");
    checkNotNull(coding, "coding");
    sources = List.copyOf(sources);
    segments = List.copyOf(segments);
    Map<String, List<UnitId>> copy = new LinkedHashMap<>();
    cases.forEach((caseName, units) -> copy.put(caseName, List.copyOf(units)));
    cases = Collections.unmodifiableMap(copy);
    notes = List.copyOf(notes);
    Map<String, List<String>> sets = new LinkedHashMap<>();
    sourceSets.forEach((setName, members) -> sets.put(setName, List.copyOf(members)));
    sourceSets = Collections.unmodifiableMap(sets);
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    caseVariables.forEach((caseName, byName) -> values.put(caseName, Collections.unmodifiableMap(
        new LinkedHashMap<>(byName))));
    caseVariables = Collections.unmodifiableMap(values);
  }

  /**
   * The memos of a code: the notes whose {@code NoteRef} the code holds (its description is in the codeframe).
   *
   * @param code a code of the codeframe
   * @return its notes, in file order
   */
  public List<Note> notesOf(CodeId code) {
    return notes.stream().filter(n -> n.codes().contains(code)).toList();
  }

  /**
   * A note (memo), as REFI-QDA keeps it in the project's {@code Notes}: its text, who wrote it and when, and the codes
   * and sources that refer to it through a {@code NoteRef}; a note referred to by nothing is a note of the project.
   *
   * @param guid its GUID
   * @param name its name (may be empty)
   * @param text its plain text
   * @param author the name of the user who wrote it; empty when the file does not say
   * @param at when it was written; null when the file does not say
   * @param codes the codes whose memo it is
   * @param sources the GUIDs of the sources whose memo it is
   */
  public record Note(String guid, String name, String text, String author, @Nullable Instant at, List<CodeId> codes,
      List<String> sources) {
    /**
     * Checks the fields and copies the lists.
     *
     * @param guid its GUID
     * @param name its name (may be empty)
     * @param text its plain text
     * @param author the name of the user who wrote it; empty when not recorded
     * @param at when it was written; null when not recorded
     * @param codes the codes whose memo it is
     * @param sources the GUIDs of the sources whose memo it is
     */
    public Note {
      checkNotNull(guid, "guid");
      checkArgument(GUID.matcher(guid).matches(), "a note's GUID must be a GUID, not '%s'", guid);
      checkNotNull(name, "name");
      checkNotNull(text, "text");
      checkNotNull(author, "author");
      codes = List.copyOf(codes);
      sources = List.copyOf(sources);
    }

    /**
     * A new memo of some codes (none: a note of the project), with a GUID derived from its content, so that
     * writing the same notes twice gives the same project.
     *
     * @param name its name (may be empty)
     * @param text its text
     * @param author who wrote it
     * @param at when
     * @param codes the codes whose memo it is; empty for a note of the project
     * @return the note
     */
    public static Note of(String name, String text, String author, Instant at, List<CodeId> codes) {
      checkNotNull(at, "at");
      List<String> parts = new ArrayList<>(List.of("note", name, text, author, at.toString()));
      codes.forEach(c -> parts.add(c.value()));
      return new Note(UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8))
          .toString(), name, text, author, at, codes, List.of());
    }
  }

  /**
   * A source whose text was read: a {@code TextSource}, or the text representation of a {@code PDFSource}.
   *
   * @param guid its GUID (lower case)
   * @param name its name
   * @param text its plain text
   * @param variables its variables ({@code VariableValue}s, as MAXQDA writes them), by variable name
   * @param memo its {@code Description} (QualCoder writes a source's memo there); empty when it has none
   */
  public record Source(String guid, String name, String text, Map<String, String> variables, String memo) {
    /**
     * Checks the fields are present and copies the variables.
     *
     * @param guid its GUID
     * @param name its name
     * @param text its plain text
     * @param variables its variables, by name
     * @param memo its description; empty when it has none
     */
    public Source {
      checkNotNull(guid, "guid");
      checkNotNull(name, "name");
      checkNotNull(text, "text");
      checkNotNull(memo, "memo");
      variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /**
     * A source without a memo.
     *
     * @param guid its GUID
     * @param name its name
     * @param text its plain text
     * @param variables its variables, by name
     */
    public Source(String guid, String name, String text, Map<String, String> variables) {
      this(guid, name, text, variables, "");
    }

    /**
     * A source without variables or memo.
     *
     * @param guid its GUID
     * @param name its name
     * @param text its plain text
     */
    public Source(String guid, String name, String text) {
      this(guid, name, text, Map.of(), "");
    }
  }

  /**
   * A selection of a source's text. Selections of the same source with the same start and end (QualCoder writes one
   * per code) are one segment, with the codes of all of them.
   *
   * @param unit the unit of the coding (the GUID of the first selection of that span, lower case)
   * @param source the source's GUID
   * @param start the first character, counted in Unicode code points from 0
   * @param end the character after the last
   * @param text the selected text
   * @param memo the selection's {@code Description}: ATLAS.ti's comment on a quotation, QualCoder's memo of a coding
   *     (those of several selections of the same span joined by a blank line); empty when there is none
   */
  public record Segment(UnitId unit, String source, int start, int end, String text, String memo) {
    /**
     * Checks the fields are present.
     *
     * @param unit the unit of the coding
     * @param source the source's GUID
     * @param start the first character
     * @param end the character after the last
     * @param text the selected text
     * @param memo the selection's description; empty when there is none
     */
    public Segment {
      checkNotNull(unit, "unit");
      checkNotNull(source, "source");
      checkNotNull(text, "text");
      checkNotNull(memo, "memo");
    }

    /**
     * A segment without a memo.
     *
     * @param unit the unit of the coding
     * @param source the source's GUID
     * @param start the first character
     * @param end the character after the last
     * @param text the selected text
     */
    public Segment(UnitId unit, String source, int start, int end, String text) {
      this(unit, source, start, end, text, "");
    }
  }
}
