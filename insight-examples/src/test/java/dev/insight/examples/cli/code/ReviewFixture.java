package dev.insight.examples.cli.code;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.coding.UnitId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A small codeframe with a net, and comments whose codes a test can tell from their words. */
final class ReviewFixture {
  static final Codeframe FRAME = Codeframe.builder("visits").version("1")
      .net("staff", "Staff", null)
      .add(Code.builder(CodeId.of("attitude"), "Staff attitude").parent(CodeId.of("staff"))
          .description("How staff treated the patient").example("the nurse was kind").build())
      .code("numbers", "Staffing levels", "staff")
      .code("parking", "Parking", null)
      .reserved("none", "No answer", Reserved.NO_ANSWER)
      .build();

  private ReviewFixture() {}

  /** 60 comments: r0..r59, about parking (even) or staff attitude (odd). */
  static Comments comments() {
    List<UnitId> units = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      units.add(UnitId.of("r" + i));
      texts.add(i % 2 == 0 ? "could not find a parking space, car park full " + i
          : "the nurse was kind and the staff were friendly " + i);
    }
    return Comments.of(units, texts);
  }

  static CodeId truth(UnitId unit) {
    int i = Integer.parseInt(unit.value().substring(1));
    return CodeId.of(i % 2 == 0 ? "parking" : "attitude");
  }

  static ReviewState state(Path coded, int firstModelAt) {
    return state(coded, firstModelAt, firstModelAt);
  }

  static ReviewState state(Path coded, int firstModelAt, int suggestionsFrom) {
    return new ReviewState(FRAME, comments(), coded, 0.9, 42, Clock.systemUTC(), firstModelAt, suggestionsFrom);
  }
}
