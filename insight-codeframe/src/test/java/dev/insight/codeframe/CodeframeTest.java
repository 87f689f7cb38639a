package dev.insight.codeframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeframeTest {

  static Codeframe staffFrame() {
    return Codeframe.builder("feedback").version("1")
        .net("staff", "Staff", null)
        .code("sa", "Attitude of staff", "staff")
        .code("sl", "Staffing levels", "staff")
        .net("access", "Access", null)
        .net("wait", "Waiting", "access")
        .code("wa", "Waiting for first appointment", "wait")
        .code("wb", "Waiting between appointments", "wait")
        .code("ap", "Provision of services", "access")
        .reserved("na", "No answer", Reserved.NO_ANSWER)
        .reserved("oth", "Other", Reserved.OTHER)
        .build();
  }

  @Test
  void tree_netsChildrenAncestorsAndCodableUnder() {
    Codeframe frame = staffFrame();

    assertThat(frame.roots()).extracting(c -> c.id().value()).containsExactly("staff", "access", "na", "oth");
    assertThat(frame.nets()).extracting(c -> c.id().value()).containsExactly("staff", "access", "wait");
    assertThat(frame.codable()).extracting(c -> c.id().value())
        .containsExactly("sa", "sl", "wa", "wb", "ap", "na", "oth");
    assertThat(frame.ancestors(CodeId.of("wa"))).containsExactly(CodeId.of("wait"), CodeId.of("access"));
    assertThat(frame.codableUnder(CodeId.of("access")))
        .containsExactly(CodeId.of("wa"), CodeId.of("wb"), CodeId.of("ap"));
    assertThat(frame.reserved(Reserved.NO_ANSWER).orElseThrow().isExclusive()).isTrue();
    assertThat(frame.reserved(Reserved.OTHER).orElseThrow().isExclusive()).isFalse();
    assertThat(frame.reserved(Reserved.GIBBERISH)).isEmpty();
  }

  @Test
  void of_duplicateId_failsNamingTheIdAndBothPositions() {
    assertThatThrownBy(() -> Codeframe.of("f", "", List.of(Code.of("a", "A"), Code.of("b", "B"), Code.of("a", "A2"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate code id a (codes 1 and 3)");
  }

  @Test
  void of_cycleOfParents_failsShowingTheCycle() {
    Code a = Code.builder(CodeId.of("a"), "A").parent(CodeId.of("c")).build();
    Code b = Code.builder(CodeId.of("b"), "B").parent(CodeId.of("a")).build();
    Code c = Code.builder(CodeId.of("c"), "C").parent(CodeId.of("b")).build();

    assertThatThrownBy(() -> Codeframe.of("f", "", List.of(a, b, c)))
        .hasMessageContaining("cycle of parents: a -> c -> b -> a");
    assertThat(Codeframe.validate(List.of(a, b, c))).hasSize(1);
  }

  @Test
  void of_unknownParent_failsNamingCodeAndParent() {
    Code a = Code.builder(CodeId.of("a"), "A").parent(CodeId.of("zz")).build();

    assertThatThrownBy(() -> Codeframe.of("f", "", List.of(a))).hasMessageContaining("code a has unknown parent zz");
  }

  @Test
  void of_reservedMeaningTwice_fails() {
    assertThatThrownBy(() -> Codeframe.builder("f").reserved("x", "No answer", Reserved.NO_ANSWER)
        .reserved("y", "Blank", Reserved.NO_ANSWER).build())
        .hasMessageContaining("reserved meaning NO_ANSWER is given to both x and y");
  }

  @Test
  void sentimentVariants_addNetAndOneCodePerSentiment() {
    Codeframe frame = Codeframe.builder("f")
        .sentimentVariants("staff", "Staff", null, Sentiment.POSITIVE, Sentiment.NEGATIVE).build();

    assertThat(frame.codable()).extracting(Code::label).containsExactly("Staff (positive)", "Staff (negative)");
    assertThat(frame.code(CodeId.of("staff-negative")).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(frame.isNet(CodeId.of("staff"))).isTrue();
  }

  @Test
  void revise_renameMergeSplitMove_mapsEveryOldCode() {
    Codeframe v1 = staffFrame();

    Revision revision = v1.revise("2")
        .rename(CodeId.of("sa"), "Staff attitude")
        .merge(List.of(CodeId.of("wa"), CodeId.of("wb")), CodeId.of("wa"))
        .split(CodeId.of("ap"), CodeId.of("ap1"), List.of(Code.of("ap1", "Services exist"),
            Code.of("ap2", "Choice of services")))
        .move(CodeId.of("sl"), CodeId.of("access"))
        .build();

    Codeframe v2 = revision.to();
    assertThat(v2.version()).isEqualTo("2");
    assertThat(v2.code(CodeId.of("sa")).label()).isEqualTo("Staff attitude");
    assertThat(v2.contains(CodeId.of("wb"))).isFalse();
    assertThat(v2.code(CodeId.of("ap2")).parent()).isEqualTo(CodeId.of("access"));
    assertThat(v2.code(CodeId.of("sl")).parent()).isEqualTo(CodeId.of("access"));
    assertThat(revision.map(CodeId.of("wb"))).isEqualTo(CodeId.of("wa"));
    assertThat(revision.map(CodeId.of("ap"))).isEqualTo(CodeId.of("ap1"));
    assertThat(revision.map(CodeId.of("sa"))).isEqualTo(CodeId.of("sa"));
    assertThat(revision.needsReview()).containsExactly(CodeId.of("ap"));
    assertThat(revision.changes()).hasSize(4);
  }

  @Test
  void revise_moveIntoOwnDescendant_failsAsACycle() {
    assertThatThrownBy(() -> staffFrame().revise("2").move(CodeId.of("access"), CodeId.of("wait")).build())
        .hasMessageContaining("cycle of parents");
  }

  @Test
  void revise_mergeIntoUnknownCode_failsNamingIt() {
    assertThatThrownBy(() -> staffFrame().revise("2").merge(List.of(CodeId.of("sa")), CodeId.of("nope")))
        .hasMessageContaining("merge: codeframe feedback (as revised so far) has no code nope");
  }
}
