package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.StagedOutputs;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.framework.FrameworkMatrix;
import dev.insight.core.consideration.ConsiderationLog;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.programme.Activity;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Interview;
import dev.insight.core.programme.Participant;
import dev.insight.core.programme.ParticipantId;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.SourceStudy;
import dev.insight.core.programme.SurveyActivity;
import dev.insight.core.question.Question;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.stats.design.Margin;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.TableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The report of an engagement programme: one self-contained HTML page a board can read, the same report as an A4
 * PDF, the analysis as JSON for other systems and the tables as XLSX.
 *
 * <p>Every number is computed here from the programme and the survey data and shown beside its base; weighted
 * percentages carry confidence intervals that allow for the weighting. Every quote and comment passes the
 * {@link RedactionPolicy} (redaction on unless the caller opts out for internal use), and a quote without consent
 * never appears.
 */
public final class EngagementReport {
  private final Programme programme;
  private final @Nullable Survey survey;
  private final @Nullable SurveyAnalysis analysis;
  private final @Nullable SurveyWeighting weighting;
  private final RedactionPolicy redaction;
  private final @Nullable FrameworkMatrix framework;
  private final @Nullable Coding coding;
  private final @Nullable MachineCoding machine;
  private final ReportTemplates templates;

  /**
   * The survey part of a report: which variables are what.
   *
   * @param data the survey data
   * @param margins the population targets to rake to (empty when the survey is weighted otherwise:
   *     {@link EngagementReport#of(Programme, Survey, RedactionPolicy, SurveyWeighting)})
   * @param priorities the multiple-response question to chart
   * @param codes the multiple-response variable of comment codes (missing for those who did not comment)
   * @param comment the open-text variable of comments
   * @param groupBy a categorical variable to attribute comments by (such as sector), or null
   * @param banner categorical variables across the top of the tables (such as sector and contact), may be empty
   */
  public record Survey(Dataset data, List<Margin> margins, String priorities, String codes, String comment,
      @Nullable String groupBy, List<String> banner) {
    /**
     * Validates that the named variables exist with the right kinds.
     *
     * @param data the survey data
     * @param margins the population targets to rake to (empty when the survey is weighted otherwise)
     * @param priorities the multiple-response question to chart
     * @param codes the multiple-response variable of comment codes
     * @param comment the open-text variable of comments
     * @param groupBy a categorical variable to attribute comments by, or null
     * @param banner categorical variables across the top of the tables, may be empty
     */
    public Survey {
      checkNotNull(data, "data");
      margins = List.copyOf(margins);
      data.multiResponse(priorities);
      data.multiResponse(codes);
      data.text(comment);
      if (groupBy != null) {
        data.categorical(groupBy);
      }
      banner = List.copyOf(banner);
      banner.forEach(data::categorical);
    }
  }

  private EngagementReport(Programme programme, @Nullable Survey survey, @Nullable SurveyWeighting weighting,
      RedactionPolicy redaction, @Nullable SurveyAnalysis analysis, @Nullable FrameworkMatrix framework,
      @Nullable Coding coding, @Nullable MachineCoding machine, ReportTemplates templates) {
    this.programme = checkNotNull(programme, "programme");
    this.survey = survey;
    this.weighting = weighting;
    this.redaction = checkNotNull(redaction, "redaction");
    this.analysis = analysis;
    this.framework = framework;
    this.coding = coding;
    this.machine = machine;
    this.templates = checkNotNull(templates, "templates");
  }

  /**
   * A report of a programme and its survey.
   *
   * @param programme the programme
   * @param survey the survey part, or null for a programme without survey data
   * @param redaction how quotes and comments are redacted ({@link RedactionPolicy#standard()} unless for internal
   *     use only)
   * @return the report, with its analysis computed
   */
  public static EngagementReport of(Programme programme, @Nullable Survey survey, RedactionPolicy redaction) {
    return survey == null ? new EngagementReport(programme, null, null, redaction, null, null, null, null,
        ReportTemplates.shipped()) : of(programme, survey, redaction, SurveyWeighting.raked(survey.data(),
        survey.margins()));
  }

