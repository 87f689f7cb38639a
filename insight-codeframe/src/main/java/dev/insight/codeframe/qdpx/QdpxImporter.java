package dev.insight.codeframe.qdpx;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.insight.codeframe.qdpx.QdpxXml.child;
import static dev.insight.codeframe.qdpx.QdpxXml.children;
import static dev.insight.codeframe.qdpx.QdpxXml.descendants;
import static dev.insight.codeframe.qdpx.QdpxXml.key;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import dev.insight.core.internal.zip.BoundedZip;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a REFI-QDA project ({@code .qdpx}, as NVivo, MAXQDA, ATLAS.ti and QualCoder export) into a
 * {@link QdpxProject}: the code book (with its sets of codes) as a codeframe, the sets of sources, the text sources
 * (inline {@code PlainTextContent} or a {@code plainTextPath} of {@code internal://NAME} read from the archive's
 * {@code sources/} folder; a {@code PDFSource} by its text {@code Representation}), every {@code PlainTextSelection}
 * with its {@code Coding}s, the {@code Cases} with their variables and the {@code Notes}. A source's or a selection's
 * {@code Description} is its memo ({@link QdpxProject.Source#memo()}, {@link QdpxProject.Segment#memo()}): ATLAS.ti
 * writes its comments on quotations there, QualCoder its memos of sources and codings.
 *
 * <p>The project is the archive's {@code project.qde}; an archive without one whose root holds a single other
 * {@code .qde} file (ATLAS.ti names it after the project) is read from that file, and a note says so.
 *
 * <p>Positions count Unicode code points of the plain text, as the standard says; selections of the same span
 * (QualCoder writes one per code) are one segment with all their codes. A project written by ATLAS.ti counts a
 * Windows line break (CR LF) of its text files as one character, so its texts are read with LF line breaks.
 *
 * <p>Hostile or broken input is refused with a message naming the file and what is wrong, never silently dropped:
 * the archive is read within the zip limits (expanded size, entry count, compression ratio); the XML without DTDs
 * or external entities; a selection whose positions fall outside its source, a coding of a code that is not in the
 * code book or not codable, a case, set or note that refers to nothing, a source whose text is missing are problems.
 * Picture, audio and video sources (and the areas of a PDF) are not read: in {@link ReadMode#STRICT strict} mode
 * they are problems like the others; in {@link ReadMode#LENIENT lenient} mode the rest of the project is read and
 * each thing left out is listed, with the number of its codings, in {@link ReadResult#problems()}. What the reader did
 * that loses nothing (spans merged, times taken from the selection) is in {@link ReadResult#notes()}.
 */
public final class QdpxImporter {
  private static final String NOT_RECORDED = "coder not recorded";
  private static final String PROJECT_ENTRY = "project.qde";
  private static final String TEXT_ONLY = "only text is read (a TextSource, or a PDFSource's text "
      + "Representation): this %s and its %d coding%s are not imported";
  private static final Set<String> SECTIONS = Set.of("Users", "CodeBook", "Variables", "Cases", "Sources", "Notes",
      "Links", "Sets", "Graphs", "Description");

  private QdpxImporter() {}

  /**
   * Reads a project, strictly.
   *
   * @param file the {@code .qdpx} archive
   * @return the project
   * @throws InvalidInputException listing every problem, each naming the file and the element
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static QdpxProject read(Path file) {
    return read(file, ReadMode.STRICT).value();
  }

  /**
   * Reads a project.
   *
   * @param file the {@code .qdpx} archive
   * @param mode {@link ReadMode#STRICT} throws on any problem; {@link ReadMode#LENIENT} reads what can be read and
   *     lists the rest
   * @return the project, the problems (lenient mode) and the notes
   * @throws InvalidInputException in strict mode listing every problem; in either mode when the archive holds no
   *     project, its XML is malformed or its code book is invalid
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static ReadResult<QdpxProject> read(Path file, ReadMode mode) {
    checkNotNull(file, "file");
    checkNotNull(mode, "mode");
    String source = file.toString();
    try (BoundedZip zip = BoundedZip.open(file)) {
      String entry = projectEntry(zip.names(), source);
      byte[] qde = zip.read(entry).orElseThrow();
      Document document = QdpxXml.parse(qde, source + "!" + entry);
      Reading reading = new Reading(document.getDocumentElement(), zip, source);
      QdpxProject project = reading.read();
      if (!entry.equalsIgnoreCase(PROJECT_ENTRY)) {
        reading.notes.add(0, new InputProblem(source, 0, null, entry, "the project is read from " + entry + ": the "
            + "archive has no " + PROJECT_ENTRY + " (ATLAS.ti names the file after the project)"));
      }
      if (mode == ReadMode.STRICT && !reading.problems.isEmpty()) {
        if (reading.notRead > 0) {
          reading.problems.add(new InputProblem(source, 0, null, null, reading.notRead + " source"
              + (reading.notRead == 1 ? " holds" : "s hold") + " what insight does not read (pictures, audio, video, "
              + "areas of a PDF): a lenient read (insight code import --lenient) imports the rest of the project and "
              + "lists what is left out"));
        }
        throw new InvalidInputException(reading.problems);
      }
      return new ReadResult<>(project, reading.problems, reading.notes);
    }
  }

  /**
   * The archive entry that holds the project: {@code project.qde}, as the standard names it (in any letter case);
   * else the one {@code .qde} file at the archive's root, since ATLAS.ti names it after the project
   * ({@code Trial.qde}). No {@code .qde}, or several and none named {@code project.qde}, is an error naming them.
   */
  static String projectEntry(List<String> names, String source) {
    List<String> named = names.stream().filter(n -> n.equalsIgnoreCase(PROJECT_ENTRY)).toList();
    if (!named.isEmpty()) {
      return named.get(0);
    }
    List<String> others = names.stream()
        .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".qde") && n.indexOf('/') < 0 && n.indexOf('\\') < 0)
        .toList();
    if (others.size() == 1) {
      return others.get(0);
    }
    throw new InvalidInputException(new InputProblem(source, 0, null, others.isEmpty() ? null
        : String.join(", ", others), others.isEmpty() ? "not a REFI-QDA project: the archive has no " + PROJECT_ENTRY
        + " and no other .qde file at its root" : "not one REFI-QDA project: the archive has no " + PROJECT_ENTRY
        + " and " + others.size() + " .qde files at its root, so which is the project is not known"));
  }

  /** One reading of a project: what has been read so far and the problems met. */
  private static final class Reading {
    final Element root;
    final BoundedZip zip;
    final String source;
    final List<InputProblem> problems = new ArrayList<>();
    final List<InputProblem> notes = new ArrayList<>();
    final Map<String, String> users = new HashMap<>();
    final Map<String, CodeId> byGuid = new HashMap<>();
    final List<QdpxProject.Source> sources = new ArrayList<>();
    final List<QdpxProject.Segment> segments = new ArrayList<>();
    final Map<UnitId, Integer> segmentIndex = new HashMap<>();
    final Map<String, List<UnitId>> bySource = new LinkedHashMap<>();
    final Map<String, UnitId> selections = new HashMap<>();
    final Set<String> allSources = new HashSet<>();
    final Set<String> unread = new HashSet<>();
    final boolean atlas;
    final @Nullable Instant projectTime;
    Map<String, String> variables = Map.of();
    Codeframe frame = Codeframe.builder("project").build();
    Coding.Builder coding = Coding.builder(frame);
    int notRead;
    int merged;
    int repeated;
    int crlf;
    int selectionTimes;
    int projectTimes;
    int noTimes;

    Reading(Element root, BoundedZip zip, String source) {
      this.root = root;
      this.zip = zip;
      this.source = source;
      this.atlas = root.getAttribute("origin").toUpperCase(Locale.ROOT).contains("ATLAS");
      Instant modified = QdpxXml.instant(root.getAttribute("modifiedDateTime"));
      this.projectTime = modified != null ? modified : QdpxXml.instant(root.getAttribute("creationDateTime"));
    }

    QdpxProject read() {
      if (!QdpxXml.NS.equals(root.getNamespaceURI()) || !root.getLocalName().equals("Project")) {
        throw new InvalidInputException(new InputProblem(source, 0, null, root.getLocalName(), "not a REFI-QDA "
            + "project: the root must be Project in the namespace " + QdpxXml.NS));
      }
      for (Element foreign : QdpxXml.foreignChildren(root)) {
        if (SECTIONS.contains(foreign.getLocalName())) {
          problems.add(new InputProblem(source, 0, foreign.getLocalName(), foreign.getNamespaceURI(), "is in "
              + "another namespace than the project's (" + QdpxXml.NS + "), so it is not read"));
        }
      }
      String projectName = root.getAttribute("name");
      for (Element user : child(root, "Users").map(u -> children(u, "User")).orElse(List.of())) {
        users.put(key(user.getAttribute("guid")), user.getAttribute("name"));
      }
      frame = QdpxSections.codeframe(root, projectName, source);
      coding = Coding.builder(frame);
      for (Element code : descendants(root, "Code")) {
        String guid = code.getAttribute("guid").strip();
        CodeId id = insightId(code).orElse(CodeId.of(guid.isEmpty() ? "?" : guid));
        if (frame.contains(id)) {
          byGuid.put(key(code.getAttribute("guid")), id);
        }
      }
      variables = QdpxSections.variables(root);
      for (Element element : child(root, "Sources").map(QdpxXml::children).orElse(List.of())) {
        source(element);
      }
      QdpxSections.Cases cases = QdpxSections.cases(root, bySource, selections, unread, variables, source, problems);
      List<QdpxProject.Note> projectNotes = QdpxSections.notes(root, zip, users, byGuid, source, problems);
      Map<String, List<String>> sourceSets = QdpxSections.sourceSets(root, allSources, source, problems);
      Coding built;
      try {
        built = coding.build();
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(new InputProblem(source, 0, null, null, e.getMessage()));
      }
      addNotes();
      return new QdpxProject(projectName, frame, sources, segments, built, cases.units(), projectNotes, sourceSets,
          cases.variables());
    }

    /** The id the codebook reader gave a code carrying an insight id (a project insight wrote). */
    private static Optional<CodeId> insightId(Element code) {
      for (Element description : children(code, "Description")) {
        for (String line : description.getTextContent().split("\\R")) {
          String stripped = line.strip();
          if (stripped.startsWith("insight-id: ") && stripped.length() > "insight-id: ".length()) {
            return Optional.of(CodeId.of(stripped.substring("insight-id: ".length()).strip()));
          }
        }
      }
      return Optional.empty();
    }

    private void source(Element element) {
      String kind = element.getLocalName();
      String guid = key(element.getAttribute("guid"));
      String label = kind + " " + (element.getAttribute("name").isBlank() ? element.getAttribute("guid")
          : element.getAttribute("name"));
      allSources.add(guid);
      if (kind.equals("TextSource")) {
        text(element, element, label);
      } else if (kind.equals("PDFSource") && child(element, "Representation").isPresent()) {
        boolean read = text(element, child(element, "Representation").get(), label + " / Representation");
        int areas = 0;
        for (Element selection : children(element, "PDFSelection")) {
          areas += children(selection, "Coding").size();
        }
        if (areas > 0) {
          notRead++;
          problems.add(new InputProblem(source, 0, label, null, (read ? "its text is read, but its" : "its")
              + " PDFSelections (areas of the page) and their " + areas + " coding" + (areas == 1 ? "" : "s")
              + " are not imported"));
        }
      } else {
        notRead++;
        unread.add(guid);
        int codings = descendants(element, "Coding").size();
        problems.add(new InputProblem(source, 0, label, null, String.format(Locale.ROOT, TEXT_ONLY, kind, codings,
            codings == 1 ? "" : "s")));
      }
    }

    /**
     * A source's text (in {@code holder}: the source itself, or a PDF's representation) and its selections.
     *
     * @return whether the text was read; when it was not, the problem says how many codings are left out with it
     */
    private boolean text(Element sourceElement, Element holder, String label) {
      String guid = key(sourceElement.getAttribute("guid"));
      int problemsBefore = problems.size();
      Optional<String> read = QdpxSections.text(holder, label, zip, source, problems);
      if (read.isEmpty()) {
        unread.add(guid);
        int codings = 0;
        for (Element selection : children(holder, "PlainTextSelection")) {
          codings += children(selection, "Coding").size();
        }
        codings += children(holder, "Coding").size();
        if (problems.size() == problemsBefore) {
          problems.add(new InputProblem(source, 0, label, null, "its text cannot be read"));
        }
        if (codings > 0) {
          InputProblem missing = problems.remove(problems.size() - 1);
          problems.add(new InputProblem(missing.source(), missing.line(), missing.column(), missing.value(),
              missing.message() + ": its " + codings + " coding" + (codings == 1 ? " is" : "s are")
              + " not imported"));
        }
        return false;
      }
      String text = read.get();
      if (atlas && text.contains("\r\n")) {
        text = text.replace("\r\n", "\n");
        crlf++;
      }
      sources.add(new QdpxProject.Source(guid, sourceElement.getAttribute("name"), text,
          QdpxSections.values(sourceElement, label, variables, source, problems), memo(sourceElement)));
      int[] codePoints = text.codePoints().toArray();
      List<UnitId> units = bySource.computeIfAbsent(guid, g -> new ArrayList<>());
      Map<String, UnitId> spans = new HashMap<>();
      // memos of further selections on a segment's span, joined once at the end (not copied at every selection)
      Map<Integer, StringBuilder> joinedMemos = new LinkedHashMap<>();
      for (Element selection : children(holder, "PlainTextSelection")) {
        String selectionGuid = key(selection.getAttribute("guid"));
        String where = label + " / PlainTextSelection " + selection.getAttribute("guid");
        int start;
        int end;
        try {
          start = Integer.parseInt(selection.getAttribute("startPosition").strip());
          end = Integer.parseInt(selection.getAttribute("endPosition").strip());
        } catch (NumberFormatException e) {
          problems.add(new InputProblem(source, 0, where, selection.getAttribute("startPosition") + ".."
              + selection.getAttribute("endPosition"), "positions must be whole numbers"));
          continue;
        }
        if (start < 0 || end < start || end > codePoints.length) {
          problems.add(new InputProblem(source, 0, where, start + ".." + end, "the selection falls outside its "
              + "source, which has " + codePoints.length + " characters"));
          continue;
        }
        if (selectionGuid.isEmpty() || selections.containsKey(selectionGuid)) {
          problems.add(new InputProblem(source, 0, where, selection.getAttribute("guid"), selectionGuid.isEmpty()
              ? "a selection needs a guid" : "another selection has the same guid"));
          continue;
        }
        UnitId unit = spans.get(start + ":" + end);
        String memo = memo(selection);
        if (unit == null) {
          unit = UnitId.of(selectionGuid);
          spans.put(start + ":" + end, unit);
          segmentIndex.put(unit, segments.size());
          segments.add(new QdpxProject.Segment(unit, guid, start, end, new String(codePoints, start, end - start),
              memo));
          units.add(unit);
          coding.unit(unit);
        } else {
          merged++;
          if (!memo.isEmpty()) {
            StringBuilder joined = joinedMemos.computeIfAbsent(segmentIndex.get(unit),
                index -> new StringBuilder(segments.get(index).memo()));
            joined.append(joined.length() == 0 ? "" : "\n\n").append(memo);
          }
        }
        selections.put(selectionGuid, unit);
        for (Element codingElement : children(selection, "Coding")) {
          code(unit, selection, codingElement, where);
        }
      }
      joinedMemos.forEach((index, joined) -> {
        QdpxProject.Segment first = segments.get(index);
        segments.set(index, new QdpxProject.Segment(first.unit(), first.source(), first.start(), first.end(),
            first.text(), joined.toString()));
      });
      // a Coding of the source itself (the schema allows it beside the selections) codes its whole text
      List<Element> whole = children(holder, "Coding");
      if (!whole.isEmpty()) {
        UnitId unit = spans.get("0:" + codePoints.length);
        if (unit == null) {
          unit = UnitId.of(guid.isEmpty() ? "source" : guid);
          segments.add(new QdpxProject.Segment(unit, guid, 0, codePoints.length, text));
          units.add(unit);
          coding.unit(unit);
        }
        for (Element codingElement : whole) {
          code(unit, holder, codingElement, label + " / Coding");
        }
      }
      return true;
    }

    /** An element's {@code Description} (a source's or a selection's memo), without surrounding blanks. */
    private static String memo(Element element) {
      return child(element, "Description").map(d -> d.getTextContent().strip()).orElse("");
    }

    private void code(UnitId unit, Element selection, Element codingElement, String where) {
      String target = child(codingElement, "CodeRef").map(r -> r.getAttribute("targetGUID")).orElse("");
      CodeId code = byGuid.get(key(target));
      if (code == null) {
        problems.add(new InputProblem(source, 0, where, target, "codes with a code that is not in the code book"));
        return;
      }
      Code found = frame.code(code);
      if (!found.codable()) {
        problems.add(new InputProblem(source, 0, where, target, "codes with " + found.label() + ", which the code "
            + "book does not let be coded (isCodable false)"));
        return;
      }
      String user = coder(codingElement.getAttribute("creatingUser"));
      if (user.isEmpty()) {
        user = coder(selection.getAttribute("creatingUser"));
      }
      Instant at = time(codingElement, selection, where);
      if (coding.lacks(unit, code)) {
        coding.assign(unit, code, new Provenance.Human(user.isBlank() ? NOT_RECORDED : user, at));
      } else {
        repeated++;
      }
    }

    /** A user's name by GUID; a tool that wrote the name itself is read as written. */
    private String coder(String creatingUser) {
      String value = creatingUser.strip();
      return users.getOrDefault(key(value), QdpxProject.GUID.matcher(value).matches() ? "" : value);
    }

    /** When a coding was made: its own time, else its selection's, else the project's. */
    private Instant time(Element codingElement, Element selection, String where) {
      for (Element element : List.of(codingElement, selection)) {
        String value = element.getAttribute("creationDateTime");
        if (!value.isBlank()) {
          Instant at = QdpxXml.instant(value);
          if (at == null) {
            problems.add(new InputProblem(source, 0, where, value, "creationDateTime is not a date and time"));
            return Instant.EPOCH;
          }
          if (element == selection) {
            selectionTimes++;
          }
          return at;
        }
      }
      if (projectTime != null) {
        projectTimes++;
        return projectTime;
      }
      noTimes++;
      return Instant.EPOCH;
    }

    private void addNotes() {
      if (merged > 0) {
        note(merged + " selection" + (merged == 1 ? " covers" : "s cover") + " the same words of a source as another "
            + "(a selection per code, as QualCoder writes them): each span is one segment with all its codes");
      }
      if (repeated > 0) {
        note(repeated + " coding" + (repeated == 1 ? " gives" : "s give") + " a segment a code it already has (a "
            + "second coder, or the same span twice): the first coder and time are kept");
      }
      if (crlf > 0) {
        note("ATLAS.ti counts a Windows line break (CR LF) as one character: the text of " + crlf + " source"
            + (crlf == 1 ? " is" : "s are") + " read with LF line breaks");
      }
      if (selectionTimes > 0) {
        note(selectionTimes + (selectionTimes == 1 ? " coding records no time of its own and carries its "
            + "selection's" : " codings record no time of their own and carry their selection's"));
      }
      if (projectTimes > 0) {
        note(projectTimes + " coding" + (projectTimes == 1 ? "" : "s") + " and their selections record no time and "
            + "carry the project's (" + projectTime + ")");
      }
      if (noTimes > 0) {
        note(noTimes + " coding" + (noTimes == 1 ? "" : "s") + " record no time anywhere in the project and carry "
            + Instant.EPOCH);
      }
    }

    private void note(String message) {
      notes.add(new InputProblem(source, 0, null, null, message));
    }
  }
}
