package dev.insight.codeframe.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.learn.CodedExample;
import dev.insight.codeframe.learn.CodedExamples;
import dev.insight.codeframe.learn.LabelMode;
import dev.insight.codeframe.learn.LearnedCoder;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.TextVariable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoderTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private static final Codeframe FRAME = Codeframe.builder("visits").version("1")
      .add(Code.builder(CodeId.of("parking"), "Parking").rule("park*").build())
      .add(Code.builder(CodeId.of("staff"), "Staff").rule("nurse OR staff").build())
      .build();

  @Test
  void commentsOfADataset_areItsNonBlankCommentsByRespondentId() {
    Dataset survey = Dataset.builder(List.of("r1", "r2", "r3", "r4"))
        .add(TextVariable.of("comment", "Any comments?", Arrays.asList("no parking", null, "  ", "kind nurse")))
        .build();

    Comments comments = Comments.of(survey, "comment");

    assertThat(comments.units()).containsExactly(UnitId.of("r1"), UnitId.of("r4"));
    assertThat(comments.texts()).containsExactly("no parking", "kind nurse");
  }

  @Test
  void comments_sameUnitTwice_isRefusedNamingIt() {
    assertThatThrownBy(() -> Comments.of(List.of(UnitId.of("r1"), UnitId.of("r1")), List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unit r1 is given twice");
  }

  @Test
  void rules_asACoder_giveTheSameCodingAsTheMapForm() {
    Comments comments = Comments.of(List.of(UnitId.of("r1"), UnitId.of("r2")), List.of("no parking", "kind nurse"));
    Coder coder = RuleCoder.of(FRAME);

    Coding coding = coder.code(comments, AT);

    assertThat(coding.assignments()).isEqualTo(RuleCoder.of(FRAME).code(comments.byUnit(), AT).assignments());
    assertThat(coding.countsBySource().get(CodeId.of("parking"))).isEqualTo(new Coding.SourceCounts(0, 1, 0));
    assertThat(coding.unitsBySource()).isEqualTo(new Coding.SourceCounts(0, 2, 0));
  }

  @Test
  void learnedModel_asACoder_givesModelProvenanceAndCountsAsModel() {
    List<CodedExample> examples = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      examples.add(CodedExample.of("could not park the car " + i, CodeId.of("parking")));
      examples.add(CodedExample.of("the nurse was kind " + i, CodeId.of("staff")));
    }
    LearnedCoder model = LearnedCoder.train(new CodedExamples(LabelMode.MULTI_LABEL,
        List.of(CodeId.of("parking"), CodeId.of("staff")), examples));
    Comments comments = Comments.of(List.of(UnitId.of("r1")), List.of("nowhere to park the car"));

    Coding coding = model.coder(FRAME, "v.model").code(comments, AT);

    assertThat(coding.codes(UnitId.of("r1"))).containsExactly(CodeId.of("parking"));
    assertThat(coding.assignments().get(0).provenance()).isInstanceOf(Provenance.Model.class);
    assertThat(coding.countsBySource().get(CodeId.of("parking"))).isEqualTo(new Coding.SourceCounts(0, 0, 1));
  }

  @Test
  void manual_codedCommentMissingFromTheData_isAnErrorNamingIt() {
    Coding decisions = Coding.builder(FRAME)
        .assign(UnitId.of("r1"), CodeId.of("staff"), new Provenance.Human("ann", AT))
        .assign(UnitId.of("r9"), CodeId.of("staff"), new Provenance.Human("ann", AT)).build();
    Comments comments = Comments.of(List.of(UnitId.of("r1")), List.of("kind nurse"));

    assertThatThrownBy(() -> Coder.manual(decisions).code(comments, AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the coded comments: 1 coded comment id(s) are not comments of the data, e.g. [r9]");
  }
}