  /**
   * A report of a programme and its survey weighted otherwise than by raking to the survey's margins: calibrated,
   * post-stratified, trimmed, from design weights. Every figure comes from the weighted design, and the methods
   * text says what weighting was done.
   *
   * @param programme the programme
   * @param survey the survey part (its margins are not used)
   * @param redaction how quotes and comments are redacted
   * @param weighting the weighted design, on the survey's data, and what was done
   * @return the report, with its analysis computed
   * @throws IllegalArgumentException when the weighted design is not on the survey's data
   */
  public static EngagementReport of(Programme programme, Survey survey, RedactionPolicy redaction,
      SurveyWeighting weighting) {
    checkNotNull(survey, "survey");
    checkNotNull(weighting, "weighting");
    checkArgument(weighting.result().design().data() == survey.data(), "the weighted design is not on the "
        + "survey's data");
    SurveyAnalysis analysis = SurveyAnalysis.of(weighting.result(), survey.priorities(), survey.codes(),
        survey.banner());
    return new EngagementReport(programme, survey, weighting, redaction, analysis, null, null, null,
        ReportTemplates.shipped());
  }

  /**
   * This report with the focus groups' Framework Method matrix.
   *
   * @param matrix themes by cases, with summaries, coded excerpts and quotes
   * @return a new report
   */
  public EngagementReport withFramework(FrameworkMatrix matrix) {
    return new EngagementReport(programme, survey, weighting, redaction, analysis, checkNotNull(matrix, "matrix"),
        coding, machine, templates);
  }

  /**
   * This report with the coding of the open comments, whose provenance says how they were coded (by a person, by
   * rules, by a learned model) for the methods text. Without it the report says the method was not recorded.
   *
   * @param comments the coding of the survey's comments: its codable codes are the options of the survey's codes
   *     variable (as {@link Coding#addTo} makes it) and its units are respondents of the survey
   * @return a new report
   * @throws IllegalArgumentException when the coding's codes are not the codes variable's options, or the report
   *     has no survey
   */
  public EngagementReport withCoding(Coding comments) {
    checkNotNull(comments, "comments");
    checkArgument(survey != null, "a coding of comments needs a report with a survey");
    List<String> frame = comments.codeframe().codable().stream().map(c -> c.id().value()).toList();
    List<String> options = survey.data().multiResponse(survey.codes()).options().stream()
        .map(dev.insight.core.data.Category::code).toList();
    checkArgument(frame.equals(options), "the coding's codes %s are not the codes of survey variable %s %s", frame,
        survey.codes(), options);
    return new EngagementReport(programme, survey, weighting, redaction, analysis, framework, comments, machine,
        templates);
  }

  /**
   * This report with an appendix on the machine coding of the comments: the share coded by machine, the precision
   * expected at that coverage, agreement with a sample a person checked, and the codes the machine never assigns.
   *
   * @param figures the figures
   * @return a new report
   */
  public EngagementReport withMachineCoding(MachineCoding figures) {
    return new EngagementReport(programme, survey, weighting, redaction, analysis, framework, coding,
        checkNotNull(figures, "figures"), templates);
  }

  /**
   * This report written from other templates, such as an organisation's own wording and branding
   * ({@link ReportTemplates#from}).
   *
   * @param replacement the templates
   * @return a new report
   */
  public EngagementReport withTemplates(ReportTemplates replacement) {
    return new EngagementReport(programme, survey, weighting, redaction, analysis, framework, coding, machine,
        checkNotNull(replacement, "replacement"));
  }

  /**
   * The report as one self-contained HTML page, printable on A4 (see {@link #pdf()}).
   *
   * <p>Sections whose data are absent are left out: no literature review without source studies, no focus-group
   * section without focus groups, no survey sections without a survey.
   *
   * @return the HTML text
   */
  public String html() {
    return templates.render(page(sections(quotes(QUOTES_PER_CODE)), false));
  }

  /**
   * The report as an A4 PDF: a cover with the contents, each section on a new page, wide tables on landscape
   * pages, table headers repeated across pages, page numbers, and the internal-use reason on every page when the
   * report is not redacted. Made in Java from the same page as {@link #html()}.
   *
   * @return the PDF bytes
   */
  public byte[] pdf() {
    return pdf(sections(quotes(QUOTES_PER_CODE)));
  }

