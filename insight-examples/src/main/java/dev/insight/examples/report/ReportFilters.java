package dev.insight.examples.report;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filters the report's templates have beside Pebble's own: {@code css_string} (text as the body of a CSS string,
 * for the internal-use line printed on every page), {@code plural(n)} ("focus group" to "focus groups"),
 * {@code join_and} ("a, b and c") and {@code lower_first} ("Ward" to "ward", "NHS region" kept).
 */
final class ReportFilters extends AbstractExtension {
  @Override
  public Map<String, Filter> getFilters() {
    return Map.of("css_string", filter(List.of(), (in, args) -> ReportModel.cssString(in.toString())),
        "plural", filter(List.of("n"), (in, args) -> ReportModel.plural(in.toString(),
            ((Number) args.get("n")).intValue())),
        "join_and", filter(List.of(), (in, args) -> ReportModel.joinAnd(((List<?>) in).stream()
            .map(String::valueOf).toList())),
        "lower_first", filter(List.of(), (in, args) -> ReportModel.lowerFirst(in.toString())));
  }

  private interface Body {
    Object apply(Object input, Map<String, Object> args);
  }

  private static Filter filter(List<String> names, Body body) {
    return new Filter() {
      @Override
      public List<String> getArgumentNames() {
        return names;
      }

      @Override
      public @Nullable Object apply(@Nullable Object input, Map<String, Object> args, PebbleTemplate self,
          EvaluationContext context, int lineNumber) {
        return input == null ? null : body.apply(input, args);
      }
    };
  }
}
