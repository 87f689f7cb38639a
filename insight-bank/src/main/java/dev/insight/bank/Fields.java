package dev.insight.bank;

/** The Lucene fields of the bank's documents. */
final class Fields {
  /** {@code item} for searchable items, {@code version} for a stored programme version. */
  static final String DOC = "doc";
  static final String KIND = "kind";
  static final String PROGRAMME = "programme";
  static final String PROGRAMME_TITLE = "programmeTitle";
  static final String ID = "id";
  static final String TEXT = "text";
  static final String DISPLAY = "display";
  static final String SOURCE = "source";
  static final String BASE = "base";
  static final String CONSENT = "consent";
  static final String REDACTION = "redaction";
  static final String THEME = "theme";
  static final String THEME_NAME = "themeName";
  static final String AUDIENCE = "audience";
  static final String PRIORITY = "priority";
  static final String PLACE = "place";
  static final String PLACE_NAME = "placeName";
  static final String DATE = "date";
  static final String DATE_TEXT = "dateText";
  static final String ACTIVITY_KIND = "activityKind";
  static final String VISIBILITY = "visibility";
  static final String VECTOR = "vector";
  static final String VERSION = "version";
  static final String ADDED_AT = "addedAt";
  static final String JSON = "json";
  static final String COUNTS = "counts";

  static final String ITEM = "item";
  static final String VERSION_DOC = "version";

  private Fields() {}
}