  private byte[] pdf(List<ReportModel.Section> sections) {
    return ReportPdf.render(templates.render(page(sections, true)), templates.fonts());
  }

  /** The page around the sections, for the screen or for the PDF. */
  private ReportModel.Page page(List<ReportModel.Section> sections, boolean pdf) {
    return new ReportModel.Page(programme.title(), ProgrammeSections.period(programme.period()),
        redaction.redacts() ? null : redaction.internalUseReason().orElse(""), pdf, templates.fonts().size(),
        sections);
  }

  /**
   * The report's sections, the same for the page and the PDF.
   *
   * @param quotes the comments by code (at least {@link #QUOTES_PER_CODE} per code where there are as many)
   */
  private List<ReportModel.Section> sections(List<QuoteListing.CodeQuotes> quotes) {
    ProgrammeSections sections = new ProgrammeSections(programme, this::publishable);
    Set<ParticipantId> stakeholders = new LinkedHashSet<>();
    programme.activities().stream().filter(a -> a instanceof FocusGroup || a instanceof Interview)
        .forEach(a -> stakeholders.addAll(a.participants()));
    Set<Object> organisations = new LinkedHashSet<>();
    stakeholders.forEach(id -> programme.participant(id).flatMap(Participant::organisationId)
        .ifPresent(organisations::add));
    int responses = survey == null ? 0 : survey.data().rowCount();
    int comments = survey == null ? 0 : responses - survey.data().text(survey.comment()).missingCount();
    List<ReportModel.Section> parts = new ArrayList<>();
    parts.add(sections.atAGlance(stakeholders.size(), organisations.size(), responses, comments));
    if (sections.hasReferenceGroups()) {
      parts.add(sections.audiences());
    }
    if (analysis != null && survey != null) {
      String question = questionText(survey.priorities(), survey.data().multiResponse(survey.priorities()).label());
      int base = analysis.priorities().get(0).base();
      parts.add(new ReportModel.Survey(surveyTitle(), question, base, String.format(Locale.ROOT, "%.0f",
          analysis.priorities().get(0).estimate().effectiveBase()), weightedTo(),
          SurveySections.weightedChart(analysis.priorities()), SurveySections.table(question + " (base: all " + base
              + " respondents)", "Answer", "Respondents", analysis.priorities()),
          survey.banner().isEmpty() ? null : BannerSection.of(block(0), this::variableLabel), bannerLabels()));
      parts.add(themes(quotes));
    }
    if (!programme.activities(FocusGroup.class).isEmpty()) {
      parts.add(sections.focusGroups());
    }
    if (framework != null) {
      parts.add(FrameworkSection.of(framework, redaction, this::caseLabel));
    }
    if (!programme.activities(SourceStudy.class).isEmpty()) {
      parts.add(sections.literatureReview());
    }
    if (!programme.responses().isEmpty()) {
      parts.add(sections.youSaidWeDid());
    }
    parts.add(methods());
    if (machine != null && survey != null) {
      parts.add(machine.appendix());
    }
    if (ConsiderationSection.any(programme)) {
      parts.add(ConsiderationSection.appendix(programme));
    }
    return parts;
  }

  private String surveyTitle() {
    return programme.activities(SurveyActivity.class).stream().findFirst().map(SurveyActivity::title)
        .orElse("the survey");
  }

  /** The wording of the survey question with this id in the programme, else the fallback. */
  private String questionText(String variable, String fallback) {
    return programme.activities(SurveyActivity.class).stream().flatMap(s -> s.questions().stream())
        .filter(q -> q.id().value().equals(variable)).findFirst().map(Question::text).orElse(fallback);
  }

