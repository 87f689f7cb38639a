package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.insight.core.internal.StagedOutputs;
import dev.insight.codeframe.framework.FrameworkMatrix;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.TextVariable;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Interview;
import dev.insight.core.programme.Participant;
import dev.insight.core.programme.ParticipantId;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.SurveyActivity;
import dev.insight.core.redact.RedactedText;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.TableFormat;
import dev.insight.stats.table.TableWriter;
import dev.insight.stats.design.Margin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The report of an engagement programme: one self-contained HTML page a board can read, and the same analysis as
 * JSON for other systems.
 *
 * <p>Every number is computed here from the programme and the survey data and shown beside its base; weighted
 * percentages carry confidence intervals that allow for the weighting. Every quote and comment passes the
 * {@link RedactionPolicy} (redaction on unless the caller opts out for internal use), and a quote without consent
 * never appears.
 */
public final class EngagementReport {
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Programme programme;
  private final @Nullable Survey survey;
  private final @Nullable SurveyAnalysis analysis;
  private final RedactionPolicy redaction;
  private final @Nullable FrameworkMatrix framework;

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
      @Nullable SurveyAnalysis analysis, @Nullable FrameworkMatrix framework) {
    this.programme = checkNotNull(programme, "programme");
    this.survey = survey;
    this.redaction = checkNotNull(redaction, "redaction");
    this.analysis = analysis;
    this.framework = framework;
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
    return new EngagementReport(programme, survey, redaction, analysis, null);
  }

  /**
   * This report with the focus groups' Framework Method matrix.
   *
   * @param matrix themes by cases, with summaries, coded excerpts and quotes
   * @return a new report
   */
  public EngagementReport withFramework(FrameworkMatrix matrix) {
    return new EngagementReport(programme, survey, redaction, analysis, checkNotNull(matrix, "matrix"));
  }

  /**
   * The report as one self-contained HTML page.
   *
   * @return the HTML text
   */
  public String html() {
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
    if (!redaction.redacts()) {
      subtitle.add("INTERNAL USE ONLY: quotes and comments are not redacted ("
          + redaction.internalUseReason().orElse("") + ")");
    }
    ReportDocument document = new ReportDocument(programme.title(), subtitle);
    document.section("glance", "The programme at a glance",
        sections.atAGlance(stakeholders.size(), organisations.size(), responses, comments));
    document.section("heard", "Who was heard", sections.audiences());
    if (analysis != null && survey != null) {
      String surveyTitle = programme.activities(SurveyActivity.class).stream().findFirst()
          .map(SurveyActivity::title).orElse("survey");
      Html results = SurveySections.priorities(analysis, surveyTitle);
      if (!survey.banner().isEmpty()) {
        results.element("h3", "By staff group");
        results.raw(BannerSection.render(block(0), "Priorities chosen for comment by "
            + String.join(" and ", survey.banner()) + " (column percentages, weighted)").toString());
      }
      document.section("survey", "Survey results: " + surveyTitle, results);
      document.section("themes", "What staff said: themes in the open comments", themes());
    }
    document.section("focus-groups", "Focus groups: findings and recommendations", sections.focusGroups());
    if (framework != null) {
      document.section("framework", "Focus groups: the framework matrix",
          FrameworkSection.render(framework, redaction, this::caseLabel));
    }
    document.section("literature", "The literature review", sections.literatureReview());
    document.section("you-said", "You said, we did", sections.youSaidWeDid());
    document.section("methods", "Methods", methods());
    return document.render();
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
    html.element("p", "Every one of the " + commenters + " comments was read and coded with a codeframe; a comment "
        + "can carry several codes, so the percentages add up to more than 100. Percentages are of those who "
        + "commented, unweighted (as published) and weighted to the workforce profile.", "class", "lead");
    List<BarChart.Bar> bars = new ArrayList<>();
    for (SurveyAnalysis.Row row : analysis.themes()) {
      bars.add(BarChart.Bar.of(row.label(), row.unweightedShare(), "(" + row.count() + " of " + row.base() + ")"));
      // unweighted here, as published; the weighted figures with intervals are in the table below
    }
    html.raw(BarChart.svg("Themes in the open comments, percent of commenters", "Bar chart of the unweighted "
        + "percentage of commenters whose comment carries each code.", bars));
    html.table("Themes in the open comments (base: " + commenters + " who commented)", List.of("Theme",
        "Comments", "Unweighted %", "Weighted %", "95% interval", "Standard error", "Design effect"),
        SurveySections.rows(analysis.themes()), true);
    if (!survey.banner().isEmpty()) {
      html.element("h3", "Themes by staff group");
      html.raw(BannerSection.render(block(1), "Themes by " + String.join(" and ", survey.banner())
          + " (column percentages of those who commented, weighted)").toString());
    }
    TextVariable comments = data.text(survey.comment());
    for (int c = 0; c < codes.options().size(); c++) {
      // examples: comments with this code alone, preferring those that needed no redaction
      List<Example> examples = new ArrayList<>();
      List<Example> redactedOnes = new ArrayList<>();
      for (int row = 0; row < data.rowCount() && examples.size() < 2; row++) {
        if (codes.isSelected(row, c) && codes.mentions(row) == 1) {
          Optional<String> text = comments.textAt(row);
          if (text.isPresent()) {
            String group = survey.groupBy() == null ? "" : data.categorical(survey.groupBy()).categoryAt(row)
                .map(cat -> ", " + cat.label()).orElse("");
            RedactedText redacted = redaction.apply(text.get());
            Example example = new Example(redacted.text(), "staff survey respondent" + group);
            (redacted.redactions().isEmpty() ? examples : redactedOnes).add(example);
          }
        }
      }
      for (int i = 0; examples.size() < 2 && i < redactedOnes.size(); i++) {
        examples.add(redactedOnes.get(i));
      }
      if (!examples.isEmpty()) {
        html.element("h3", codes.options().get(c).label());
        for (Example example : examples) {
          html.open("blockquote").element("p", "\u201c" + example.text() + "\u201d").element("footer", "\u2014 "
              + example.attribution()).close("blockquote");
        }
      }
    }
    return html;
  }

  /** An example comment, redacted, with how it is attributed. */
  private record Example(String text, String attribution) {}

  private Html methods() {
    Html html = new Html();
    if (analysis != null) {
      List<String> margins = survey.margins().stream().map(Margin::variable).toList();
      html.element("h3", "Weighting");
      html.raw(SurveySections.weighting(analysis.weighting().report(), margins).toString());
      html.element("h3", "Estimates and uncertainty");
      html.element("p", "Weighted percentages are design-based estimates. Standard errors are by Taylor "
          + "linearisation and allow for the raking (the calibration-aware standard error of R's survey "
          + "package, which this library reproduces to 1e-6). Confidence intervals are 95% logit intervals "
          + "(R svyciprop's default). The design effect compares each estimate's variance with that of a simple "
          + "random sample of the same size; the effective base is Kish's (sum of weights squared over the sum of "
          + "squared weights).");
      html.element("h3", "Significance tests and small numbers");
      html.element("p", "In the tables by staff group, each column is compared with every other column of the same "
          + "variable by the column proportions test on Kish effective bases, with the correction for columns "
          + "that overlap; letters mark differences at the 5% (upper case) and 10% (lower case) levels. Columns "
          + "with an effective base below 30 are not tested and those below 50 are flagged small. Each question "
          + "is also tested against each banner variable as a whole by the Rao-Scott second-order corrected F "
          + "test (R's svychisq). Counts below " + SurveyAnalysis.SUPPRESS_BELOW + " respondents are hidden (*), "
          + "with further cells hidden where a hidden count could be worked out from the totals.");
    }
    html.element("h3", "Qualitative analysis");
    html.element("p", "Focus groups were recorded and transcribed, validated by their facilitators and analysed "
        + "with the Framework Method and thematic analysis. Quotes appear only where the speaker consented, "
        + "attributed by role, never by name.");
    html.element("h3", "Personal data");
    html.element("p", redaction.redacts()
        ? "Every quote and comment in this report was redacted before publication: e-mail addresses, UK phone "
            + "numbers, postcodes and valid NHS numbers are replaced by a marker of their kind."
        : "This copy is for internal use only and is NOT redacted: " + redaction.internalUseReason().orElse(""));
    return html;
  }

  /**
   * The analysis as a JSON tree for other systems: the programme's counts, the weighting report and every
   * estimate with its base, interval and design effect.
   *
   * @return indented JSON
   */
  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("programme", Map.of("id", programme.id().value(), "title", programme.title(),
        "period", programme.period(), "activities", programme.activityCounts(),
        "referenceGroupsNotReached", programme.notReached().stream().map(a -> a.name()).toList()));
    if (analysis != null) {
      root.put("weighting", analysis.weighting().report());
      root.put("priorities", analysis.priorities());
      root.put("themes", analysis.themes());
      root.put("tables", analysis.banner());
    }
    root.put("redacted", redaction.redacts());
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the analysis as JSON", e);
    }
  }

  /**
   * Writes {@code report.html}, {@code analysis.json} and (with a survey) {@code tables.xlsx} into a folder, all or
   * none: each is staged beside its target and they are moved into place together once all are written, so a
   * failure leaves neither a new file nor a folder this call created.
   *
   * @param folder the output folder, created if needed
   * @param progress receives one line per step
   * @return the files written
   * @throws UncheckedIOException when a file cannot be written
   */
  public List<Path> writeTo(Path folder, Consumer<String> progress) {
    List<Path> written = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    try (StagedOutputs outputs = StagedOutputs.begin()) {
      outputs.directory(folder);
      written.add(stage(outputs, folder.resolve("report.html"), html().getBytes(StandardCharsets.UTF_8)));
      steps.add("wrote the report: " + written.get(written.size() - 1));
      written.add(stage(outputs, folder.resolve("analysis.json"), json().getBytes(StandardCharsets.UTF_8)));
      steps.add("wrote the analysis as JSON: " + written.get(written.size() - 1));
      if (analysis != null) {
        Path xlsx = folder.resolve("tables.xlsx");
        outputs.stage(xlsx, out -> {
          TableWriter.write(analysis.banner(), TableFormat.XLSX, out);
          return null;
        });
        written.add(xlsx);
        steps.add("wrote the tables as XLSX: " + xlsx);
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
