package dev.insight.core.consideration;

import dev.insight.core.evidence.Consideration;
import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.PrevalenceId;
import dev.insight.core.evidence.QuoteId;
import dev.insight.core.evidence.Response;
import dev.insight.core.evidence.ThemePrevalence;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The case study's programme as written before considerations were kept, and the same with some recorded. */
final class Fixtures {
  static final String OLD_FILE = "programme-0.1.json";

  private Fixtures() {}

  static Programme oldProgramme() {
    try (InputStream in = Fixtures.class.getResourceAsStream(OLD_FILE)) {
      return ProgrammeJson.read(in, OLD_FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ThemePrevalence tooMany() {
    return new ThemePrevalence(PrevalenceId.of("P-detail"), "needs detail on delivery, monitoring and evaluation",
        ActivityId.of("staff-survey"), 0.12, 0.078, 0.176, 0.95, 180, 180.0, "logit, Taylor linearisation");
  }

  static Consideration board(LocalDate day, String... findings) {
    return new Consideration("Integrated care partnership board", day,
        List.of(findings).stream().map(FindingId::of).toList(), List.of(PrevalenceId.of("P-detail")),
        List.of(QuoteId.of("Q-fg-poverty")), List.of(ActivityId.of("staff-survey")), "Reduce to six priorities.");
  }

  /** The old programme with a prevalence and two considerations of the first response. */
  static Programme considered() {
    Programme old = oldProgramme().with(List.of(tooMany()), "County", Visibility.PUBLIC);
    List<Response> responses = new ArrayList<>(old.responses());
    responses.set(0, responses.get(0).considered(board(LocalDate.of(2022, 10, 20), "F-survey-too-many"))
        .considered(board(LocalDate.of(2022, 11, 3), "F-survey-too-many", "F-survey-positive")));
    return old.withResponses(responses);
  }
}
