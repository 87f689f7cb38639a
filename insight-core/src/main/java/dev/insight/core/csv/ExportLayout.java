package dev.insight.core.csv;

import java.util.Locale;

/**
 * How a survey platform lays out the header of its CSV export. Detected from the header (or given), so an export
 * is read as downloaded, with no hand edits.
 *
 * <ul>
 *   <li>{@link #PLAIN}: one header row of column names (Google Forms, Microsoft Forms, SmartSurvey, Citizen Space,
 *       and most other tools).</li>
 *   <li>{@link #QUALTRICS}: three header rows: short names ({@code ResponseId}, {@code Q1}, {@code Q2_4_TEXT}),
 *       the question text, and {@code {"ImportId":"QID1"}} import ids. The names are kept; the question text
 *       becomes each column's label; the third row is skipped.</li>
 *   <li>{@link #SURVEYMONKEY}: two header rows: the question text over the first column of each question (blank
 *       over the question's other columns), then {@code Response}, {@code Open-Ended Response} or one option's
 *       text per column. Columns get short stable names: the respondent columns before the first question by their
 *       own name in lower case with {@code _} for spaces ({@code respondent_id}), then {@code q1}, {@code q2}, ...
 *       in order, a question's option columns {@code q2_1}, {@code q2_2}, ... and its "Other (please specify)"
 *       column {@code q2_other}. An option column holds the option's text when chosen: it is read as {@code 1},
 *       blank as {@code 0} when the respondent chose another option of the question, and as no answer when they
 *       chose none.</li>
 *   <li>{@link #MICROSOFT_FORMS}: one header row starting {@code Id}, {@code Start time}, {@code Completion time},
 *       {@code Email}, {@code Name} (and, in newer workbooks, {@code Last modified time}): the workbook Microsoft
 *       Forms downloads, the question text as the column name, a multiple-choice answer as the options chosen each
 *       followed by {@code ;}. The leading columns are named {@code id}, {@code start_time},
 *       {@code completion_time}, {@code email}, {@code name} ({@code last_modified_time}), the questions
 *       {@code q1}, {@code q2}, ... in order, labelled with the question text. {@code email} and {@code name} hold
 *       personal data: they are marked as such ({@link CsvFile#personalColumns()}) and left out of the inferred
 *       codebook unless asked for.</li>
 * </ul>
 */
public enum ExportLayout {
  /** One header row. */
  PLAIN,
  /** Qualtrics: names, question text, import ids. */
  QUALTRICS,
  /** SurveyMonkey: question text, then response type or option text. */
  SURVEYMONKEY,
  /** Microsoft Forms: fixed leading columns, personal data in Email and Name. */
  MICROSOFT_FORMS;

  /**
   * The layout of a {@code --format} name.
   *
   * @param name {@code csv} (or {@code plain}), {@code qualtrics}, {@code surveymonkey} or
   *     {@code microsoft-forms}, in any case
   * @return the layout
   * @throws IllegalArgumentException for any other name, listing the names
   */
  public static ExportLayout parse(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "csv", "plain" -> PLAIN;
      case "qualtrics" -> QUALTRICS;
      case "surveymonkey" -> SURVEYMONKEY;
      case "microsoft-forms", "microsoft_forms", "msforms" -> MICROSOFT_FORMS;
      default -> throw new IllegalArgumentException("format " + name + ": expected csv, qualtrics, surveymonkey or "
          + "microsoft-forms");
    };
  }

  /**
   * The name {@link #parse(String)} reads.
   *
   * @return {@code csv}, {@code qualtrics}, {@code surveymonkey} or {@code microsoft-forms}
   */
  public String formatName() {
    return this == PLAIN ? "csv" : name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
