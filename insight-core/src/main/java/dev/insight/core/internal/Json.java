package dev.insight.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one place every insight module gets its Jackson mapper for reading files a user gives (programme, codeframe,
 * coding and codebook JSON): stream read limits on nesting depth, number, string and name length and document
 * length, so a hostile file cannot overflow the stack or fill the heap; unsafe polymorphic base types blocked and
 * default typing never enabled, so a file cannot name a class to instantiate. Each limit can be raised with a
 * system property ({@code java -Dinsight.json.maxNestingDepth=500 -jar insight.jar ...}). In an unexported
 * package: not part of the API.
 */
public final class Json {
  /** System property for the deepest nesting of arrays and objects. */
  public static final String MAX_NESTING_DEPTH = "insight.json.maxNestingDepth";
  /** System property for the most characters in one number. */
  public static final String MAX_NUMBER_LENGTH = "insight.json.maxNumberLength";
  /** System property for the most characters in one string value. */
  public static final String MAX_STRING_LENGTH = "insight.json.maxStringLength";
  /** System property for the most characters in one property name. */
  public static final String MAX_NAME_LENGTH = "insight.json.maxNameLength";
  /** System property for the most characters (or bytes) in one document. */
  public static final String MAX_DOCUMENT_LENGTH = "insight.json.maxDocumentLength";

  /** Default deepest nesting: the insight formats nest six levels at most. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 100;
  /** Default longest number: far beyond any a person writes, far short of a costly parse. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;
  /** Default longest string value: 5 million characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 5_000_000;
  /** Default longest property name. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 1_000;
  /** Default longest document: 256 MiB. */
  public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 256L << 20;

  private Json() {}

  /**
   * The read limits: the defaults, each replaced by its system property when set.
   *
   * @return the constraints
   * @throws IllegalArgumentException when a property is not a positive whole number
   */
  public static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(Limits.intProperty(MAX_NESTING_DEPTH, DEFAULT_MAX_NESTING_DEPTH))
        .maxNumberLength(Limits.intProperty(MAX_NUMBER_LENGTH, DEFAULT_MAX_NUMBER_LENGTH))
        .maxStringLength(Limits.intProperty(MAX_STRING_LENGTH, DEFAULT_MAX_STRING_LENGTH))
        .maxNameLength(Limits.intProperty(MAX_NAME_LENGTH, DEFAULT_MAX_NAME_LENGTH))
        .maxDocumentLength(Limits.property(MAX_DOCUMENT_LENGTH, DEFAULT_MAX_DOCUMENT_LENGTH, Long.MAX_VALUE))
        .build();
  }

  /**
   * A factory with {@link #constraints()}.
   *
   * @return a new factory
   */
  public static JsonFactory factory() {
    return JsonFactory.builder().streamReadConstraints(constraints()).build();
  }

  /**
   * A mapper builder over {@link #factory()} with unsafe polymorphic base types blocked; callers add their own
   * features. Never enable default typing on it.
   *
   * @return a new builder
   */
  public static JsonMapper.Builder mapper() {
    return JsonMapper.builder(factory()).enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES);
  }

  /**
   * The line an error was met on: the exception's own location, or else where the parser had got to (a passed
   * limit carries no location of its own).
   *
   * @param e the exception
   * @param parser the parser that was reading, or null when it could not be made
   * @return the 1-based line, or 0 when unknown
   */
  public static long line(JsonProcessingException e, @Nullable JsonParser parser) {
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      return at.getLineNr();
    }
    return parser == null ? 0 : Math.max(0, parser.currentLocation().getLineNr());
  }

  /**
   * The passed read limit behind an exception, which Jackson may wrap in a mapping exception.
   *
   * @param e the exception
   * @return the limit's exception, or null when no limit was passed
   */
  public static @Nullable StreamConstraintsException limitPassed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StreamConstraintsException limit) {
        return limit;
      }
    }
    return null;
  }

  /**
   * What went wrong reading JSON, in plain words: a passed limit names its system property and how to raise it;
   * other errors give Jackson's message without its location (the caller reports file and line).
   *
   * @param e the exception
   * @return the message
   */
  public static String describe(JsonProcessingException e) {
    StreamConstraintsException passed = limitPassed(e);
    String original = passed != null ? passed.getOriginalMessage() : e.getOriginalMessage();
    if (passed != null) {
      String property = original.contains("NestingDepth") ? MAX_NESTING_DEPTH
          : original.contains("NumberLength") ? MAX_NUMBER_LENGTH
          : original.contains("StringLength") ? MAX_STRING_LENGTH
          : original.contains("NameLength") ? MAX_NAME_LENGTH
          : original.contains("DocumentLength") ? MAX_DOCUMENT_LENGTH : null;
      String limit = original.replaceAll(", from `StreamReadConstraints[^`]*`", "");
      return property == null ? "the JSON passes a read limit: " + limit
          : String.format(Locale.ROOT, "the JSON passes a read limit: %s; if the file is trusted, raise the limit "
              + "with -D%s=N", limit, property);
    }
    return "malformed JSON: " + original;
  }
}
