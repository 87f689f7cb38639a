package dev.insight.examples.cli.code;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.codeframe.learn.CodeframeSuggester;
import dev.insight.codeframe.learn.SuggestedCode;
import dev.insight.codeframe.interchange.DataColumns;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.embeddings.BgeSmallEmbedder;
import dev.insight.examples.cli.Outputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code insight code suggest}: candidate codes for comments no code covers yet. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = {"Suggest candidate codes: group comments (typically those no code covers yet) and show each "
        + "group's distinctive words, size and most representative comments, for an analyst to accept, rename or "
        + "reject.",
        "Example comments are redacted (e-mail, UK phone numbers, postcodes, NHS numbers) unless "
            + "--internal-use-only is given."})
public final class SuggestCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "D.csv", description = "The comments (CSV, UTF-8, header "
      + "row).")
  private Path data = Path.of("");

  @Option(names = "--text", required = true, paramLabel = "COL", description = "The column holding the comment.")
  private String text = "";

  @Option(names = "--groups", paramLabel = "N", description = "How many groups to form (default: sqrt(comments / "
      + "2), 2 to 30).")
  private @Nullable Integer groups;

  @Option(names = "--min-size", paramLabel = "M", defaultValue = "3", description = "The fewest comments a "
      + "candidate code must have (default: ${DEFAULT-VALUE}).")
  private int minSize;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the grouping (default: "
      + "${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--embeddings", description = "Group by meaning (sentence embeddings, bge-small-en-v1.5) "
      + "instead of by words: paraphrases that share no word fall together; about 150 comments a second.")
  private boolean embeddings;

  @Option(names = "--out", paramLabel = "S.json", description = "Also write the candidate codes as JSON (label, "
      + "words, size, member rows, representative comments).")
  private @Nullable Path out;

  @Option(names = "--internal-use-only", paramLabel = "REASON", description = "Do not redact the example "
      + "comments; the reason is printed and written with them.")
  private @Nullable String internalUseOnly;

  /** Creates the command (picocli does). */
  public SuggestCommand() {}

  @Override
  public Integer call() {
    List<String> texts = DataColumns.readTexts(data, text);
    int count = groups != null ? groups : CodeframeSuggester.defaultGroups(texts.size());
    List<SuggestedCode> codes = CodeframeSuggester.suggest(texts, count, minSize, seed,
        embeddings ? new BgeSmallEmbedder() : null);
    RedactionPolicy redaction = internalUseOnly != null ? RedactionPolicy.internalUseOnly(internalUseOnly)
        : RedactionPolicy.standard();
    PrintWriter console = spec.commandLine().getOut();
    int grouped = codes.stream().mapToInt(SuggestedCode::size).sum();
    console.printf(Locale.ROOT, "%d candidate codes for %d of %d comments (grouped by %s; %s)%n", codes.size(),
        grouped, texts.size(), embeddings ? "meaning" : "words", redaction.redacts() ? "examples redacted"
            : "examples NOT redacted: internal use only, " + internalUseOnly);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("comments", texts.size());
    root.put("groupedBy", embeddings ? "meaning" : "words");
    root.put("redacted", redaction.redacts());
    ArrayNode list = root.putArray("candidates");
    for (int g = 0; g < codes.size(); g++) {
      SuggestedCode code = codes.get(g);
      console.printf(Locale.ROOT, "%n%d. %s  (%d comments, cohesion %.2f)%n   words: %s%n", g + 1, code.label(),
          code.size(), code.cohesion(), String.join(", ", code.distinctiveWords()));
      ObjectNode node = list.addObject();
      node.put("label", code.label());
      node.put("size", code.size());
      node.put("cohesion", code.cohesion());
      code.distinctiveWords().forEach(node.putArray("words")::add);
      // 1-based data rows, as 'insight code predict' numbers them
      ArrayNode rows = node.putArray("rows");
      code.members().forEach(row -> rows.add(row + 1));
      ArrayNode examples = node.putArray("examples");
      for (int j = 0; j < code.examples().size(); j++) {
        String example = redaction.apply(code.examples().get(j)).text();
        examples.add(example);
        if (j < 3) {
          console.printf(Locale.ROOT, "   e.g. \"%s\"%n", shorten(example));
        }
      }
    }
    if (out != null) {
      String json = root.toPrettyString();
      try (Outputs outputs = Outputs.begin()) {
        outputs.text(out, writer -> writer.write(json));
        outputs.commit();
      }
      console.println();
      console.println("candidate codes written to " + out);
    }
    console.flush();
    return 0;
  }

  private static String shorten(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
  }
}
