package dev.insight.codeframe.framework;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.transcript.CodedSegment;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.transcript.Speaker;
import dev.insight.core.transcript.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Framework Method's matrix: cases (participants or groups) by themes. Each cell starts with the coded segments
 * of that case under that theme; the analyst adds a summary and selects quotes. Immutable: {@link #withSummary} and
 * {@link #withQuote} return a new matrix.
 *
 * <p>Implementation note. Framework analysis (Ritchie and Spencer 1994, as set out by Gale et al. 2013, BMC Medical
 * Research Methodology 13:117) charts data into a matrix with one row per case and one column per theme,
 * summarising each case's view on each theme with references to the transcript. A segment coded with a code counts
 * under every theme that is the code itself or one of its nets.
 */
public final class FrameworkMatrix {
  private final Codeframe codeframe;
  private final List<FrameworkCase> cases;
  private final List<Code> themes;
  private final Map<String, Map<CodeId, Cell>> cells;
  private final Set<String> namesHeard;

  private FrameworkMatrix(Codeframe codeframe, List<FrameworkCase> cases, List<Code> themes,
      Map<String, Map<CodeId, Cell>> cells, Set<String> namesHeard) {
    this.codeframe = codeframe;
    this.cases = List.copyOf(cases);
    this.themes = List.copyOf(themes);
    Map<String, Map<CodeId, Cell>> copy = new LinkedHashMap<>();
    cells.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    this.cells = copy;
    this.namesHeard = Set.copyOf(namesHeard);
  }

  /**
   * A matrix with the codeframe's top-level codes and nets as themes (reserved codes left out).
   *
   * @param codings the coded transcripts, all with one codeframe; at least one
   * @param casesBy what the rows are
   * @return the matrix with the coded segments in its cells and no summaries or quotes yet
   * @throws IllegalArgumentException when there are no codings or they use different codeframes
   */
  public static FrameworkMatrix of(List<TranscriptCoding> codings, CasesBy casesBy) {
    checkArgument(!codings.isEmpty(), "a framework matrix needs at least one coded transcript");
    List<CodeId> themes = new ArrayList<>();
    for (Code root : codings.get(0).coding().codeframe().roots()) {
      if (root.reserved() == null) {
        themes.add(root.id());
      }
    }
    return of(codings, casesBy, themes);
  }

  /**
   * A matrix with given themes.
   *
   * @param codings the coded transcripts, all with one codeframe; at least one
   * @param casesBy what the rows are
   * @param themes the columns: codes or nets of the codeframe, in order
   * @return the matrix
   * @throws IllegalArgumentException when there are no codings or themes, the codings use different codeframes, or
   *     a theme is not in the codeframe
   */
  public static FrameworkMatrix of(List<TranscriptCoding> codings, CasesBy casesBy, List<CodeId> themes) {
    checkArgument(!codings.isEmpty(), "a framework matrix needs at least one coded transcript");
    checkNotNull(casesBy, "casesBy");
    checkArgument(!themes.isEmpty(), "a framework matrix needs at least one theme");
    Codeframe codeframe = codings.get(0).coding().codeframe();
    List<Code> themeCodes = new ArrayList<>();
    for (CodeId theme : themes) {
      themeCodes.add(codeframe.code(theme));
    }
    Map<String, FrameworkCase> cases = new LinkedHashMap<>();
    Map<String, Map<CodeId, List<Excerpt>>> excerpts = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    for (TranscriptCoding coding : codings) {
      checkArgument(coding.coding().codeframe().equals(codeframe), "%s is coded with codeframe %s, not %s",
          coding.transcript().source(), coding.coding().codeframe(), codeframe);
      for (Turn turn : coding.transcript().turns()) {
        if (!turn.speakerName().equals(Turn.UNKNOWN_SPEAKER)) {
          names.add(turn.speakerName());
        }
        if (turn.speaker() != null) {
          names.add(turn.speaker().name());
        }
      }
      if (casesBy == CasesBy.GROUP) {
        String id = coding.activity().value();
        cases.putIfAbsent(id, new FrameworkCase(id, id, true));
      }
      for (CodedSegment coded : coding.codedSegments()) {
        FrameworkCase row = casesBy == CasesBy.GROUP ? cases.get(coding.activity().value()) : caseOf(coded.turn());
        cases.putIfAbsent(row.id(), row);
        Assignment assignment = coded.assignment();
        Excerpt excerpt = new Excerpt(fileName(coding.transcript().source()), coding.activity(), coded.segment().id(),
            coded.turn().index(), coded.turn().startLabel(), caseOf(coded.turn()).label(), coded.text(),
            assignment.code(), assignment.provenance().source(), assignment.provenance().at());
        List<CodeId> lineage = new ArrayList<>(codeframe.ancestors(assignment.code()));
        lineage.add(assignment.code());
        for (Code theme : themeCodes) {
          if (lineage.contains(theme.id())) {
            excerpts.computeIfAbsent(row.id(), k -> new LinkedHashMap<>())
                .computeIfAbsent(theme.id(), k -> new ArrayList<>()).add(excerpt);
          }
        }
      }
    }
    Map<String, Map<CodeId, Cell>> cells = new LinkedHashMap<>();
    for (FrameworkCase row : cases.values()) {
      Map<CodeId, Cell> rowCells = new LinkedHashMap<>();
      Map<CodeId, List<Excerpt>> rowExcerpts = excerpts.getOrDefault(row.id(), Map.of());
      for (Code theme : themeCodes) {
        rowCells.put(theme.id(), new Cell(row.id(), theme.id(), null, rowExcerpts.getOrDefault(theme.id(),
            List.of()), List.of()));
      }
      cells.put(row.id(), rowCells);
    }
    return new FrameworkMatrix(codeframe, new ArrayList<>(cases.values()), themeCodes, cells, names);
  }

  /** The file name without its folders: a path can name the analyst's machine and folders. */
  private static String fileName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash < 0 || slash == source.length() - 1 ? source : source.substring(slash + 1);
  }

  private static FrameworkCase caseOf(Turn turn) {
    Speaker speaker = turn.speaker();
    if (speaker == null) {
      return new FrameworkCase("speaker:" + turn.speakerName(), turn.speakerName(), false);
    }
    return new FrameworkCase(speaker.participant().id().value(), speaker.participant().pseudonym(), true);
  }

  /**
   * The codeframe the themes come from.
   *
   * @return the codeframe
   */
  public Codeframe codeframe() {
    return codeframe;
  }

  /**
   * The rows, in order of first appearance.
   *
   * @return the cases
   */
  public List<FrameworkCase> cases() {
    return cases;
  }

  /**
   * The columns.
   *
   * @return the themes
   */
  public List<Code> themes() {
    return themes;
  }

  /**
   * A cell.
   *
   * @param caseId the case's id
   * @param theme the theme
   * @return the cell
   * @throws IllegalArgumentException when there is no such case or theme
   */
  public Cell cell(String caseId, CodeId theme) {
    Map<CodeId, Cell> row = cells.get(caseId);
    checkArgument(row != null, "the matrix has no case %s; it has %s", caseId, cells.keySet());
    Cell cell = row.get(theme);
    checkArgument(cell != null, "the matrix has no theme %s", theme);
    return cell;
  }

  /**
   * Every quote in the matrix, in row and column order.
   *
   * @return the quotes
   */
  public List<Verbatim> quotes() {
    List<Verbatim> quotes = new ArrayList<>();
    for (FrameworkCase row : cases) {
      for (Code theme : themes) {
        quotes.addAll(cell(row.id(), theme.id()).quotes());
      }
    }
    return quotes;
  }

  /**
   * The speakers' names heard in the transcripts and found on the speaker list: personal data, for redaction.
   *
   * @return the names
   */
  public Set<String> namesHeard() {
    return namesHeard;
  }

  /**
   * This matrix with a cell's summary written.
   *
   * @param caseId the case
   * @param theme the theme
   * @param summary the analyst's summary
   * @return a new matrix
   * @throws IllegalArgumentException when there is no such cell or the summary is blank
   */
  public FrameworkMatrix withSummary(String caseId, CodeId theme, String summary) {
    checkArgument(summary != null && !summary.isBlank(), "a summary cannot be blank (case %s, theme %s)", caseId,
        theme);
    Cell cell = cell(caseId, theme);
    return with(new Cell(caseId, theme, summary, cell.excerpts(), cell.quotes()));
  }

  /**
   * This matrix with a quote added to a cell. A quote without consent may be kept for analysis but cannot be
   * exported: {@link MatrixExporter} refuses it.
   *
   * @param caseId the case
   * @param theme the theme
   * @param quote the quote
   * @return a new matrix
   * @throws IllegalArgumentException when there is no such cell, or the cell already has a quote with its id
   */
  public FrameworkMatrix withQuote(String caseId, CodeId theme, Verbatim quote) {
    checkNotNull(quote, "quote");
    Cell cell = cell(caseId, theme);
    for (Verbatim existing : cell.quotes()) {
      checkArgument(!existing.id().equals(quote.id()), "cell (%s, %s) already has quote %s", caseId, theme,
          quote.id());
    }
    List<Verbatim> quotes = new ArrayList<>(cell.quotes());
    quotes.add(quote);
    return with(new Cell(caseId, theme, cell.summary(), cell.excerpts(), quotes));
  }

  private FrameworkMatrix with(Cell cell) {
    Map<String, Map<CodeId, Cell>> copy = new LinkedHashMap<>(cells);
    Map<CodeId, Cell> row = new LinkedHashMap<>(copy.get(cell.caseId()));
    row.put(cell.theme(), cell);
    copy.put(cell.caseId(), row);
    return new FrameworkMatrix(codeframe, cases, themes, copy, namesHeard);
  }

  @Override
  public String toString() {
    return "FrameworkMatrix[" + cases.size() + " cases x " + themes.size() + " themes]";
  }
}
