package dev.insight.bank.serve;

import dev.insight.bank.BankQuery;
import dev.insight.bank.ItemKind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The search's parameters from a query string; unknown names and bad values are errors naming them. */
final class SearchParameters {
  static final Set<String> NAMES = Set.of("q", "kind", "audience", "priority", "theme", "place", "from", "to",
      "activity", "programme", "limit");

  private SearchParameters() {}

  static Map<String, String> parse(@Nullable String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown parameter \"" + name + "\": use " + String.join(", ",
            new java.util.TreeSet<>(NAMES)));
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException("parameter \"" + name + "\" given twice");
      }
    }
    return values;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("badly encoded parameter: " + text, e);
    }
  }

  static BankQuery query(Map<String, String> p, boolean includeInternal) {
    Set<ItemKind> kinds = EnumSet.noneOf(ItemKind.class);
    String kind = blankToNull(p.get("kind"));
    if (kind != null) {
      for (String k : kind.split(",")) {
        kinds.add(ItemKind.of(k));
      }
    }
    int limit = BankQuery.DEFAULT_LIMIT;
    String limitText = blankToNull(p.get("limit"));
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("limit must be a whole number: " + limitText, e);
      }
    }
    return BankQuery.words(p.getOrDefault("q", "")).withKinds(kinds).withAudience(blankToNull(p.get("audience")))
        .withPriority(blankToNull(p.get("priority"))).withTheme(blankToNull(p.get("theme")))
        .withPlace(blankToNull(p.get("place"))).withDates(date(p, "from"), date(p, "to"))
        .withActivityKind(blankToNull(p.get("activity"))).withProgramme(blankToNull(p.get("programme")))
        .withInternal(includeInternal).withLimit(limit);
  }

  private static @Nullable LocalDate date(Map<String, String> p, String name) {
    String text = blankToNull(p.get(name));
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date such as 2022-09-05: " + text, e);
    }
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
