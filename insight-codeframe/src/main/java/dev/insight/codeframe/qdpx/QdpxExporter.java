package dev.insight.codeframe.qdpx;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.CodeSet;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.interchange.RefiQdaCodebook;
import dev.insight.codeframe.transcript.Segment;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.internal.AtomicFiles;
import dev.insight.core.internal.Pseudonyms;
import dev.insight.core.redact.RedactedText;
import dev.insight.core.redact.RedactionAudit;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.core.redact.Redactor;
import dev.insight.core.transcript.Speaker;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.Turn;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes coded transcripts as a REFI-QDA project: a zip holding {@code project.qde} (namespace
 * {@code urn:QDA-XML:project:1.0}) and one plain-text source per transcript in {@code sources/}.
 *
 * <p>The project has the codeframe as its code book (nets and codes nested, nets not codable), each transcript as
 * a {@code TextSource} whose text is one line per turn ({@code [hh:mm:ss] P01: words}), each coded segment as a
 * {@code PlainTextSelection} with its {@code Coding}s ({@code CodeRef} to the code, the coder as creating user, the
 * coding time), and {@code Cases}: one per participant (referring to the selections of their speech) and one per
 * transcript (referring to the source). Speakers appear by pseudonym. Positions count Unicode code points, as the
 * standard's reference implementations do. GUIDs are derived from the content (name-based UUIDs), so exporting the
 * same coding twice gives the same project.
 *
 * <p>As with every export, the text is redacted unless made with {@link #internalUseOnly(String)}; selections are
 * moved with the redactions so that they still cover the coded words.
 */
public final class QdpxExporter {
  private static final String NS = "urn:QDA-XML:project:1.0";

  private final @Nullable RedactionPolicy policy;
  private final Set<String> names;
  private final List<QdpxProject.Note> notes;

  private QdpxExporter(@Nullable RedactionPolicy policy, Collection<String> names, List<QdpxProject.Note> notes) {
    this.policy = policy;
    this.names = new LinkedHashSet<>(names);
    this.notes = List.copyOf(notes);
  }

  /**
   * This exporter, also writing these notes: each in the project's {@code Notes} (its text redacted as the
   * sources are), with a {@code NoteRef} from every code it is a memo of; a note of no code is a note of the
   * project. Notes keep their GUIDs, so a project read with {@link QdpxImporter} writes back with the same notes.
   *
   * @param notes the notes ({@link QdpxProject.Note#of} makes new ones)
   * @return a new exporter
   */
  public QdpxExporter withNotes(List<QdpxProject.Note> notes) {
    return new QdpxExporter(policy, names, notes);
  }

  /**
   * An exporter that redacts e-mail addresses, telephone numbers, postcodes, NHS numbers and the speakers' names.
   *
   * @return the default exporter
   */
  public static QdpxExporter redacting() {
    return new QdpxExporter(null, List.of(), List.of());
  }

  /**
   * An exporter that also redacts other names (the whole speaker list, staff, people mentioned).
   *
   * @param names the names, in addition to the speakers heard
   * @return the exporter
   */
  public static QdpxExporter redacting(Collection<String> names) {
    return new QdpxExporter(null, names, List.of());
  }

  /**
   * An exporter with a policy of the caller's own.
   *
   * @param policy the policy
   * @return the exporter
   */
  public static QdpxExporter with(RedactionPolicy policy) {
    return new QdpxExporter(checkNotNull(policy, "policy"), List.of(), List.of());
  }

  /**
   * An exporter that does not redact, for the research team's own analysis. The project's description says so.
   *
   * @param reason why the text is needed unredacted
   * @return the exporter
   */
  public static QdpxExporter internalUseOnly(String reason) {
    return new QdpxExporter(RedactionPolicy.internalUseOnly(reason), List.of(), List.of());
  }

  /**
   * Writes a {@code .qdpx} file atomically.
   *
   * @param project the project's name
   * @param codings the coded transcripts, all with one codeframe; at least one
   * @param file the output file
   * @return what was redacted
   * @throws IllegalArgumentException when there are no codings or they use different codeframes
   * @throws UncheckedIOException when the file cannot be written
   */
  public RedactionAudit write(String project, List<TranscriptCoding> codings, Path file) {
    try {
      return AtomicFiles.write(file, out -> write(project, codings, out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Writes a project to a stream.
   *
   * @param project the project's name
   * @param codings the coded transcripts, all with one codeframe; at least one
   * @param out where to write the zip; not closed
   * @return what was redacted
   * @throws IllegalArgumentException when there are no codings or they use different codeframes
   * @throws UncheckedIOException when the stream cannot be written
   */
  public RedactionAudit write(String project, List<TranscriptCoding> codings, OutputStream out) {
    checkArgument(project != null && !project.isBlank(), "project name cannot be blank");
    checkArgument(!codings.isEmpty(), "a project needs at least one coded transcript");
    Codeframe codeframe = codings.get(0).coding().codeframe();
    for (TranscriptCoding coding : codings) {
      checkArgument(coding.coding().codeframe().equals(codeframe), "%s is coded with codeframe %s, not %s",
          coding.transcript().source(), coding.coding().codeframe(), codeframe);
    }
    RedactionAudit.Recorder recorder = new RedactionAudit.Recorder(policyFor(codings));
    List<SourceText> sources = new ArrayList<>();
    Labels labels = new Labels(recorder.policy().redacts());
    Set<Speaker> checked = new HashSet<>();
    for (TranscriptCoding coding : codings) {
      for (Turn turn : coding.transcript().turns()) {
        if (turn.speaker() != null && checked.add(turn.speaker())) {
          labels.check(turn, recorder.policy());
        }
      }
    }
    for (TranscriptCoding coding : codings) {
      sources.add(render(coding, labels, recorder));
    }
    List<QdpxProject.Note> written = new ArrayList<>();
    for (QdpxProject.Note note : notes) {
      for (CodeId code : note.codes()) {
        checkArgument(codeframe.contains(code), "note %s is a memo of %s, which is not a code of codeframe %s",
            note.guid(), code, codeframe.name());
      }
      String where = "note " + (note.name().isBlank() ? note.guid() : note.name());
      written.add(new QdpxProject.Note(note.guid(), recorder.applyWithOffsets(where + ", name", note.name()).text(),
          recorder.applyWithOffsets(where, note.text()).text(), note.author(), note.at(), note.codes(),
          List.of()));
    }
    try {
      ZipOutputStream zip = new ZipOutputStream(new NonClosing(out), StandardCharsets.UTF_8);
      zip.putNextEntry(entry("project.qde"));
      writeProject(project, codeframe, codings, sources, labels, written, recorder.audit(), zip);
      zip.closeEntry();
      for (SourceText source : sources) {
        zip.putNextEntry(entry("sources/" + source.guid + ".txt"));
        zip.write(source.text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.finish();
      zip.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the REFI-QDA project", e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write project.qde: " + e.getMessage(), e);
    }
    return recorder.audit();
  }

  private RedactionPolicy policyFor(List<TranscriptCoding> codings) {
    if (policy != null) {
      return policy;
    }
    Set<String> all = new LinkedHashSet<>(names);
    for (TranscriptCoding coding : codings) {
      for (Turn turn : coding.transcript().turns()) {
        if (!turn.speakerName().equals(Turn.UNKNOWN_SPEAKER)) {
          all.add(turn.speakerName());
        }
        if (turn.speaker() != null) {
          all.add(turn.speaker().name());
        }
      }
    }
    return RedactionPolicy.redact(Redactor.of(all));
  }

  private static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    // a fixed time: the same coding gives the same bytes
    entry.setTime(0L);
    return entry;
  }

  /** How speakers are shown: pseudonyms; unknown speakers numbered when redacting. */
  private static final class Labels {
    private final boolean redacting;
    private final Map<String, String> unknown = new LinkedHashMap<>();

    Labels(boolean redacting) {
      this.redacting = redacting;
    }

    String of(Turn turn) {
      if (turn.speaker() != null) {
        return turn.speaker().participant().pseudonym();
      }
      return unmapped(turn);
    }

    /** Refuses a pseudonym or id that the policy would redact: it would be published as a label. */
    void check(Turn turn, RedactionPolicy policy) {
      Speaker speaker = turn.speaker();
      if (speaker != null) {
        String owner = "participant " + speaker.participant().id().value();
        Pseudonyms.check(policy, owner, "pseudonym", speaker.participant().pseudonym());
        Pseudonyms.check(policy, owner, "id", speaker.participant().id().value());
      }
    }

    private String unmapped(Turn turn) {
      if (!redacting) {
        return turn.speakerName();
      }
      return unknown.computeIfAbsent(turn.speakerName(), n -> "unidentified speaker " + (unknown.size() + 1));
    }

    /** The case key of a turn's speaker. */
    String caseKey(Turn turn) {
      Speaker speaker = turn.speaker();
      return speaker == null ? "speaker:" + of(turn) : speaker.participant().id().value();
    }
  }

  /** A transcript rendered as the source's plain text, with where each turn's words start. */
  private record SourceText(String guid, String name, String text, int[] turnStarts, List<RedactedText> turns) {}

  private static SourceText render(TranscriptCoding coding, Labels labels, RedactionAudit.Recorder recorder) {
    Transcript transcript = coding.transcript();
    StringBuilder text = new StringBuilder();
    int[] starts = new int[transcript.turns().size()];
    List<RedactedText> redacted = new ArrayList<>();
    for (Turn turn : transcript.turns()) {
      if (turn.timed()) {
        text.append('[').append(turn.startLabel()).append("] ");
      }
      text.append(labels.of(turn)).append(": ");
      starts[turn.index()] = text.length();
      RedactedText words = recorder.applyWithOffsets(coding.activity() + ", turn " + (turn.index() + 1),
          turn.text());
      redacted.add(words);
      text.append(words.text()).append('\n');
    }
    String name = fileName(transcript.source());
    return new SourceText(guid("source", coding.activity().value(), name), name, text.toString(), starts, redacted);
  }

  private static void writeProject(String project, Codeframe codeframe, List<TranscriptCoding> codings,
      List<SourceText> sources, Labels labels, List<QdpxProject.Note> notes, RedactionAudit audit, OutputStream out)
      throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("Project");
    xml.writeDefaultNamespace(NS);
    xml.writeAttribute("name", project);
    xml.writeAttribute("origin", "insight");
    // users: every coder, rule and model that made an assignment
    Map<String, String> users = new LinkedHashMap<>();
    for (TranscriptCoding coding : codings) {
      for (Assignment assignment : coding.coding().assignments()) {
        String user = userName(assignment.provenance());
        users.putIfAbsent(user, guid("user", user));
      }
    }
    for (QdpxProject.Note note : notes) {
      if (!note.author().isBlank()) {
        users.putIfAbsent(note.author(), guid("user", note.author()));
      }
    }
    if (!users.isEmpty()) {
      xml.writeStartElement("Users");
      for (Map.Entry<String, String> user : users.entrySet()) {
        xml.writeEmptyElement("User");
        xml.writeAttribute("guid", user.getValue());
        xml.writeAttribute("name", user.getKey());
      }
      xml.writeEndElement();
    }
    Map<CodeId, List<String>> memos = new LinkedHashMap<>();
    for (QdpxProject.Note note : notes) {
      note.codes().forEach(code -> memos.computeIfAbsent(code, c -> new ArrayList<>()).add(note.guid()));
    }
    writeCodeBook(codeframe, memos, xml);
    // selections first, so cases can refer to them
    Map<String, List<String>> selectionsByCase = new LinkedHashMap<>();
    Map<String, String> caseNames = new LinkedHashMap<>();
    List<List<Selection>> selections = new ArrayList<>();
    for (int s = 0; s < codings.size(); s++) {
      TranscriptCoding coding = codings.get(s);
      SourceText source = sources.get(s);
      List<Selection> list = new ArrayList<>();
      for (Segment segment : coding.segments()) {
        List<Assignment> assignments = coding.coding().assignments(segment.id());
        if (assignments.isEmpty()) {
          continue;
        }
        Turn turn = coding.transcript().turn(segment.turn());
        RedactedText words = source.turns.get(segment.turn());
        int base = source.turnStarts[segment.turn()];
        int start = base + words.startInRedacted(segment.start());
        int end = base + words.endInRedacted(segment.end());
        Selection selection = new Selection(guid("selection", coding.activity().value(), segment.id().value()),
            segment.id().value(), source.text.codePointCount(0, start), source.text.codePointCount(0, end),
            assignments);
        list.add(selection);
        String key = labels.caseKey(turn);
        caseNames.putIfAbsent(key, labels.of(turn));
        selectionsByCase.computeIfAbsent(key, k -> new ArrayList<>()).add(selection.guid);
      }
      selections.add(list);
    }
    xml.writeStartElement("Cases");
    for (Map.Entry<String, List<String>> c : selectionsByCase.entrySet()) {
      xml.writeStartElement("Case");
      xml.writeAttribute("guid", guid("case", c.getKey()));
      xml.writeAttribute("name", caseNames.get(c.getKey()));
      for (String selection : c.getValue()) {
        xml.writeEmptyElement("SelectionRef");
        xml.writeAttribute("targetGUID", selection);
      }
      xml.writeEndElement();
    }
    for (int s = 0; s < codings.size(); s++) {
      xml.writeStartElement("Case");
      xml.writeAttribute("guid", guid("case", "group", codings.get(s).activity().value()));
      xml.writeAttribute("name", codings.get(s).activity().value());
      xml.writeEmptyElement("SourceRef");
      xml.writeAttribute("targetGUID", sources.get(s).guid);
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeStartElement("Sources");
    for (int s = 0; s < codings.size(); s++) {
      SourceText source = sources.get(s);
      xml.writeStartElement("TextSource");
      xml.writeAttribute("guid", source.guid);
      xml.writeAttribute("name", source.name);
      xml.writeAttribute("plainTextPath", "internal://" + source.guid + ".txt");
      for (Selection selection : selections.get(s)) {
        xml.writeStartElement("PlainTextSelection");
        xml.writeAttribute("guid", selection.guid);
        xml.writeAttribute("name", selection.name);
        xml.writeAttribute("startPosition", Integer.toString(selection.start));
        xml.writeAttribute("endPosition", Integer.toString(selection.end));
        Instant first = selection.assignments.get(0).provenance().at();
        xml.writeAttribute("creatingUser", users.get(userName(selection.assignments.get(0).provenance())));
        xml.writeAttribute("creationDateTime", first.toString());
        for (Assignment assignment : selection.assignments) {
          xml.writeStartElement("Coding");
          xml.writeAttribute("guid", guid("coding", selection.guid, assignment.code().value()));
          xml.writeAttribute("creatingUser", users.get(userName(assignment.provenance())));
          xml.writeAttribute("creationDateTime", assignment.provenance().at().toString());
          xml.writeEmptyElement("CodeRef");
          xml.writeAttribute("targetGUID", RefiQdaCodebook.codeGuid(codeframe, assignment.code()));
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
    writeNotes(notes, users, xml);
    writeSets(codeframe, xml);
    xml.writeStartElement("Description");
    xml.writeCharacters(audit.redacted()
        ? "Exported by insight. Personal data redacted (" + audit.entries().size() + " redactions)."
        : "Exported by insight. INTERNAL USE ONLY, not redacted: " + audit.internalUseReason());
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
    xml.close();
  }

  private record Selection(String guid, String name, int start, int end, List<Assignment> assignments) {}

  private static void writeCodeBook(Codeframe codeframe, Map<CodeId, List<String>> memos, XMLStreamWriter xml)
      throws XMLStreamException {
    xml.writeStartElement("CodeBook");
    xml.writeStartElement("Codes");
    // the codebook as the .qdc export writes it: same GUIDs, descriptions, inclusion notes and rules; then memos
    RefiQdaCodebook.writeCodes(codeframe, xml, code -> memos.getOrDefault(code, List.of()));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  /** The notes, as the Project schema has them (after Sources): text inline, author by user GUID. */
  private static void writeNotes(List<QdpxProject.Note> notes, Map<String, String> users, XMLStreamWriter xml)
      throws XMLStreamException {
    if (notes.isEmpty()) {
      return;
    }
    xml.writeStartElement("Notes");
    for (QdpxProject.Note note : notes) {
      xml.writeStartElement("Note");
      xml.writeAttribute("guid", note.guid());
      if (!note.name().isEmpty()) {
        xml.writeAttribute("name", note.name());
      }
      if (!note.author().isBlank()) {
        xml.writeAttribute("creatingUser", users.get(note.author()));
      }
      if (note.at() != null) {
        xml.writeAttribute("creationDateTime", note.at().toString());
      }
      xml.writeStartElement("PlainTextContent");
      xml.writeCharacters(note.text());
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** The frame's code sets, as the Project schema has them (after Sources, Notes and Links). */
  private static void writeSets(Codeframe codeframe, XMLStreamWriter xml) throws XMLStreamException {
    if (codeframe.sets().isEmpty()) {
      return;
    }
    xml.writeStartElement("Sets");
    for (CodeSet set : codeframe.sets()) {
      xml.writeStartElement("Set");
      xml.writeAttribute("guid", RefiQdaCodebook.setGuid(codeframe, set));
      xml.writeAttribute("name", set.name());
      if (!set.description().isEmpty()) {
        xml.writeStartElement("Description");
        xml.writeCharacters(set.description());
        xml.writeEndElement();
      }
      for (CodeId member : set.members()) {
        xml.writeEmptyElement("MemberCode");
        xml.writeAttribute("targetGUID", RefiQdaCodebook.codeGuid(codeframe, member));
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static String userName(Provenance provenance) {
    if (provenance instanceof Provenance.Rule) {
      return "insight rule coder";
    }
    return provenance.source();
  }

  /** A name-based (version 3) UUID: the same parts give the same GUID in every export. */
  static String guid(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String fileName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash < 0 || slash == source.length() - 1 ? source : source.substring(slash + 1);
  }

  /** Lets the zip be finished without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
