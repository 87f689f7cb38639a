package dev.insight.codeframe.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.Revision;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodingTest {
  private static final Provenance ANN = new Provenance.Human("ann", Instant.parse("2026-01-01T10:00:00Z"));

  static Codeframe frame() {
    return Codeframe.builder("feedback").version("1")
        .net("staff", "Staff", null)
        .code("sa", "Attitude of staff", "staff")
        .code("sl", "Staffing levels", "staff")
        .code("wa", "Waiting", null)
        .reserved("na", "No answer", Reserved.NO_ANSWER)
        .build();
  }

  private static UnitId u(String id) {
    return UnitId.of(id);
  }

  private static CodeId c(String id) {
    return CodeId.of(id);
  }

  @Test
  void assign_unknownCode_failsNamingUnitAndCode() {
    assertThatThrownBy(() -> Coding.builder(frame()).assign(u("r1"), c("zz"), ANN))
        .hasMessage("unit r1: unknown code zz (not in codeframe feedback)");
  }

  @Test
  void assign_net_failsSayingItIsANet() {
    assertThatThrownBy(() -> Coding.builder(frame()).assign(u("r1"), c("staff"), ANN))
        .hasMessageContaining("staff is a net of codeframe feedback, not a codable code");
  }

  @Test
  void build_noneCodeWithAnotherCode_failsNamingBoth() {
    Coding.Builder builder = Coding.builder(frame()).assign(u("r1"), c("na"), ANN).assign(u("r1"), c("sa"), ANN);

    assertThatThrownBy(builder::build).hasMessage("unit r1: code na excludes every other code, but the unit also has [sa]");
  }

  @Test
  void toVariables_netCountsRespondentOnce_andUncodedIsMissing() {
    Coding coding = Coding.builder(frame())
        .assign(u("r1"), c("sa"), ANN).assign(u("r1"), c("sl"), ANN)
        .assign(u("r2"), c("wa"), ANN)
        .unit(u("r3"))
        .build();
    Dataset data = Dataset.builder(List.of("r1", "r2", "r3", "r4")).build();

    Dataset coded = coding.addTo(data, "q1", "Comments");

    MultiResponseVariable codes = coded.multiResponse("q1");
    MultiResponseVariable nets = coded.multiResponse("q1_nets");
    assertThat(codes.options()).extracting(o -> o.code()).containsExactly("sa", "sl", "wa", "na");
    assertThat(codes.counts()).containsExactly(1, 1, 1, 0);
    assertThat(nets.options()).extracting(o -> o.code()).containsExactly("staff");
    assertThat(nets.counts()).containsExactly(1);
    assertThat(codes.mentions(0)).isEqualTo(2);
    assertThat(codes.isMissing(2)).isFalse();
    assertThat(codes.isMissing(3)).isTrue();
  }

  @Test
  void toVariables_unitNotInDataset_failsNamingIt() {
    Coding coding = Coding.builder(frame()).assign(u("ghost"), c("sa"), ANN).build();

    assertThatThrownBy(() -> coding.toVariables("q1", "Q", Dataset.builder(List.of("r1")).build()))
        .hasMessage("coding of q1: unit(s) [ghost] are not respondents of the dataset");
  }

  @Test
  void recode_mergedCodesBecomeOne_splitCodeFlagsTheUnit() {
    Codeframe v1 = frame();
    Revision revision = v1.revise("2")
        .merge(List.of(c("sa"), c("sl")), c("sa"))
        .split(c("wa"), c("w1"), List.of(Code.of("w1", "Waiting first"), Code.of("w2", "Waiting between")))
        .build();
    Coding wave1 = Coding.builder(v1)
        .assign(u("r1"), c("sa"), ANN).assign(u("r1"), c("sl"), ANN)
        .assign(u("r2"), c("wa"), ANN)
        .build();

    Coding.Recoded recoded = wave1.recode(revision);

    assertThat(recoded.coding().codes(u("r1"))).containsExactly(c("sa"));
    assertThat(recoded.coding().codes(u("r2"))).containsExactly(c("w1"));
    assertThat(recoded.toReview()).containsExactly(u("r2"));
    assertThat(recoded.coding().codeframe().version()).isEqualTo("2");
  }

  @Test
  void provenance_modelCarriesConfidence_humanHasNone() {
    Provenance model = new Provenance.Model("svm v1", 0.8, List.of("rude"), Instant.EPOCH);

    assertThat(model.confidence()).hasValue(0.8);
    assertThat(ANN.confidence()).isEmpty();
    assertThatThrownBy(() -> new Provenance.Model("m", 1.5, List.of(), Instant.EPOCH))
        .hasMessage("model m: score must be in [0, 1], not 1.5");
  }
}