  /** A categorical variable's label, or its name made readable ("age_band": "Age band"). */
  private String variableLabel(String name) {
    String label = survey.data().variable(name).label();
    if (!label.equals(name)) {
      return label;
    }
    String words = name.replace('_', ' ').replace('-', ' ').strip();
    return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private String bannerLabels() {
    return survey == null ? "" : joinAnd(survey.banner().stream().map(this::variableLabel).toList());
  }

  private String weightedTo() {
    return joinAnd(weighting.variables().stream().map(v -> lowerFirst(variableLabel(v))).toList());
  }

  private static String lowerFirst(String label) {
    return ReportModel.lowerFirst(label);
  }

  private static String joinAnd(List<String> parts) {
    return ReportModel.joinAnd(parts);
  }

  /** A group case is headed by its activity's title ("People living with poverty"), a participant by its label. */
  private String caseLabel(dev.insight.codeframe.framework.FrameworkCase c) {
    return programme.activities().stream().filter(a -> a.id().value().equals(c.id())).findFirst()
        .map(a -> a.title().replaceFirst("^Representatives of ", ""))
        .map(t -> Character.toUpperCase(t.charAt(0)) + t.substring(1)).orElse(c.label());
  }

  private BannerTable block(int index) {
    BannerTable table = analysis.banner();
    return new BannerTable(table.columns(), List.of(table.blocks().get(index)), table.notes());
  }

  private Optional<String> publishable(Verbatim quote) {
    if (!quote.publishable()) {
      return Optional.empty();
    }
    return Optional.of(redaction.apply(quote.text()).text());
  }

  private ReportModel.Themes themes(List<QuoteListing.CodeQuotes> quotes) {
    Dataset data = survey.data();
    MultiResponseVariable codes = data.multiResponse(survey.codes());
    int commenters = data.rowCount() - codes.missingCount();
    List<ReportModel.CodeQuotes> listed = new ArrayList<>();
    for (QuoteListing.CodeQuotes listing : quotes) {
      if (!listing.quotes().isEmpty()) {
        listed.add(new ReportModel.CodeQuotes(listing.label(), listing.total(), listing.quotes().stream()
            .limit(QUOTES_PER_CODE).map(q -> new ReportModel.Quote(q.text(), q.attribution())).toList()));
      }
    }
    return new ReportModel.Themes(questionText(survey.comment(), "the open question"), codingMethod(), commenters,
        SurveySections.unweightedChart(analysis.themes()), SurveySections.table("Codes in the open comments (base: "
            + commenters + " who commented)", "Code", "Comments", analysis.themes()),
        survey.banner().isEmpty() ? null : BannerSection.of(block(1), this::variableLabel), bannerLabels(),
        QUOTES_PER_CODE, redaction.redacts(), survey.groupBy() == null ? "survey"
            : lowerFirst(variableLabel(survey.groupBy())), listed);
  }

  /** How many comments the report quotes for each code. */
  static final int QUOTES_PER_CODE = 3;

  /**
   * The comments for each code, redacted and attributed: those carrying that code alone first, then those needing
   * no redaction, then the rest, in file order within each.
   *
   * @param perCode the most comments to list for each code; {@code Integer.MAX_VALUE} for all
   * @return one listing per code, in codeframe order; empty without a survey
   */
  public List<QuoteListing.CodeQuotes> quotes(int perCode) {
    if (survey == null) {
      return List.of();
    }
    String attribution = surveyTitle() + " respondent";
    return QuoteListing.of(survey.data(), survey.codes(), survey.comment(), survey.groupBy(), attribution,
        redaction, perCode);
  }

  private CodingMethod codingMethod() {
    MultiResponseVariable codes = survey.data().multiResponse(survey.codes());
    return CodingMethod.of(coding, survey.data().rowCount() - codes.missingCount(), codes.options().size());
  }

  private ReportModel.Methods methods() {
    List<Activity> heard = programme.activities().stream()
        .filter(a -> a instanceof FocusGroup || a instanceof Interview).toList();
    List<String> modes = programme.activities(FocusGroup.class).stream().map(FocusGroup::mode).distinct().toList();
    return new ReportModel.Methods(analysis == null ? null : SurveySections.weighting(weighting, weightedTo()),
        survey == null ? "" : bannerLabels(), SurveyAnalysis.SUPPRESS_BELOW,
        survey == null ? null : codingMethod(), machine != null, heard.size(), modes, framework != null,
        redaction.redacts() ? null : redaction.internalUseReason().orElse(""));
  }

  /**
   * The analysis as JSON for other systems, in the shape of the shipped JSON Schema
   * ({@value JsonOutputs#SCHEMA_RESOURCE}): the programme's counts, the weighting report, every estimate with its
   * base, interval and design effect, and the banner tables as {@code insight table} writes them. Absent values
   * are {@code null}; keys come in a fixed order.
   *
   * @return indented JSON
   */
  public String json() {
    AnalysisJson json = new AnalysisJson();
    json.programme(programme);
    if (analysis != null && survey != null && weighting != null) {
      MultiResponseVariable codes = survey.data().multiResponse(survey.codes());
      json.survey(survey.data().rowCount(), weighting.steps(), survey.priorities(),
          questionText(survey.priorities(), survey.data().multiResponse(survey.priorities()).label()),
          analysis.priorities(), survey.comment(), questionText(survey.comment(), survey.comment()),
          survey.data().rowCount() - codes.missingCount(), codingMethod(), analysis.themes(), analysis.banner());
    }
    json.machineCoding(machine);
    json.redaction(redaction);
    return json.toString();
  }

  /**
   * Writes {@code report.html}, {@code report.pdf}, {@code analysis.json} and (with a survey) {@code tables.xlsx}
   * into a folder, all or none: everything is made in memory first, each file is staged beside its target and they
   * are moved into place together once all are written, so a failure leaves neither a new file nor a folder this
   * call created.
   *
   * @param folder the output folder, created if needed
   * @param progress receives one line per step
   * @return the files written
   * @throws UncheckedIOException when a file cannot be written
   */
  public List<Path> writeTo(Path folder, Consumer<String> progress) {
    // the sections and the comments by code (redacted) are made once, for the page, the PDF and the XLSX
    List<QuoteListing.CodeQuotes> allQuotes = quotes(Integer.MAX_VALUE);
    List<ReportModel.Section> sections = sections(allQuotes);
    String html = templates.render(page(sections, false));
    byte[] pdf = pdf(sections);
    String json = json();
    byte[] xlsx = null;
    if (analysis != null) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      List<List<String>> rows = new ArrayList<>();
      for (QuoteListing.CodeQuotes code : allQuotes) {
        for (QuoteListing.Quote quote : code.quotes()) {
          rows.add(List.of(code.label(), quote.respondent(), quote.attribution(), quote.text()));
        }
      }
      TableWriter.xlsx(analysis.banner(), List.of(new TableWriter.TextSheet("Quotes", "Comments by code"
          + (redaction.redacts() ? ", redacted" : ", NOT redacted: internal use only ("
              + redaction.internalUseReason().orElse("") + ")"), List.of("Code", "Respondent", "Attribution",
          "Comment"), rows)), bytes);
      xlsx = bytes.toByteArray();
    }
    List<Path> written = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    try (StagedOutputs outputs = StagedOutputs.begin()) {
      outputs.directory(folder);
      written.add(stage(outputs, folder.resolve("report.html"), html.getBytes(StandardCharsets.UTF_8)));
      steps.add("wrote the report: " + written.get(written.size() - 1));
      written.add(stage(outputs, folder.resolve("report.pdf"), pdf));
      steps.add("wrote the report as PDF (A4): " + written.get(written.size() - 1));
      written.add(stage(outputs, folder.resolve("analysis.json"), json.getBytes(StandardCharsets.UTF_8)));
      steps.add("wrote the analysis as JSON: " + written.get(written.size() - 1));
      if (ConsiderationSection.any(programme)) {
        written.add(stage(outputs, folder.resolve("consideration-log.json"), ConsiderationLog.empty()
            .record(programme).json().getBytes(StandardCharsets.UTF_8)));
        steps.add("wrote the consideration log: " + written.get(written.size() - 1));
      }
      if (xlsx != null) {
        written.add(stage(outputs, folder.resolve("tables.xlsx"), xlsx));
        steps.add("wrote the tables as XLSX: " + written.get(written.size() - 1));
      }
      outputs.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + folder, e);
    }
    steps.forEach(progress);
    return written;
  }

  private static Path stage(StagedOutputs outputs, Path file, byte[] content) throws IOException {
    outputs.stage(file, out -> {
      out.write(content);
      return null;
    });
    return file;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "EngagementReport[%s, survey=%s, redaction=%s]", programme.id(),
        survey != null, redaction);
  }
}
