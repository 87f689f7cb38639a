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
 * </ul>
 */
public enum ExportLayout {
  /** One header row. */
  PLAIN,
  /** Qualtrics: names, question text, import ids. */
  QUALTRICS,
  /** SurveyMonkey: question text, then response type or option text. */
  SURVEYMONKEY;

  /**
   * The layout of a {@code --format} name.
   *
   * @param name {@code csv} (or {@code plain}), {@code qualtrics} or {@code surveymonkey}, in any case
   * @return the layout
   * @throws IllegalArgumentException for any other name, listing the names
   */
  public static ExportLayout parse(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "csv", "plain" -> PLAIN;
      case "qualtrics" -> QUALTRICS;
      case "surveymonkey" -> SURVEYMONKEY;
      default -> throw new IllegalArgumentException("format " + name + ": expected csv, qualtrics or surveymonkey");
    };
  }

  /**
   * The name {@link #parse(String)} reads.
   *
   * @return {@code csv}, {@code qualtrics} or {@code surveymonkey}
   */
  public String formatName() {
    return this == PLAIN ? "csv" : name().toLowerCase(Locale.ROOT);
  }
}
