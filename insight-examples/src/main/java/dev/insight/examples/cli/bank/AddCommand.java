package dev.insight.examples.cli.bank;

import dev.insight.bank.AddResult;
import dev.insight.bank.Bank;
import dev.insight.bank.CodedComment;
import dev.insight.bank.CommentSet;
import dev.insight.bank.ItemKind;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodeframeFiles;
import dev.insight.codeframe.interchange.CodingJson;
import dev.insight.codeframe.learn.TextEmbedder;
import dev.insight.codeframe.interchange.DataColumns;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.core.evidence.Consent;
import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Programme;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code insight bank add}: adds a programme, or replaces the version already in the bank. */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = {"Add a programme to the bank, with the coded comments of one of its activities if given. Adding "
        + "the same programme again replaces it (its version goes up; every version is kept). The bank is changed "
        + "in one commit: a failure leaves it as it was.",
        "Quotes without consent are left out; comments without consent are kept with their themes only; every "
            + "text is redacted before it is stored."})
public final class AddCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private BankOption bank;

  @Parameters(index = "0", paramLabel = "PROGRAMME.json", description = "The programme.")
  private Path programmeFile;

  @Option(names = "--data", paramLabel = "D.csv", description = "The comments: a CSV file with a header.")
  private @Nullable Path data;

  @Option(names = "--id", paramLabel = "COL", defaultValue = "id",
      description = "The column of respondent ids in --data and --coding (default: ${DEFAULT-VALUE}).")
  private String idColumn;

  @Option(names = "--text", paramLabel = "COL", description = "The column of comments in --data.")
  private @Nullable String textColumn;

  @Option(names = "--coding", paramLabel = "C", description = "The comments' coding: the JSON a coder writes, or a "
      + "CSV of 0/1 code columns as insight code apply writes.")
  private @Nullable Path coding;

  @Option(names = "--codeframe", paramLabel = "F", description = "The codeframe of --coding (.json, .csv or .qdc).")
  private @Nullable Path codeframe;

  @Option(names = "--activity", paramLabel = "ID", description = "The programme's activity the comments come from.")
  private @Nullable String activity;

  @Option(names = "--question", paramLabel = "TEXT", description = "The open question the comments answer.")
  private @Nullable String question;

  @Option(names = "--comment-consent", paramLabel = "C", defaultValue = "not-recorded",
      description = "Whether respondents agreed to their words being shown: given, refused or not-recorded "
          + "(default: ${DEFAULT-VALUE}; their words are then neither stored nor searchable).")
  private String commentConsent;

  @Option(names = "--replace", description = "Replace a programme with the same id but another title.")
  private boolean replace;

  @Option(names = "--words-only", description = "For a new bank: search by words only, without sentence "
      + "embeddings (faster to add; no search by meaning).")
  private boolean wordsOnly;

  /** Creates the command (picocli instantiates it). */
  public AddCommand() {}

  @Override
  public Integer call() {
    Programme programme = ProgrammeJson.read(programmeFile);
    List<CommentSet> comments = comments(programme);
    TextEmbedder embedder = wordsOnly ? null : Bank.installedEmbedder().orElse(null);
    PrintWriter out = spec.commandLine().getOut();
    try (Bank opened = Bank.open(bank.bank, embedder)) {
      AddResult result = opened.add(programme, comments, replace);
      out.printf(Locale.ROOT, "%s %s as version %d in %s: %s%s%n", result.replaced() ? "replaced" : "added",
          result.programme(), result.version(), bank.bank, counts(result.items()),
          opened.embedderName().isEmpty() ? " (search by words only)" : " (searchable by words and meaning)");
      result.notes().forEach(note -> out.println("  note: " + note));
    }
    return 0;
  }

  static String counts(Map<ItemKind, Integer> items) {
    List<String> parts = new ArrayList<>();
    for (ItemKind kind : ItemKind.values()) {
      int n = items.getOrDefault(kind, 0);
      if (n > 0) {
        String plural = kind == ItemKind.STUDY ? "studies" : kind.label() + "s";
        parts.add(n + " " + (n == 1 ? kind.label() : plural));
      }
    }
    return parts.isEmpty() ? "no items" : String.join(", ", parts);
  }

  private List<CommentSet> comments(Programme programme) {
    boolean any = data != null || coding != null || codeframe != null || textColumn != null || activity != null;
    if (!any) {
      return List.of();
    }
    List<String> missing = new ArrayList<>();
    if (data == null) {
      missing.add("--data");
    }
    if (textColumn == null) {
      missing.add("--text");
    }
    if (coding == null) {
      missing.add("--coding");
    }
    if (codeframe == null) {
      missing.add("--codeframe");
    }
    if (activity == null) {
      missing.add("--activity");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("comments need --data, --text, --coding, --codeframe and --activity; "
          + "missing " + String.join(", ", missing));
    }
    Consent consent = switch (commentConsent) {
      case "given" -> Consent.GIVEN;
      case "refused" -> Consent.REFUSED;
      case "not-recorded" -> Consent.NOT_RECORDED;
      default -> throw new IllegalArgumentException("--comment-consent must be given, refused or not-recorded: "
          + commentConsent);
    };
    ActivityId from = ActivityId.of(activity);
    if (programme.activity(from).isEmpty()) {
      throw new IllegalArgumentException("--activity " + activity + ": programme " + programme.id()
          + " has no such activity");
    }
    Codeframe frame = CodeframeFiles.read(codeframe);
    Coding coded = readCoding(frame);
    List<List<String>> columns = DataColumns.readColumns(data, List.of(idColumn, textColumn));
    List<CodedComment> list = new ArrayList<>();
    Set<UnitId> seen = new HashSet<>();
    for (int i = 0; i < columns.get(0).size(); i++) {
      UnitId unit = UnitId.of(columns.get(0).get(i).strip());
      if (!seen.add(unit)) {
        throw new InvalidInputException(new InputProblem(data.toString(), 0, idColumn, unit.value(),
            "respondent id given twice"));
      }
      List<String> themes = coded.codes(unit).stream().map(frame::code).map(c -> c.label()).toList();
      list.add(new CodedComment(unit.value(), columns.get(1).get(i), themes));
    }
    List<String> unknown = coded.units().stream().filter(u -> !seen.contains(u)).map(UnitId::value).limit(5)
        .collect(Collectors.toList());
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(new InputProblem(coding.toString(), 0, idColumn, unknown.get(0),
          "the coding has comments that " + data + " does not hold, such as " + String.join(", ", unknown)));
    }
    String asked = question == null ? "(open question)" : question;
    return List.of(new CommentSet(from, asked, consent, list));
  }

  private Coding readCoding(Codeframe frame) {
    try (Reader reader = Files.newBufferedReader(coding, StandardCharsets.UTF_8)) {
      if (coding.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
        return CodingJson.read(reader, coding.toString(), frame);
      }
      return CodedFileReader.columns(frame).idColumn(idColumn).read(reader, coding.toString()).coding();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + coding, e);
    }
  }
}
