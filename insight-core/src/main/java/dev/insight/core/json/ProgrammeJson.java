package dev.insight.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.Json;
import dev.insight.core.programme.Programme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a whole {@link Programme} as JSON.
 *
 * <p>Safe by construction: no polymorphic default typing (subtypes are chosen by fixed names such as
 * {@code "kind": "focus-group"}, never by class names from the file), unknown properties are errors, dates are ISO
 * strings, and the read limits of nesting depth, number and string length apply (see {@code docs/limits.md}). A
 * file holding something other than one JSON object ({@code null}, an array, a number, nothing) is refused. A file that does not fit the model fails with an {@link InvalidInputException} naming the file, line,
 * column and JSON path.
 */
public final class ProgrammeJson {
  private static final ObjectMapper MAPPER = Json.mapper()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
      .build();

  private ProgrammeJson() {}

  /**
   * The programme as JSON text.
   *
   * @param programme the programme
   * @return indented JSON
   */
  public static String write(Programme programme) {
    try {
      return MAPPER.writeValueAsString(programme);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write programme " + programme.id() + " as JSON", e);
    }
  }

  /**
   * Writes the programme to a file.
   *
   * @param programme the programme
   * @param file the file, replaced if it exists
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Programme programme, Path file) {
    try {
      Files.writeString(file, write(programme));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Reads a programme from a file.
   *
   * @param file the JSON file
   * @return the programme
   * @throws InvalidInputException naming file, line, column and path when the JSON is malformed or does not fit
   *     the model (an unknown property, a missing required value, a reference to an undefined id)
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Programme read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads a programme from a stream.
   *
   * @param in the JSON; not closed
   * @param source the name used in messages
   * @return the programme
   * @throws InvalidInputException as {@link #read(Path)}
   */
  public static Programme read(InputStream in, String source) {
    try {
      return checkObject(MAPPER.readValue(in, Programme.class), source);
    } catch (JsonProcessingException e) {
      throw invalid(e, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /**
   * Reads a programme from JSON text.
   *
   * @param json the JSON
   * @param source the name used in messages
   * @return the programme
   * @throws InvalidInputException as {@link #read(Path)}
   */
  public static Programme read(String json, String source) {
    try {
      return checkObject(MAPPER.readValue(json, Programme.class), source);
    } catch (JsonProcessingException e) {
      throw invalid(e, source);
    }
  }

  /** Jackson reads a file holding {@code null} as no programme at all. */
  private static Programme checkObject(@Nullable Programme programme, String source) {
    if (programme == null) {
      throw new InvalidInputException(new InputProblem(source, 1, "$", "null", "a programme file holds one JSON "
          + "object with \"id\", \"name\" and the rest of the programme, not null"));
    }
    return programme;
  }

  private static InvalidInputException invalid(JsonProcessingException e, String source) {
    JsonLocation at = e.getLocation();
    long line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr();
    String position = at == null || at.getColumnNr() < 1 ? "" : "character " + at.getColumnNr() + ": ";
    String path = null;
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      path = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("", "$", ""));
    }
    Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
        ? e.getCause() : null;
    StreamConstraintsException limit = Json.limitPassed(e);
    if (limit != null || !(e instanceof JsonMappingException)) {
      return new InvalidInputException(new InputProblem(source, line, path, null,
          position + Json.describe(limit != null ? limit : e)));
    }
    String message = cause != null ? cause.getMessage() : e.getOriginalMessage();
    if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
      message = "a programme file holds one JSON object with \"id\", \"name\" and the rest of the programme; "
          + message;
    }
    return new InvalidInputException(new InputProblem(source, line, path, null,
        position + "does not fit the programme model: " + message));
  }
}
