package dev.insight.examples.report;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the report's templates see: a {@link Page} with its {@link Section}s, each a record of the facts its template
 * writes about (counts, labels, formatted figures, tables). The words are the templates'; the Java only decides
 * which sections have data and works out the figures. Documented for template authors in docs/report-templates.md.
 */
final class ReportModel {
  private ReportModel() {}

  /**
   * The whole report.
   *
   * @param title the programme's title
   * @param period the programme's dates, written out ("1 June 2022 to 30 September 2022")
   * @param internalUse the reason the report is not redacted, or null when it is
   * @param pdf whether the page is for the PDF renderer (else a browser)
   * @param extraFonts how many extra fonts the PDF has for characters its own lacks
   * @param sections the sections with data, in order
   */
  record Page(String title, String period, @Nullable String internalUse, boolean pdf, int extraFonts,
      List<Section> sections) {}

  /** A section of the report; its template is {@code id() + ".html"}. */
  sealed interface Section permits Glance, Heard, Survey, Themes, FocusGroups, Framework, Literature, YouSaid,
      Methods, MachineCodingAppendix, ConsiderationAppendix {
    String id();
  }

  /** A table's header and body cells, formatted; the first cell of each row is its label. */
  record Table(String caption, List<String> header, List<List<String>> rows) {}

  /** A bar of a chart: geometry in percent of the plot's width, and the value written beside it. */
  record Bar(String label, String width, boolean interval, String intervalLeft, String intervalWidth, String value,
      String note) {}

  /** A chart of percentages: the largest value the scale shows (a percentage) and the bars. */
  record Chart(int scaleMax, List<Bar> bars) {}

  /** A quote as printed: text after redaction and its attribution. */
  record Quote(String text, String attribution) {}

  /**
   * A banner table: column groups (a banner variable's label over its columns), the columns, the Rao-Scott test
   * columns, the blocks of rows, and the notes under the table.
   */
  record Banner(List<ColumnGroup> groups, List<Column> columns, List<String> tested, List<BannerBlock> blocks,
      List<String> notes) {
    public int width() {
      return columns.size() + 1 + tested.size();
    }
  }

  /** A banner variable over its columns ({@code label} "Total" for the total column). */
  record ColumnGroup(String label, int span) {}

  /** A banner column: its label and the letter its significance is marked with ("" for none). */
  record Column(String label, String letter) {}

  /** One question of a banner table: its label, rows and the three bases. */
  record BannerBlock(String label, List<BannerRow> rows, List<BaseRow> bases) {}

  /** A row: a label, a cell per column and a p-value per tested banner variable. */
  record BannerRow(String label, List<BannerCell> cells, List<String> pValues) {}

  /** A cell: the column percentage ("*" hidden, "-" none) and the letters of the columns it is higher than. */
  record BannerCell(String text, String letters) {}

  /** A base row: {@code kind} is "unweighted", "weighted" or "effective"; a value per column. */
  record BaseRow(String kind, List<String> values) {}

  /** How many activities of one kind took place. */
  record KindCount(String kind, int count) {}

  /**
   * The programme at a glance.
   *
   * @param purpose the programme's purpose
   * @param activities activities by kind, every kind
   * @param stakeholders people heard in groups and interviews
   * @param organisations the organisations they came from
   * @param responses survey responses (0 without a survey)
   * @param comments responses with a comment
   */
  record Glance(String purpose, List<KindCount> activities, int stakeholders, int organisations, int responses,
      int comments) implements Section {
    @Override
    public String id() {
      return "glance";
    }
  }

  /** A reference group and the activities that heard it ({@code kind: title}); empty when it was not reached. */
  record Audience(String name, List<String> heardBy) {}

  /** Who was heard: the reference groups, how many there are and how many were not reached. */
  record Heard(int reference, int notReached, List<Audience> groups) implements Section {
    @Override
    public String id() {
      return "heard";
    }
  }

  /**
   * The survey's multiple-response question.
   *
   * @param surveyTitle the survey activity's title (or "the survey")
   * @param question the question's wording
   * @param base respondents
   * @param effectiveBase Kish's effective base, rounded
   * @param weightedTo the weighting variables' labels joined ("ward and age band")
   * @param chart the weighted shares with intervals
   * @param table the estimates with their bases
   * @param banner the question by the banner variables, or null without banner variables
   * @param bannerBy the banner variables' labels joined ("Ward and Age band"), or ""
   */
  record Survey(String surveyTitle, String question, int base, String effectiveBase, String weightedTo, Chart chart,
      Table table, @Nullable Banner banner, String bannerBy) implements Section {
    @Override
    public String id() {
      return "survey";
    }
  }

  /** The comments listed under one code: label, how many carry it, and the quotes shown. */
  record CodeQuotes(String label, int total, List<Quote> quotes) {}

  /**
   * The coded open comments.
   *
   * @param question the open question's wording
   * @param coding how the comments were coded
   * @param commenters those who commented
   * @param chart the codes' unweighted shares
   * @param table the codes with their estimates
   * @param banner the codes by the banner variables, or null
   * @param bannerBy the banner variables' labels joined, or ""
   * @param quotesPerCode the most quotes listed for a code
   * @param redacted whether quotes are redacted
   * @param attributedBy what comments are attributed by ("ward"), or "survey"
   * @param quotes the quotes by code (codes without a quote left out)
   */
  record Themes(String question, CodingMethod coding, int commenters, Chart chart, Table table,
      @Nullable Banner banner, String bannerBy, int quotesPerCode, boolean redacted, String attributedBy,
      List<CodeQuotes> quotes) implements Section {
    @Override
    public String id() {
      return "themes";
    }
  }

  /** A finding with its consented, redacted quotes. */
  record Finding(String statement, List<Quote> quotes) {}

