package dev.insight.codeframe.qdpx;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REFI-QDA project as read by {@link QdpxImporter}: its code book, its text sources, every coded segment, the
 * {@link Coding} of those segments (one unit per segment, the selection's GUID as its id) and its cases.
 *
 * @param name the project's name
 * @param codeframe the code book as a codeframe (ids are the codes' GUIDs unless the codes carry insight ids)
 * @param sources the text sources, in file order
 * @param segments the coded (and uncoded) selections, in file order
 * @param coding the segments' codes, each with the coder (the creating user's name) and time as provenance
 * @param cases each case's name and the segments it holds (through its selections or whole sources)
 */
public record QdpxProject(String name, Codeframe codeframe, List<Source> sources, List<Segment> segments,
    Coding coding, Map<String, List<UnitId>> cases) {

  /**
   * Copies the collections.
   *
   * @param name the project's name
   * @param codeframe the code book as a codeframe
   * @param sources the text sources, in file order
   * @param segments the selections, in file order
   * @param coding the segments' codes
   * @param cases each case's segments
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
  }

  /**
   * A text source.
   *
   * @param guid its GUID
   * @param name its name
   * @param text its plain text
   */
  public record Source(String guid, String name, String text) {
    /**
     * Checks the fields are present.
     *
     * @param guid its GUID
     * @param name its name
     * @param text its plain text
     */
    public Source {
      checkNotNull(guid, "guid");
      checkNotNull(name, "name");
      checkNotNull(text, "text");
    }
  }

  /**
   * A selection of a source's text.
   *
   * @param unit the unit of the coding (the selection's GUID)
   * @param source the source's GUID
   * @param start the first character, counted in Unicode code points from 0
   * @param end the character after the last
   * @param text the selected text
   */
  public record Segment(UnitId unit, String source, int start, int end, String text) {
    /**
     * Checks the fields are present.
     *
     * @param unit the unit of the coding
     * @param source the source's GUID
     * @param start the first character
     * @param end the character after the last
     * @param text the selected text
     */
    public Segment {
      checkNotNull(unit, "unit");
      checkNotNull(source, "source");
      checkNotNull(text, "text");
    }
  }
}
