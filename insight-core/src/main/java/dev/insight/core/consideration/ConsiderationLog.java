package dev.insight.core.consideration;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.core.evidence.Consideration;
import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.PrevalenceId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.Response;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.Json;
import dev.insight.core.internal.AtomicFiles;
import dev.insight.core.programme.Activity;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Programme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The consideration log: one entry for every time a decision ("we did") considered evidence, saying what was decided,
 * who considered it, when, and the evidence itself (each finding's statement, each theme's weighted prevalence with
 * its interval and base, each quote's attribution and consent, each source's title), so the entry stands on its own
 * even if the programme file later changes. Immutable.
 *
 * <p>Implementation note: the entries form a hash chain. Each entry holds {@code previous}, the hash of the entry
 * before it (64 zeros for the first), and {@code hash}, the SHA-256 of the entry's canonical serialisation without
 * its own {@code hash} member (see {@code docs/bank.md}: members sorted by name, no whitespace, UTF-8, only objects,
 * arrays, strings and integers). Changing, inserting, removing or reordering an entry therefore breaks the chain
 * from that entry on, and {@link #verify()} names the first entry that does not fit. Removing entries from the end
 * leaves a shorter intact chain: keep the {@linkplain LogCheck#head() head hash} elsewhere (the report prints it) to
 * notice that too. Recording a programme again only appends: entries already logged are never rewritten.
 */
public final class ConsiderationLog {
  /** The format name written at the top of every log file. */
  public static final String FORMAT = "insight-consideration-log";
  /** The version of the format this code writes and the highest it reads. */
  public static final int VERSION = 1;
  /** The {@code previous} hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper MAPPER = Json.mapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final List<ObjectNode> entries;

  private ConsiderationLog(List<ObjectNode> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * A log with no entries.
   *
   * @return the log
   */
  public static ConsiderationLog empty() {
    return new ConsiderationLog(List.of());
  }

  /**
   * The number of entries.
   *
   * @return at least 0
   */
  public int size() {
    return entries.size();
  }

  /**
   * The entries as they are stored, for display: each a JSON object with {@code sequence}, {@code programme},
   * {@code response}, {@code youSaid}, {@code weDid}, {@code status}, {@code consideredBy}, {@code consideredOn},
   * optionally {@code note}, {@code evidence} (objects with {@code kind}, {@code id}, {@code text}), {@code previous}
   * and {@code hash}.
   *
   * @return copies of the entries, in order
   */
  public List<JsonNode> entries() {
    return entries.stream().map(e -> (JsonNode) e.deepCopy()).toList();
  }

  /**
   * This log with an entry appended for every consideration of the programme's responses that it does not hold yet
   * (an entry with the same content, apart from its place in the chain, counts as held). The chain is checked first.
   *
   * @param programme the programme, whose links are already checked by its constructor
   * @return a new log; this one if nothing is new
   * @throws IllegalStateException naming the first broken entry when this log's chain is broken
   */
  public ConsiderationLog record(Programme programme) {
    checkNotNull(programme, "programme");
    LogCheck check = verify();
    if (!check.intact()) {
      throw new IllegalStateException("cannot add to a consideration log whose chain is broken: entry "
          + check.brokenAt() + ": " + check.reason());
    }
    Set<String> held = new HashSet<>();
    for (ObjectNode entry : entries) {
      held.add(contentKey(entry));
    }
    List<ObjectNode> all = new ArrayList<>(entries);
    String previous = check.head();
    for (Response response : programme.responses()) {
      for (Consideration consideration : response.considerations()) {
        ObjectNode entry = content(programme, response, consideration);
        if (!held.add(contentKey(entry))) {
          continue;
        }
        ObjectNode chained = MAPPER.createObjectNode();
        chained.put("sequence", all.size() + 1);
        chained.setAll(entry);
        chained.put("previous", previous);
        previous = CanonicalJson.sha256(CanonicalJson.write(chained));
        chained.put("hash", previous);
        all.add(chained);
      }
    }
    return all.size() == entries.size() ? this : new ConsiderationLog(all);
  }

  /**
   * Checks the chain: every entry numbered in order, pointing to the hash of the one before, and hashing to its own
   * {@code hash}.
   *
   * @return the first entry that does not fit and why, or an intact result with the head hash
   */
  public LogCheck verify() {
    String previous = GENESIS;
    for (int i = 0; i < entries.size(); i++) {
      ObjectNode entry = entries.get(i);
      int sequence = i + 1;
      String response = entry.path("response").asText("?");
      JsonNode number = entry.get("sequence");
      if (number == null || !number.isIntegralNumber() || number.asLong() != sequence) {
        return broken(sequence, "entry " + sequence + " is numbered " + number
            + ": an entry was inserted, removed or moved", previous);
      }
      JsonNode hash = entry.get("hash");
      JsonNode before = entry.get("previous");
      if (hash == null || !hash.isTextual() || before == null || !before.isTextual()) {
        return broken(sequence, "entry " + sequence + " (response " + response + ") has no hash or previous hash",
            previous);
      }
      if (!before.textValue().equals(previous)) {
        return broken(sequence, "entry " + sequence + " (response " + response + ") does not follow the entry "
            + "before it: its previous hash is " + before.textValue() + ", the entry before hashes to " + previous,
            previous);
      }
      ObjectNode unhashed = entry.deepCopy();
      unhashed.remove("hash");
      String actual;
      try {
        actual = CanonicalJson.sha256(CanonicalJson.write(unhashed));
      } catch (IllegalArgumentException e) {
        return broken(sequence, "entry " + sequence + " (response " + response + "): " + e.getMessage(), previous);
      }
      if (!actual.equals(hash.textValue())) {
        return broken(sequence, "entry " + sequence + " (response " + response + ") was changed after it was "
            + "written: its content hashes to " + actual + ", not to its recorded hash " + hash.textValue(),
            previous);
      }
      previous = actual;
    }
    return new LogCheck(entries.size(), null, null, previous);
  }

  private LogCheck broken(int sequence, String reason, String head) {
    return new LogCheck(entries.size(), sequence, reason, head);
  }

  /**
   * Writes the log as indented JSON, atomically: a failure leaves any earlier file as it was.
   *
   * @param file the file
   * @throws UncheckedIOException when it cannot be written
   */
  public void write(Path file) {
    try {
      AtomicFiles.writeText(file, out -> out.write(json()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The log as the indented JSON {@link #write(Path)} writes.
   *
   * @return the JSON text, ending with a newline
   */
  public String json() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode list = root.putArray("entries");
    entries.forEach(list::add);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the consideration log as JSON", e);
    }
  }

  /**
   * Reads a log without checking its chain (call {@link #verify()}).
   *
   * @param file the file
   * @return the log
   * @throws InvalidInputException naming the file when it is not JSON, not a consideration log, or written by a
   *     newer version of the format
   * @throws UncheckedIOException when it cannot be read
   */
  public static ConsiderationLog read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InvalidInputException(new InputProblem(file.toString(), line, null, null,
          "not a consideration log (" + Json.describe(e) + ")"));
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no such file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw invalid(file, "not a consideration log: expected {\"format\": \"" + FORMAT + "\", ...}");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber() || version.asInt() < 1) {
      throw invalid(file, "consideration log without a valid version: " + version);
    }
    if (version.asInt() > VERSION) {
      throw invalid(file, "consideration log written by a newer version of insight (format version "
          + version.asInt() + "; this version reads up to " + VERSION + "): upgrade insight to read it");
    }
    JsonNode list = root.get("entries");
    if (list == null || !list.isArray()) {
      throw invalid(file, "consideration log without an \"entries\" array");
    }
    List<ObjectNode> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isObject()) {
        throw invalid(file, "entry " + (i + 1) + " is not an object: " + list.get(i));
      }
      entries.add((ObjectNode) list.get(i));
    }
    return new ConsiderationLog(entries);
  }

  private static InvalidInputException invalid(Path file, String message) {
    return new InvalidInputException(new InputProblem(file.toString(), 0, null, null, message));
  }

  private static String contentKey(ObjectNode entry) {
    ObjectNode content = entry.deepCopy();
    content.remove(List.of("sequence", "previous", "hash"));
    return CanonicalJson.write(content);
  }

  private static ObjectNode content(Programme programme, Response response, Consideration consideration) {
    ObjectNode entry = MAPPER.createObjectNode();
    entry.put("programme", programme.id().value());
    entry.put("response", response.id().value());
    entry.put("youSaid", response.youSaid());
    entry.put("weDid", response.weDid());
    entry.put("status", response.status().name());
    entry.put("consideredBy", consideration.consideredBy());
    entry.put("consideredOn", consideration.consideredOn().toString());
    if (consideration.note() != null) {
      entry.put("note", consideration.note());
    }
    ArrayNode evidence = entry.putArray("evidence");
    for (FindingId id : consideration.findings()) {
      programme.finding(id).ifPresent(f -> evidence.addObject().put("kind", "finding").put("id", id.value())
          .put("theme", f.theme()).put("text", f.statement()));
    }
    for (PrevalenceId id : consideration.prevalences()) {
      programme.prevalence(id).ifPresent(p -> evidence.addObject().put("kind", "prevalence").put("id", id.value())
          .put("theme", p.theme()).put("text", p.theme() + ": " + p.describe() + ", " + activityTitle(programme,
              p.activity()) + "; " + p.method()));
    }
    for (QuoteId id : consideration.quotes()) {
      programme.quote(id).ifPresent(q -> evidence.addObject().put("kind", "quote").put("id", id.value())
          .put("text", q.attribution() + " (consent " + q.consent().name().toLowerCase(java.util.Locale.ROOT)
              .replace('_', ' ') + ")"));
    }
    for (ActivityId id : consideration.sources()) {
      programme.activity(id).ifPresent(a -> evidence.addObject().put("kind", "source").put("id", id.value())
          .put("text", describe(a)));
    }
    return entry;
  }

  private static String activityTitle(Programme programme, ActivityId id) {
    return programme.activity(id).map(ConsiderationLog::describe).orElse(id.value());
  }

  private static String describe(Activity activity) {
    return activity.title() + " (" + activity.kindLabel() + ")";
  }

  @Override
  public String toString() {
    return "ConsiderationLog[" + entries.size() + " entries]";
  }

  /**
   * The log rendered for equality checks in tests and tools: two logs are equal when their entries are.
   *
   * @param other another object
   * @return whether the entries are equal
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ConsiderationLog log && log.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }
}
