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
 *   <li>{@link #GOOGLE_FORMS}: the CSV Google Forms downloads from its responses sheet: one header row starting
 *       {@code Timestamp} (or its translation), then {@code Email Address} when emails were collected (personal
 *       data), then the question text. There is no respondent id column. Checkbox answers are the options chosen
 *       joined with {@code ", "} in one cell (an option's own commas resolved by the options the rest of the file
 *       shows; "other" text kept as the answer {@code Other}); a grid question is one column per row headed
 *       {@code Question [Row]}. Columns are named {@code timestamp}, {@code email_address}, then {@code q1},
 *       {@code q2}, ... and a grid's rows {@code q5_1}, {@code q5_2}, ..., labelled with the header text.</li>
 *   <li>{@link #SMARTSURVEY}: one header row starting with SmartSurvey's respondent columns ({@code UserID},
 *       {@code Name}, {@code Email}, {@code IP Address}, {@code Unique ID}, {@code Started}, {@code Ended},
 *       {@code Tracking Link}, {@code Custom Value}; name, email and IP address are personal data), then each
 *       question numbered ({@code 1. Question}), a multiple-choice question as one column per option headed
 *       {@code 2. Question:Option} holding the option's text when chosen. Columns are named by their header in
 *       lower case with {@code _} ({@code userid}, {@code ip_address}), then {@code q1}, {@code q2}, ...,
 *       options {@code q2_1}, {@code q2_2}, ... and an "Other (please specify)" column {@code q2_other}.</li>
 *   <li>{@link #CITIZEN_SPACE}: one header row starting {@code Response ID}, {@code Submitted on}, then one column
 *       per answer component headed by the question text, a checkbox question as one column per option headed
 *       {@code Question: Option} (or {@code Question - Option}) holding the option's text or {@code Yes} when
 *       ticked. Named as SmartSurvey's: {@code response_id}, {@code submitted_on}, {@code q1}, ...</li>
 * </ul>
 *
 * <p>In every layout with option columns, a cell holding the option's text, {@code 1}, {@code Yes}, {@code True},
 * {@code Selected} or {@code Checked} reads as chosen ({@code 1}); a blank (or {@code 0}, {@code No},
 * {@code False}) as not chosen ({@code 0}) when the respondent chose another option of the question, and as no
 * answer when they chose none.
 */
public enum ExportLayout {
  /** One header row. */
  PLAIN,
  /** Qualtrics: names, question text, import ids. */
  QUALTRICS,
  /** SurveyMonkey: question text, then response type or option text. */
  SURVEYMONKEY,
  /** Microsoft Forms: fixed leading columns, personal data in Email and Name. */
  MICROSOFT_FORMS,
  /** Google Forms: a time stamp first, no id, checkbox answers joined with ", ", grid rows in brackets. */
  GOOGLE_FORMS,
  /** SmartSurvey: respondent columns, numbered questions, one column per option. */
  SMARTSURVEY,
  /** Citizen Space: response id and submission date, one column per answer component and per option. */
  CITIZEN_SPACE;

  /**
   * The layout of a {@code --format} name.
   *
   * @param name {@code csv} (or {@code plain}), {@code qualtrics}, {@code surveymonkey}, {@code microsoft-forms},
   *     {@code google-forms}, {@code smartsurvey} or {@code citizen-space}, in any case
   * @return the layout
   * @throws IllegalArgumentException for any other name, listing the names
   */
  public static ExportLayout parse(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "csv", "plain" -> PLAIN;
      case "qualtrics" -> QUALTRICS;
      case "surveymonkey" -> SURVEYMONKEY;
      case "microsoft-forms", "microsoft_forms", "msforms" -> MICROSOFT_FORMS;
      case "google-forms", "google_forms", "gforms" -> GOOGLE_FORMS;
      case "smartsurvey", "smart-survey" -> SMARTSURVEY;
      case "citizen-space", "citizen_space", "citizenspace" -> CITIZEN_SPACE;
      default -> throw new IllegalArgumentException("format " + name + ": expected csv, qualtrics, surveymonkey, "
          + "microsoft-forms, google-forms, smartsurvey or citizen-space");
    };
  }

  /**
   * The name {@link #parse(String)} reads.
   *
   * @return {@code csv}, {@code qualtrics}, {@code surveymonkey}, {@code microsoft-forms}, {@code google-forms},
   *     {@code smartsurvey} or {@code citizen-space}
   */
  public String formatName() {
    return this == PLAIN ? "csv" : name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
