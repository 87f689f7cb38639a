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
  private final RedactionPolicy redaction;
  private final @Nullable FrameworkMatrix framework;
  private final @Nullable Coding coding;
  private final @Nullable MachineCoding machine;

  /**
   * The survey part of a report: which variables are what.
   *
   * @param data the survey data
   * @param margins the population targets to rake to
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
     * @param margins the population targets to rake to
     * @param priorities the multiple-response question to chart
     * @param codes the multiple-response variable of comment codes
     * @param comment the open-text variable of comments
     * @param groupBy a categorical variable to attribute comments by, or null
     * @param banner categorical variables across the top of the tables, may be empty
     */
    public Survey {
      checkNotNull(data, "data");
      margins = List.copyOf(margins);
      checkArgument(!margins.isEmpty(), "a survey report needs at least one weighting margin");
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

  private EngagementReport(Programme programme, @Nullable Survey survey, RedactionPolicy redaction,
      @Nullable SurveyAnalysis analysis, @Nullable FrameworkMatrix framework, @Nullable Coding coding,
      @Nullable MachineCoding machine) {
    this.programme = checkNotNull(programme, "programme");
    this.survey = survey;
    this.redaction = checkNotNull(redaction, "redaction");
    this.analysis = analysis;
    this.framework = framework;
    this.coding = coding;
    this.machine = machine;
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
    SurveyAnalysis analysis = survey == null ? null : SurveyAnalysis.of(survey.data(), survey.margins(),
        survey.priorities(), survey.codes(), survey.banner());
    return new EngagementReport(programme, survey, redaction, analysis, null, null, null);
  }

  /**
   * This report with the focus groups' Framework Method matrix.
   *
   * @param matrix themes by cases, with summaries, coded excerpts and quotes
   * @return a new report
   */
  public EngagementReport withFramework(FrameworkMatrix matrix) {
    return new EngagementReport(programme, survey, redaction, analysis, checkNotNull(matrix, "matrix"), coding,
        machine);
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
    return new EngagementReport(programme, survey, redaction, analysis, framework, comments, machine);
  }

  /**
   * This report with an appendix on the machine coding of the comments: the share coded by machine, the precision
   * expected at that coverage, agreement with a sample a person checked, and the codes the machine never assigns.
   *
   * @param figures the figures
   * @return a new report
   */
  public EngagementReport withMachineCoding(MachineCoding figures) {
    return new EngagementReport(programme, survey, redaction, analysis, framework, coding,
        checkNotNull(figures, "figures"));
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
    return document().render();
  }

  /**
   * The report as an A4 PDF: a cover with the contents, each section on a new page, wide tables on landscape
   * pages, table headers repeated across pages, page numbers, and the internal-use reason on every page when the
   * report is not redacted. Made in Java from the same page as {@link #html()}.
   *
   * @return the PDF bytes
   */
  public byte[] pdf() {
    return ReportPdf.render(document().render(ReportDocument.Medium.PDF));
  }

  private ReportDocument document() {
    ProgrammeSections sections = new ProgrammeSections(programme, this::publishable);
    Set<ParticipantId> stakeholders = new LinkedHashSet<>();
    programme.activities().stream().filter(a -> a instanceof FocusGroup || a instanceof Interview)
        .forEach(a -> stakeholders.addAll(a.participants()));
    Set<Object> organisations = new LinkedHashSet<>();
    stakeholders.forEach(id -> programme.participant(id).flatMap(Participant::organisationId)
        .ifPresent(organisations::add));
    int responses = survey == null ? 0 : survey.data().rowCount();
    int comments = survey == null ? 0 : responses - survey.data().text(survey.comment()).missingCount();

    List<String> subtitle = new ArrayList<>();
    subtitle.add(ProgrammeSections.period(programme.period()));
    ReportDocument document = new ReportDocument(programme.title(), subtitle,
        redaction.redacts() ? null : "INTERNAL USE ONLY: quotes and comments are not redacted ("
            + redaction.internalUseReason().orElse("") + ")");
    document.section("glance", "The programme at a glance",
        sections.atAGlance(stakeholders.size(), organisations.size(), responses, comments));
    if (sections.hasReferenceGroups()) {
      document.section("heard", "Who was heard", sections.audiences());
    }
    if (analysis != null && survey != null) {
      Html results = SurveySections.choices(analysis, questionText(survey.priorities(),
          survey.data().multiResponse(survey.priorities()).label()), weightedTo());
      if (!survey.banner().isEmpty()) {
        String by = bannerLabels();
        results.append(BannerSection.render("By " + by, block(0), questionText(survey.priorities(),
            survey.data().multiResponse(survey.priorities()).label()) + ", by " + by
            + " (column percentages, weighted)", this::variableLabel));
      }
      document.section("survey", "Survey results: " + surveyTitle(), results);
      document.section("themes", "What respondents said: the open comments", themes());
    }
    if (!programme.activities(FocusGroup.class).isEmpty()) {
      document.section("focus-groups", "Focus groups: findings and recommendations", sections.focusGroups());
    }
    if (framework != null) {
      document.section("framework", "The framework matrix",
          FrameworkSection.render(framework, redaction, this::caseLabel));
    }
    if (!programme.activities(SourceStudy.class).isEmpty()) {
      document.section("literature", "The literature review", sections.literatureReview());
    }
    if (!programme.responses().isEmpty()) {
      document.section("you-said", "You said, we did", sections.youSaidWeDid());
    }
    document.section("methods", "Methods", methods());
    if (machine != null && survey != null) {
      document.section("machine-coding", "Appendix: machine coding", machine.appendix());
    }
    if (ConsiderationSection.any(programme)) {
      document.section("consideration-log", "Appendix: consideration log", ConsiderationSection.appendix(programme));
    }
    return document;
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
    String label = survey.data().categorical(name).label();
    if (!label.equals(name)) {
      return label;
    }
    String words = name.replace('_', ' ').replace('-', ' ').strip();
    return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private String bannerLabels() {
    return joinAnd(survey.banner().stream().map(this::variableLabel).toList());
  }

  private String weightedTo() {
    return joinAnd(survey.margins().stream().map(Margin::variable).distinct()
        .map(v -> lowerFirst(variableLabel(v))).toList());
  }

  /** "Ward": "ward", but "NHS region" stays. */
  private static String lowerFirst(String label) {
    return label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))
        ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
  }

  private static String joinAnd(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
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

  private Html themes() {
    Html html = new Html();
    Dataset data = survey.data();
    MultiResponseVariable codes = data.multiResponse(survey.codes());
    int commenters = data.rowCount() - codes.missingCount();
    String question = questionText(survey.comment(), "the open question");
    html.open("p", "class", "lead").open("q").text(question).close("q").text(" "
        + codingMethod().describe() + " A comment can carry several codes, so the "
        + "percentages add up to more than 100. Percentages are of those who commented, unweighted and weighted.")
        .close("p");
    List<BarChart.Bar> bars = new ArrayList<>();
    for (SurveyAnalysis.Row row : analysis.themes()) {
      bars.add(BarChart.Bar.of(row.label(), row.unweightedShare(), "(" + row.count() + " of " + row.base() + ")"));
    }
    html.append(BarChart.html("Codes in the open comments: percent of the " + commenters + " who commented",
        "Code", "Unweighted %", bars));
    List<String> header = new ArrayList<>(List.of("Code"));
    header.addAll(SurveySections.ESTIMATE_HEADER);
    header.set(1, "Comments");
    html.table("Codes in the open comments (base: " + commenters + " who commented)", header,
        SurveySections.rows(analysis.themes()), true);
    if (!survey.banner().isEmpty()) {
      String by = bannerLabels();
      html.append(BannerSection.render("Codes by " + by, block(1), "Codes in the open comments, by " + by
          + " (column percentages of those who commented, weighted)", this::variableLabel));
    }
    html.element("h3", "Quotes by code");
    html.element("p", "Up to " + QUOTES_PER_CODE + " comments for each code, quoted as written"
        + (redaction.redacts() ? " after redaction of personal data" : "") + " and attributed by "
        + (survey.groupBy() == null ? "survey" : lowerFirst(variableLabel(survey.groupBy()))) + "; comments "
        + "carrying that code alone come first.", "class", "note");
    for (QuoteListing.CodeQuotes listing : quotes(QUOTES_PER_CODE)) {
      if (listing.quotes().isEmpty()) {
        continue;
      }
      html.element("h4", listing.label() + " (" + listing.total() + (listing.total() == 1 ? " comment)"
          : " comments)"));
      for (QuoteListing.Quote quote : listing.quotes()) {
        html.open("blockquote").element("p", "\u201c" + quote.text() + "\u201d").element("footer", "\u2014 "
            + quote.attribution()).close("blockquote");
      }
    }
    return html;
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

  private Html methods() {
    Html html = new Html();
    if (analysis != null) {
      html.element("h3", "Weighting");
      html.append(SurveySections.weighting(analysis.weighting().report(), weightedTo()));
      html.element("h3", "Estimates and uncertainty");
      html.element("p", "Weighted percentages are design-based estimates. Standard errors are by Taylor "
          + "linearisation and allow for the raking (the calibration-aware standard error of R's survey "
          + "package, which this library reproduces to 1e-6). Confidence intervals are 95% logit intervals "
          + "(R svyciprop's default). The design effect compares each estimate's variance with that of a simple "
          + "random sample of the same size; the effective base is Kish's (sum of weights squared over the sum of "
          + "squared weights).");
      if (!survey.banner().isEmpty()) {
        html.element("h3", "Significance tests and small numbers");
        html.element("p", "In the tables by " + lowerFirst(bannerLabels()) + ", each column is compared with "
            + "every other column of the same variable by the column proportions test on Kish effective bases, "
            + "with the correction for columns that overlap; letters mark differences at the 5% (upper case) and "
            + "10% (lower case) levels. Columns with an effective base below 30 are not tested and those below 50 "
            + "are flagged small. Each question is also tested against each banner variable as a whole by the "
            + "Rao-Scott second-order corrected F test (R's svychisq). No correction for multiple comparisons is "
            + "applied: with many cells, some differences marked at 5% will be chance. Counts below "
            + SurveyAnalysis.SUPPRESS_BELOW + " respondents are hidden (*), with further cells hidden where a "
            + "hidden count could be worked out from the totals.");
      } else {
        html.element("h3", "Small numbers");
        html.element("p", "In the tables that accompany this report, counts below " + SurveyAnalysis.SUPPRESS_BELOW
            + " respondents are hidden (*).");
      }
      MultiResponseVariable codes = survey.data().multiResponse(survey.codes());
      html.element("h3", "Coding the open comments");
      html.element("p", codingMethod().describe()
          + (machine == null ? "" : " How far the machine's coding can be trusted is set out in the appendix on "
              + "machine coding."));
    }
    List<Activity> heard = programme.activities().stream()
        .filter(a -> a instanceof FocusGroup || a instanceof Interview).toList();
    if (!heard.isEmpty()) {
      html.element("h3", "Qualitative analysis");
      List<String> modes = programme.activities(FocusGroup.class).stream().map(FocusGroup::mode).distinct().toList();
      html.element("p", heard.size() + (heard.size() == 1 ? " group or interview" : " groups and interviews")
          + (modes.isEmpty() ? "" : " (" + String.join("; ", modes) + ")") + "."
          + (framework == null ? "" : " Transcripts were coded with a themes codeframe and charted with the "
              + "Framework Method.")
          + " Quotes appear only where the speaker consented, attributed by role, never by name.");
    }
    html.element("h3", "Personal data");
    html.element("p", redaction.redacts()
        ? "Every quote and comment in this report was redacted before publication: e-mail addresses, UK phone "
            + "numbers, postcodes and valid NHS numbers are replaced by a marker of their kind."
        : "This copy is for internal use only and is NOT redacted: " + redaction.internalUseReason().orElse(""));
    return html;
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
    if (analysis != null && survey != null) {
      MultiResponseVariable codes = survey.data().multiResponse(survey.codes());
      json.survey(survey.data().rowCount(), analysis.weighting().report(), survey.priorities(),
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
    ReportDocument document = document();
    String html = document.render();
    byte[] pdf = ReportPdf.render(document.render(ReportDocument.Medium.PDF));
    String json = json();
    byte[] xlsx = null;
    if (analysis != null) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      List<List<String>> rows = new ArrayList<>();
      for (QuoteListing.CodeQuotes code : quotes(Integer.MAX_VALUE)) {
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