  /** A focus group: title, date (or null), who took part, findings and recommendations. */
  record Group(String title, @Nullable String when, int participants, int organisations, List<Finding> findings,
      List<String> recommendations) {}

  /** The focus groups: their modes, the discussion guide when all shared one, and each group. */
  record FocusGroups(List<String> modes, List<String> guide, List<Group> groups) implements Section {
    @Override
    public String id() {
      return "focus-groups";
    }
  }

  /** A cell of the framework matrix; {@code raised} false when the case did not raise the theme. */
  record MatrixCell(boolean raised, @Nullable String summary, int excerpts, String firstTime, String lastTime,
      List<Quote> quotes) {}

  /** A theme and its cell for each case. */
  record MatrixRow(String theme, List<MatrixCell> cells) {}

  /** The Framework Method matrix: cases across, themes down. */
  record Framework(List<String> cases, List<MatrixRow> rows) implements Section {
    @Override
    public String id() {
      return "framework";
    }
  }

  /** A study of the literature review. */
  record Study(String title, String publisher, int year, String method, @Nullable String sampleSize,
      String sample, String finding, String informs) {}

  /** The literature review. */
  record Literature(List<Study> studies) implements Section {
    @Override
    public String id() {
      return "literature";
    }
  }

  /** One piece of evidence: {@code kind} "finding" or "recommendation", and its text. */
  record Evidence(String kind, String text) {}

  /**
   * One item a consideration named: {@code kind} "finding" (with {@code label} its theme), "theme" ({@code label}
   * the theme, {@code text} its prevalence), "quote" ({@code label} the attribution, {@code text} why it is not for
   * publication or "") or "source" ({@code label} the activity, {@code text} its kind).
   */
  record ChainItem(String kind, String label, String text) {}

  /** Who considered the evidence, when, with what note (or null), and what they considered. */
  record Consideration(String by, String on, @Nullable String note, List<ChainItem> items) {}

  /** A "you said, we did" response. */
  record Response(String weDid, String status, String youSaid, List<Evidence> evidence, List<Quote> quotes,
      List<Consideration> considerations) {}

  /** You said, we did. */
  record YouSaid(List<Response> responses) implements Section {
    @Override
    public String id() {
      return "you-said";
    }
  }

  /**
   * The weighting, as the methods describe it.
   *
   * @param weightedTo the weighting variables' labels joined
   * @param method how the weights were made, as a participle ("raked (iterative proportional fitting)",
   *     "calibrated (R's calibrate) with the raking distance, ...")
   * @param start what the weighting started from ("starting from equal weights")
   * @param trimming the sentence on the trimming after it, or "" when the weights were not trimmed
   * @param converged whether the weighting converged (before any trimming)
   * @param iterations its iterations
   * @param largestGap the largest remaining gap to a target, relative, formatted
   * @param summary the weighting summary table
   */
  record Weighting(String weightedTo, String method, String start, String trimming, boolean converged,
      int iterations, String largestGap, Table summary) {}

  /**
   * The methods, from what was done.
   *
   * @param weighting the weighting, or null without a survey
   * @param bannerBy the banner variables' labels joined, or "" without banner tables
   * @param suppressBelow counts below this are hidden
   * @param coding how the comments were coded, or null without a survey
   * @param machineAppendix whether the machine-coding appendix follows
   * @param heard groups and interviews held (0: no qualitative section)
   * @param modes the focus groups' modes
   * @param framework whether transcripts were charted with the Framework Method
   * @param internalUse the reason the report is not redacted, or null when it is
   */
  record Methods(@Nullable Weighting weighting, String bannerBy, int suppressBelow, @Nullable CodingMethod coding,
      boolean machineAppendix, int heard, List<String> modes, boolean framework, @Nullable String internalUse)
      implements Section {
    @Override
    public String id() {
      return "methods";
    }
  }

  /**
   * The machine-coding appendix: the figures with their shares formatted.
   *
   * @param figures the figures
   * @param coverage the share coded by machine ("41%", or "not known")
   * @param validatedCoverage the cross-validated coverage, or null when not measured
   * @param precision the precision expected there
   * @param recall the recall expected there
   * @param kappa the pooled kappa, or null without a checked sample
   * @param exactMatch the share given exactly the same codes, or null
   * @param checked comments a person checked, 0 without a sample
   * @param agreement per code: code, checked, both, person only, machine only, agreement, kappa
   */
  record MachineCodingAppendix(MachineCoding figures, String coverage, @Nullable String validatedCoverage,
      String precision, String recall, @Nullable String kappa, @Nullable String exactMatch, int checked,
      List<List<String>> agreement) implements Section {
    @Override
    public String id() {
      return "machine-coding";
    }
  }

  /** The consideration log: its head hash, entries and rows (sequence, response, we did, by, on, evidence, hash). */
  record ConsiderationAppendix(String head, int entries, List<List<String>> rows) implements Section {
    @Override
    public String id() {
      return "consideration-log";
    }
  }

  /**
   * Text as the body of a CSS string: every character but letters, digits and spaces as a hex escape, so that no
   * text can end the string, the rule or the style element.
   */
  static String cssString(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    text.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) && c < 128 || c == ' ') {
        out.appendCodePoint(c);
      } else {
        out.append('\\').append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(' ');
      }
    });
    return out.toString();
  }

  /** "focus group", 2: "focus groups"; "board meeting", 1: "board meeting"; "study", 2: "studies". */
  static String plural(String kind, int count) {
    if (count == 1) {
      return kind;
    }
    return kind.endsWith("y") && !kind.endsWith("ey") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
  }

  /** "a", "a and b", "a, b and c". */
  static String joinAnd(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** "Ward": "ward", but "NHS region" stays. */
  static String lowerFirst(String label) {
    return label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))
        ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
  }
}
