package dev.insight.examples.casestudy;

import static com.google.common.base.Preconditions.checkArgument;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.agreement.Agreement;
import dev.insight.codeframe.agreement.AgreementReport;
import dev.insight.codeframe.agreement.ReferenceReport;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.framework.CasesBy;
import dev.insight.codeframe.framework.Cell;
import dev.insight.codeframe.framework.Excerpt;
import dev.insight.codeframe.framework.FrameworkCase;
import dev.insight.codeframe.framework.FrameworkMatrix;
import dev.insight.codeframe.interchange.CodeframeJson;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.transcript.SegmentBy;
import dev.insight.codeframe.transcript.TranscriptCoding;
import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.input.ReadMode;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.transcript.SpeakerList;
import dev.insight.core.transcript.SpeakerListReader;
import dev.insight.core.transcript.Transcript;
import dev.insight.core.transcript.TranscriptFormat;
import dev.insight.core.transcript.TranscriptReader;
import dev.insight.core.transcript.Turn;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The case study's qualitative evidence analysed end to end: the four focus-group transcripts coded with the themes
 * codeframe's rules and charted in a Framework Method matrix, and the 180 staff comments coded by rule and compared
 * with the research team's manual coding.
 *
 * <p>Everything is read from the bundled files ({@code fg-*.vtt}, {@code speakers.csv}, {@code
 * focus-group-themes.json}, {@code comment-codeframe.json}, {@code staff-comments.csv}) and coded at the fixed time
 * {@link #CODED_AT}, so that the same files give the same analysis.
 *
 * <pre>{@code
 * CaseStudyQualitative.FocusGroups groups = CaseStudyQualitative.focusGroups();
 * FrameworkMatrix matrix = groups.byGroup();          // 4 cases x 11 themes, summaries seeded, consented quotes
 * MatrixExporter.redacting(groups.namesToRedact()).write(matrix, Path.of("matrix.html"));
 * CaseStudyQualitative.Comments comments = CaseStudyQualitative.comments();
 * comments.agreement().kappa();                        // rule coding against the manual coding
 * }</pre>
 */
public final class CaseStudyQualitative {
  /** The focus groups, in the order of the programme; each transcript is {@code <id>.vtt}. */
  public static final List<String> GROUPS = List.of("fg-poverty", "fg-inclusion", "fg-ethnicity", "fg-families");
  /** The speaker list's file name. */
  public static final String SPEAKERS = "speakers.csv";
  /** The themes codeframe's file name. */
  public static final String THEMES = "focus-group-themes.json";
  /** The comment codeframe's file name. */
  public static final String COMMENT_CODEFRAME = "comment-codeframe.json";
  /** The staff comments with their manual codes: id, comment, one 0/1 column per code (named by code id). */
  public static final String COMMENTS = "staff-comments.csv";
  /** When the analysis is recorded as coded: the day after the last focus group's summary notes were due. */
  public static final Instant CODED_AT = Instant.parse("2022-09-17T09:00:00Z");
  /** Who the manual coding of the comments is attributed to. */
  public static final String MANUAL_CODER = "research team";

  /** The themes of CaseStudy's published group findings, as ids of the themes codeframe. */
  private static final Map<String, String> FINDING_THEMES = Map.of(
      "cost of living", "cost_of_living",
      "joined-up services", "joined_up",
      "language and culture", "language_culture",
      "early help", "early_help",
      "waiting times", "access");

  private static final int EXAMPLE_LENGTH = 160;

  private CaseStudyQualitative() {}

  /**
   * The focus groups analysed.
   *
   * @param transcripts the coded transcripts, one per group in {@link #GROUPS} order: rule codes on the
   *     participants' sentences, and each published quote as a segment coded by the research team with its theme
   * @param byGroup the Framework matrix with one case per group: summaries seeded from the coded segments (with the
   *     group's published finding where it belongs), consented quotes only
   * @param byParticipant the same with one case per participant
   * @param quotes the published quotes found in the transcripts with their consent, consented or not
   * @param namesToRedact the names on the speaker list (the speakers', and a colleague's named in a group but not
   *     present, noted when the facilitators validated the transcripts): give them to the redactor
   */
  public record FocusGroups(List<TranscriptCoding> transcripts, FrameworkMatrix byGroup,
      FrameworkMatrix byParticipant, List<Verbatim> quotes, Set<String> namesToRedact) {

    /**
     * Validates and copies the lists.
     *
     * @param transcripts the coded transcripts, one per group in {@link #GROUPS} order: rule codes on the participants' sentences, and each published quote as a segment coded by the research team with its theme
     * @param byGroup the Framework matrix with one case per group: summaries seeded from the coded segments (with the group's published finding where it belongs), consented quotes only
     * @param byParticipant the same with one case per participant
     * @param quotes the published quotes found in the transcripts with their consent, consented or not
     * @param namesToRedact the names on the speaker list (the speakers', and a colleague's named in a group but not
   *     present, noted when the facilitators validated the transcripts): give them to the redactor
     */
    public FocusGroups {
      checkArgument(transcripts.size() == GROUPS.size(), "expected %s transcripts, got %s", GROUPS.size(),
          transcripts.size());
      transcripts = List.copyOf(transcripts);
      quotes = List.copyOf(quotes);
      namesToRedact = Set.copyOf(namesToRedact);
    }

    /**
     * The quotes that may be published: consent given.
     *
     * @return the consented quotes
     */
    public List<Verbatim> consentedQuotes() {
      return quotes.stream().filter(q -> q.consent() == Consent.GIVEN).toList();
    }
  }

  /**
   * The staff comments coded by rule and compared with the manual coding.
   *
   * @param text the 180 comments by respondent id (unredacted)
   * @param manual the research team's coding, read from {@link #COMMENTS}
   * @param rules the coding by the comment codeframe's rules
   * @param agreement percent agreement, Cohen's kappa and Krippendorff's alpha per code and pooled
   * @param scores precision, recall and F1 of the rules per code, the manual coding as reference
   */
  public record Comments(Map<UnitId, String> text, Coding manual, Coding rules,
      AgreementReport agreement, ReferenceReport scores) {

    /**
     * Copies the map.
     *
     * @param text the comments by respondent id
     * @param manual the manual coding
     * @param rules the rule coding
     * @param agreement the agreement of the two
     * @param scores the rules scored against the manual coding
     */
    public Comments {
      text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
    }
  }

  /**
   * The speaker list of the four groups: real-sounding fake names mapped to the programme's participants, the two
   * facilitators (staff), and one name said in a group by someone who was not there (participant {@code X01}), listed
   * so that redaction finds it: a redactor knows only the names it is given.
   *
   * @return the list
   */
  public static SpeakerList speakers() {
    return SpeakerListReader.read(new StringReader(CaseStudyFiles.text(SPEAKERS)), SPEAKERS, ReadMode.STRICT)
        .value();
  }

  /**
   * The themes codeframe of the focus groups, with a rule per theme.
   *
   * @return the codeframe
   */
  public static Codeframe themes() {
    return CodeframeJson.read(new StringReader(CaseStudyFiles.text(THEMES)), THEMES);
  }

  /**
   * The staff comments' codeframe: the 8 codes of the survey's {@code codes} variable, with a rule each.
   *
   * @return the codeframe
   */
  public static Codeframe commentCodeframe() {
    return CodeframeJson.read(new StringReader(CaseStudyFiles.text(COMMENT_CODEFRAME)), COMMENT_CODEFRAME);
  }

  /**
   * A group's transcript, read strictly with every speaker required on the speaker list.
   *
   * @param group one of {@link #GROUPS}
   * @param speakers the speaker list
   * @return the transcript
   * @throws IllegalArgumentException when the group is unknown
   */
  public static Transcript transcript(String group, SpeakerList speakers) {
    checkArgument(GROUPS.contains(group), "no focus group %s; the groups are %s", group, GROUPS);
    String file = group + ".vtt";
    return TranscriptReader.of(ReadMode.STRICT).requireSpeakers(speakers)
        .read(new StringReader(CaseStudyFiles.text(file)), file, TranscriptFormat.WEBVTT).value();
  }

  /**
   * Reads, codes and charts the four focus groups.
   *
   * @return the analysis
   * @throws IllegalStateException when a published quote is not in its transcript, said by its participant
   */
  public static FocusGroups focusGroups() {
    SpeakerList speakers = speakers();
    Codeframe themes = themes();
    RuleCoder rules = RuleCoder.of(themes);
    List<TranscriptCoding> codings = new ArrayList<>();
    Map<Verbatim, String> quoteThemes = new LinkedHashMap<>();
    for (String group : GROUPS) {
      Transcript transcript = transcript(group, speakers);
      TranscriptCoding.Builder builder = TranscriptCoding.builder(transcript, ActivityId.of(group), themes)
          .applyRules(rules, SegmentBy.SENTENCE, CODED_AT);
      Map<UnitId, CaseStudy.GroupEvidence> quoted = new LinkedHashMap<>();
      for (CaseStudy.GroupEvidence evidence : CaseStudy.GroupEvidence.ALL) {
        if (!evidence.activity().equals(group)) {
          continue;
        }
        UnitId segment = quoteSegment(builder, transcript, evidence);
        CodeId theme = CodeId.of(themeOf(evidence));
        if (builder.lacks(segment, theme)) {
          int[] range = range(segment);
          builder.code(range[0], range[1], range[2], theme, MANUAL_CODER, CODED_AT);
        }
        quoted.put(segment, evidence);
      }
      TranscriptCoding coding = builder.build();
      codings.add(coding);
      quoted.forEach((segment, evidence) -> quoteThemes.put(coding.quote(segment, QuoteId.of(evidence.quoteId()),
          evidence.attribution(), evidence.consent()), themeOf(evidence)));
    }
    FrameworkMatrix byGroup = seed(FrameworkMatrix.of(codings, CasesBy.GROUP), true);
    FrameworkMatrix byParticipant = seed(FrameworkMatrix.of(codings, CasesBy.PARTICIPANT), false);
    for (Map.Entry<Verbatim, String> entry : quoteThemes.entrySet()) {
      Verbatim quote = entry.getKey();
      if (quote.consent() != Consent.GIVEN) {
        continue; // kept in quotes() for the analysis; a report may show it only as an excerpt
      }
      CodeId theme = CodeId.of(entry.getValue());
      byGroup = byGroup.withQuote(quote.source().activity().value(), theme, quote);
      byParticipant = byParticipant.withQuote(quote.source().participant().value(), theme, quote);
    }
    return new FocusGroups(codings, byGroup, byParticipant, List.copyOf(quoteThemes.keySet()),
        new LinkedHashSet<>(speakers.names()));
  }

  private static String themeOf(CaseStudy.GroupEvidence evidence) {
    String theme = FINDING_THEMES.get(evidence.theme());
    if (theme == null) {
      throw new IllegalStateException("finding " + evidence.findingId() + " has theme '" + evidence.theme()
          + "', which has no theme in " + THEMES);
    }
    return theme;
  }

  /** The segment holding a published quote: in a turn of its participant, starting at its recorded time. */
  private static UnitId quoteSegment(TranscriptCoding.Builder builder, Transcript transcript,
      CaseStudy.GroupEvidence evidence) {
    for (Turn turn : transcript.turns()) {
      boolean speaker = turn.mappedSpeaker().map(s -> s.participant().id().value().equals(evidence.speaker()))
          .orElse(false);
      int at = turn.text().indexOf(evidence.quote());
      if (speaker && at >= 0) {
        return builder.segment(turn.index(), at, at + evidence.quote().length());
      }
    }
    throw new IllegalStateException("quote " + evidence.quoteId() + " of " + evidence.speaker() + " is not in "
        + transcript.source());
  }

  /** Turn, start and end of a segment id {@code <activity>:<turn>:<start>-<end>}. */
  private static int[] range(UnitId segment) {
    String[] parts = segment.value().split(":");
    String[] span = parts[parts.length - 1].split("-");
    return new int[] {Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(span[0]),
        Integer.parseInt(span[1])};
  }

  /**
   * Seeds each non-empty cell's summary from its coded segments: who raised the theme, how often and when, an
   * example, and for groups the published finding whose theme it is. An analyst rewrites these; they are a start,
   * not a conclusion.
   */
  private static FrameworkMatrix seed(FrameworkMatrix matrix, boolean groups) {
    FrameworkMatrix seeded = matrix;
    for (FrameworkCase row : matrix.cases()) {
      for (Code theme : matrix.themes()) {
        Cell cell = matrix.cell(row.id(), theme.id());
        if (cell.excerpts().isEmpty()) {
          continue;
        }
        seeded = seeded.withSummary(row.id(), theme.id(), summary(row, theme.id(), cell.excerpts(), groups));
      }
    }
    return seeded;
  }

  private static String summary(FrameworkCase row, CodeId theme, List<Excerpt> excerpts, boolean groups) {
    Set<String> speakers = new TreeSet<>();
    Set<UnitId> segments = new LinkedHashSet<>();
    Excerpt example = excerpts.get(0);
    for (Excerpt excerpt : excerpts) {
      speakers.add(excerpt.speaker());
      segments.add(excerpt.segment());
      if (score(excerpt) > score(example)) {
        example = excerpt;
      }
    }
    StringBuilder text = new StringBuilder();
    if (groups) {
      for (CaseStudy.GroupEvidence evidence : CaseStudy.GroupEvidence.ALL) {
        if (evidence.activity().equals(row.id()) && themeOf(evidence).equals(theme.value())) {
          text.append("Finding: ").append(evidence.finding()).append(' ');
        }
      }
      text.append(String.format(Locale.ROOT, "Raised by %s (%d segment%s, from %s). ", String.join(", ", speakers),
          segments.size(), segments.size() == 1 ? "" : "s", excerpts.get(0).time()));
    } else {
      text.append(String.format(Locale.ROOT, "%d segment%s, from %s. ", segments.size(),
          segments.size() == 1 ? "" : "s", excerpts.get(0).time()));
    }
    String words = example.text();
    if (words.length() > EXAMPLE_LENGTH) {
      int cut = words.lastIndexOf(' ', EXAMPLE_LENGTH);
      words = words.substring(0, cut > 0 ? cut : EXAMPLE_LENGTH) + " …";
    }
    return text.append("For example (").append(example.speaker()).append(", ").append(example.time()).append("): ")
        .append('“').append(words).append('”').toString();
  }

  /** Prefers a segment of about a sentence's length as the example: long enough to say something, short to read. */
  private static int score(Excerpt excerpt) {
    int length = excerpt.text().length();
    return length > EXAMPLE_LENGTH ? EXAMPLE_LENGTH - (length - EXAMPLE_LENGTH) : length;
  }

  /**
   * Codes the 180 staff comments with the comment codeframe's rules and compares them with the manual coding.
   *
   * @return the codings and their agreement
   */
  public static Comments comments() {
    Codeframe frame = commentCodeframe();
    String csv = CaseStudyFiles.text(COMMENTS);
    Coding manual = CodedFileReader.columns(frame).idColumn("id").coder(MANUAL_CODER).at(CODED_AT)
        .mode(ReadMode.STRICT).read(new StringReader(csv), COMMENTS).coding();
    Map<UnitId, String> text = new LinkedHashMap<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(csv))) {
      Iterator<CsvRecord> rows = reader.iterator();
      rows.next();
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        text.put(UnitId.of(row.getField(0)), row.getField(1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Coding rules = RuleCoder.of(frame).code(text, CODED_AT);
    return new Comments(text, manual, rules, Agreement.between(manual, rules),
        Agreement.againstReference(manual, rules));
  }

  /**
   * The bundled {@link #COMMENTS} file, made from the survey: the commenters' id and comment and their codes, one
   * 0/1 column per code named by the code's id (the survey's {@code code_} prefix dropped), for {@code insight code
   * agree}.
   *
   * @param surveyCsv the survey as written by {@link StaffSurvey#csv()}
   * @return CSV text, LF line ends
   */
  static String commentsCsv(String surveyCsv) {
    StringWriter out = new StringWriter();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(surveyCsv));
        CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
      Iterator<CsvRecord> rows = reader.iterator();
      List<String> header = rows.next().getFields();
      int id = header.indexOf("id");
      int commented = header.indexOf("commented");
      int comment = header.indexOf("comment");
      List<String> outHeader = new ArrayList<>(List.of("id", "comment"));
      List<Integer> codeColumns = new ArrayList<>();
      for (StaffSurvey.CodeOption code : StaffSurvey.CODES) {
        codeColumns.add(header.indexOf(code.column()));
        outHeader.add(code.column().substring("code_".length()));
      }
      writer.writeRecord(outHeader);
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        if (!row.getField(commented).equals("1")) {
          continue;
        }
        List<String> fields = new ArrayList<>(List.of(row.getField(id), row.getField(comment)));
        codeColumns.forEach(c -> fields.add(row.getField(c)));
        writer.writeRecord(fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
