package dev.insight.core.transcript;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads transcripts into speaker turns. Immutable: configure with {@link #of(ReadMode)},
 * {@link #withSpeakers(SpeakerList)} or {@link #requireSpeakers(SpeakerList)}, then read any number of files.
 *
 * <pre>{@code
 * SpeakerList speakers = SpeakerListReader.read(Path.of("speakers.csv"));
 * Transcript group1 = TranscriptReader.of(ReadMode.STRICT).requireSpeakers(speakers)
 *     .read(Path.of("group1.vtt")).value();
 * }</pre>
 *
 * <p>Every reader merges consecutive cues of one speaker into one turn and collapses runs of white space. WebVTT
 * cues are ordered by start time first, since Teams writes overlapping speech as interleaved cues. Problems name the
 * file and line: a WebVTT file without the {@code WEBVTT} header (fatal in either mode), a malformed timing line
 * (the cue is reported and left out), a cue that ends before it starts (kept, its end set to its start), a cue
 * that starts more than 30 seconds before an earlier cue (beyond cross-talk: kept and ordered by start), times that
 * run backwards in a text transcript (kept in file order), a block without a timing line, and, when speakers are
 * required, a name not on the list (kept unmapped). In {@link ReadMode#STRICT} the first problem throws.
 */
public final class TranscriptReader {
  private final ReadMode mode;
  private final SpeakerList speakers;
  private final boolean required;

  private TranscriptReader(ReadMode mode, SpeakerList speakers, boolean required) {
    this.mode = checkNotNull(mode, "mode");
    this.speakers = checkNotNull(speakers, "speakers");
    this.required = required;
  }

  /**
   * A reader without a speaker list.
   *
   * @param mode strict (throw on the first problem) or lenient (report every problem, keep what can be kept)
   * @return the reader
   */
  public static TranscriptReader of(ReadMode mode) {
    return new TranscriptReader(mode, SpeakerList.empty(), false);
  }

  /**
   * This reader, mapping names on the list to participants and leaving other names unmapped.
   *
   * @param list the speaker list
   * @return a new reader
   */
  public TranscriptReader withSpeakers(SpeakerList list) {
    return new TranscriptReader(mode, list, false);
  }

  /**
   * This reader, requiring every name heard to be on the list: a name that is not is a problem.
   *
   * @param list the speaker list
   * @return a new reader
   */
  public TranscriptReader requireSpeakers(SpeakerList list) {
    return new TranscriptReader(mode, list, true);
  }

  /**
   * Reads a file in the format its name suggests ({@link TranscriptFormat#forFile(Path)}).
   *
   * @param file a {@code .vtt}, {@code .docx} or text file
   * @return the transcript and the problems met (none in strict mode)
   * @throws InvalidInputException in strict mode on the first problem; in either mode when a WebVTT file has no
   *     header
   * @throws UncheckedIOException when the file cannot be read
   */
  public ReadResult<Transcript> read(Path file) {
    return read(file, TranscriptFormat.forFile(file));
  }

  /**
   * Reads a file in a given format. A {@code .docx} file read as {@link TranscriptFormat#TEAMS_TEXT} is unpacked
   * first; its line numbers are those of its text, one line per paragraph.
   *
   * @param file the file (UTF-8 text, or a Word document)
   * @param format its format
   * @return the transcript and the problems met
   * @throws InvalidInputException as {@link #read(Path)}
   * @throws UncheckedIOException when the file cannot be read
   */
  public ReadResult<Transcript> read(Path file, TranscriptFormat format) {
    checkNotNull(file, "file");
    checkNotNull(format, "format");
    Path name = file.getFileName();
    boolean docx = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".docx");
    if (docx) {
      return read(new StringReader(DocxText.read(file)), file.toString(), format);
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString(), format);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read transcript " + file, e);
    }
  }

  /**
   * Reads transcript text.
   *
   * @param reader the text; not closed
   * @param source the file name used in messages and kept as the transcript's source
   * @param format its format
   * @return the transcript and the problems met
   * @throws InvalidInputException as {@link #read(Path)}
   * @throws UncheckedIOException when the text cannot be read
   */
  public ReadResult<Transcript> read(Reader reader, String source, TranscriptFormat format) {
    checkNotNull(reader, "reader");
    checkNotNull(format, "format");
    ProblemCollector problems = ProblemCollector.of(source, mode);
    BufferedReader in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
    List<String> preamble = new ArrayList<>();
    List<Cue> cues;
    try {
      cues = format == TranscriptFormat.WEBVTT ? new WebVttParser(in, problems).cues()
          : new TextTurnParser(problems, format).cues(in, preamble);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read transcript " + source, e);
    }
    List<Turn> turns = new TurnAssembler(problems, speakers, required).assemble(cues,
        format == TranscriptFormat.WEBVTT);
    return problems.result(new Transcript(source, format, preamble, turns));
  }
}
