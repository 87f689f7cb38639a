package dev.insight.examples.cli.bank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.insight.bank.Bank;
import dev.insight.bank.BankQuery;
import dev.insight.bank.Hit;
import dev.insight.bank.ItemKind;
import dev.insight.bank.SearchResult;
import dev.insight.bank.serve.BankServer;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code insight bank search}: searches the bank by words and meaning, with filters. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search the bank by words and, when it was built with sentence embeddings, by meaning. Every hit "
        + "shows its programme, source, base, consent and redaction.",
        "Internal-use-only programmes are left out unless --include-internal is given."})
public final class SearchCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private BankOption bank;

  @Parameters(index = "0", arity = "0..1", paramLabel = "WORDS", defaultValue = "",
      description = "What to look for (in quotes when several words); leave out to list by filters.")
  private String words;

  @Option(names = "--kind", paramLabel = "K", split = ",", description = "Only these kinds: study, finding, "
      + "recommendation, quote, comment, prevalence, response.")
  private List<String> kinds = new ArrayList<>();

  @Option(names = "--audience", paramLabel = "A", description = "Only evidence from activities that heard this "
      + "audience (id or name).")
  private @Nullable String audience;

  @Option(names = "--priority", paramLabel = "P", description = "Only evidence on this strategy priority (id).")
  private @Nullable String priority;

  @Option(names = "--theme", paramLabel = "T", description = "Only evidence with this theme.")
  private @Nullable String theme;

  @Option(names = "--place", paramLabel = "P", description = "Only programmes covering this place.")
  private @Nullable String place;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only evidence from this day on.")
  private @Nullable String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only evidence up to this day.")
  private @Nullable String to;

  @Option(names = "--activity", paramLabel = "KIND", description = "Only evidence from this kind of activity: "
      + "survey, focus-group, interview, workshop, panel, meeting, source-study.")
  private @Nullable String activity;

  @Option(names = "--programme", paramLabel = "ID", description = "Only this programme.")
  private @Nullable String programme;

  @Option(names = "--include-internal", description = "Search internal-use-only programmes too.")
  private boolean includeInternal;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (default: "
      + "${DEFAULT-VALUE}).")
  private int limit;

  @Option(names = "--json", description = "Write the hits as JSON (as the search page's /api/search does).")
  private boolean json;

  /** Creates the command (picocli instantiates it). */
  public SearchCommand() {}

  @Override
  public Integer call() throws Exception {
    Set<ItemKind> wanted = EnumSet.noneOf(ItemKind.class);
    kinds.forEach(k -> wanted.add(ItemKind.of(k)));
    BankQuery query = BankQuery.words(words).withKinds(wanted).withAudience(audience).withPriority(priority)
        .withTheme(theme).withPlace(place).withDates(date("--from", from), date("--to", to))
        .withActivityKind(activity).withProgramme(programme).withInternal(includeInternal).withLimit(limit);
    PrintWriter out = spec.commandLine().getOut();
    try (Bank opened = Bank.openReadOnly(bank.bank, Bank.installedEmbedder().orElse(null))) {
      SearchResult result = opened.search(query);
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(BankServer.json(result)));
        return 0;
      }
      if (!result.note().isEmpty()) {
        out.println("(" + result.note() + ")");
      }
      out.println(result.hits().size() + (result.hits().size() == 1 ? " hit" : " hits"));
      int n = 0;
      for (Hit hit : result.hits()) {
        out.println();
        out.println(++n + ". [" + hit.kind().label() + "] " + hit.text());
        out.println("   programme: " + hit.programmeTitle() + " (" + hit.programme() + ")"
            + (hit.internalUseOnly() ? ", internal use only" : ""));
        out.println("   source:    " + hit.source());
        out.println("   base:      " + hit.base());
        if (!hit.themes().isEmpty()) {
          out.println("   themes:    " + String.join(", ", hit.themes()));
        }
        out.println("   consent:   " + hit.consent() + "; " + hit.redaction()
            + (hit.date() == null ? "" : "; " + hit.date()));
      }
    }
    return 0;
  }

  private static @Nullable LocalDate date(String option, @Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a date such as 2022-09-05: " + text, e);
    }
  }
}
