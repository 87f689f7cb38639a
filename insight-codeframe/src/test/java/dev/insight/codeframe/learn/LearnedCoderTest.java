package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Assignment;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnedCoderTest {
  private static LearnedCoder multi;
  private static LearnedCoder single;

  @BeforeAll
  static void train() {
    multi = LearnedCoder.train(Synthetic.multiLabel(300, 1), Synthetic.options());
    single = LearnedCoder.train(Synthetic.singleLabel(300, 2), Synthetic.options());
  }

  @Test
  void multiLabel_commentAboutTwoCodes_getsBoth() {
    Prediction p = multi.predict("could not find a parking space and then waited hours in the waiting room");

    assertThat(p.assigned()).containsExactly(Synthetic.PARKING, Synthetic.WAITING);
    assertThat(p.probability(Synthetic.PARKING)).isGreaterThan(0.5);
    assertThat(p.probability(Synthetic.STAFF)).isLessThan(0.5);
  }

  @Test
  void multiLabel_heldOutSyntheticComments_mostlyExactlyRight() {
    CodedExamples test = Synthetic.multiLabel(200, 99);
    List<Prediction> predictions = multi.predictAll(test.texts());

    EvaluationReport report = CrossValidation.score(test, predictions, 1, 0, 0);

    // the codes have disjoint words, so a working learner is nearly perfect; 0.9 leaves room for the
    // comments whose random filler hides a code
    assertThat(report.microF1()).isGreaterThan(0.9);
  }

  @Test
  void singleLabel_givesOneCodeWithNormalisedProbabilities() {
    Prediction p = single.predict("the nurse and the doctor were friendly staff");

    assertThat(p.assigned()).containsExactly(Synthetic.STAFF);
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      sum += p.probability(c);
    }
    assertThat(sum).isCloseTo(1, within(1e-9)); // normalised by construction: rounding only
    assertThat(p.confidence()).isEqualTo(p.probability(Synthetic.STAFF));
  }

  @Test
  void emptyComment_isPredictedWithoutFailing() {
    Prediction p = multi.predict("");

    assertThat(p.confidence()).isBetween(0.0, 1.0);
    assertThat(p.assigned()).hasSize(1); // every training comment had a code, so the model gives one
  }

  @Test
  void abstention_aboveEveryConfidence_leavesAllForAPerson() {
    List<Prediction> predictions = multi.withAbstention(1).predictAll(List.of("parking", "nurse"));

    AbstentionReport report = AbstentionReport.of(predictions, 1);

    assertThat(report.coded()).isZero();
    assertThat(report.abstained()).isEqualTo(2);
    assertThat(report.describe()).contains("coded 0 of 2 comments").contains("2 left for a person");
  }

  @Test
  void abstention_forPrecision_codesConfidentOnesWithExpectedPrecision() {
    double threshold = multi.confidenceForPrecision(0.95);
    List<Prediction> predictions = multi.withAbstention(threshold).predictAll(Synthetic.multiLabel(100, 5).texts());

    AbstentionReport report = AbstentionReport.of(predictions, threshold);

    assertThat(report.coded()).isPositive();
    assertThat(report.expectedPrecision()).isBetween(0.5, 1.0);
  }

  @Test
  void saveAndLoad_givesTheSamePredictions(@TempDir Path folder) {
    Path file = folder.resolve("model.bin");
    multi.save(file);

    LearnedCoder loaded = LearnedCoder.load(file);

    String text = "rude receptionist and a long wait";
    Prediction before = multi.predict(text);
    Prediction after = loaded.predict(text);
    assertThat(after.assigned()).isEqualTo(before.assigned());
    for (int c = 0; c < 3; c++) {
      assertThat(after.probability(c)).isEqualTo(before.probability(c));
    }
    assertThat(loaded.modelId()).isEqualTo(multi.modelId());
    assertThat(loaded.codes()).isEqualTo(multi.codes());
    assertThat(loaded.mode()).isEqualTo(LabelMode.MULTI_LABEL);
  }

  @Test
  void load_otherFormatVersion_failsSayingWhichVersions(@TempDir Path folder) throws IOException {
    byte[] bytes = bytes(multi);
    bytes[11] = 9; // the version int follows the 8 magic bytes, big-endian
    Path file = folder.resolve("future.model");
    Files.write(file, bytes);

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": model format version 9, but this version of insight reads version 4; train the "
            + "model again with this version");
  }

  @Test
  void load_previousFormatVersion_failsSayingWhichVersions(@TempDir Path folder) throws IOException {
    byte[] bytes = bytes(multi);
    bytes[11] = 3; // format 3 was a GZIP stream without a stated length
    Path file = folder.resolve("old.model");
    Files.write(file, bytes);

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": model format version 3, but this version of insight reads version 4; train the "
            + "model again with this version");
  }

  @Test
  void load_notAModel_failsClearly(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("notes.txt");
    Files.writeString(file, "just some text");

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("notes.txt: not an insight learned-coder model");
  }

  @Test
  void load_truncated_failsAsCorrupt(@TempDir Path folder) throws IOException {
    byte[] bytes = bytes(multi);
    Path file = folder.resolve("cut.model");
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("cut.model: corrupt or truncated model file");
  }

  @Test
  void load_flippedByte_failsAsCorrupt(@TempDir Path folder) throws IOException {
    byte[] bytes = bytes(multi);
    bytes[bytes.length / 2] ^= 0x55; // inside the weights: only the checksum can tell
    Path file = folder.resolve("flipped.model");
    Files.write(file, bytes);

    assertThatThrownBy(() -> LearnedCoder.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": corrupt or truncated model file (its checksum does not match its content)");
  }

  @Test
  void train_tooFewExamples_failsNamingTheCount() {
    CodedExamples two = Synthetic.multiLabel(2, 3);

    assertThatThrownBy(() -> LearnedCoder.train(two, Synthetic.options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("training needs at least 3 coded comments (one per calibration fold), got 2");
  }

  @Test
  void toCoding_everyAssignmentCarriesModelProvenanceWithConfidence() {
    Codeframe frame = Codeframe.builder("visits").version("1").code("parking", "Parking", null)
        .code("staff", "Staff", null).code("waiting", "Waiting", null).build();
    Instant at = Instant.parse("2026-11-23T06:00:00Z");

    Coding coding = multi.toCoding(frame, List.of(UnitId.of("r1"), UnitId.of("r2")),
        List.of("no parking space at all", "friendly staff"), "visits.model", at);

    assertThat(coding.codes(UnitId.of("r1"))).containsExactly(Synthetic.PARKING);
    assertThat(coding.assignments()).isNotEmpty().allSatisfy(a -> {
      assertThat(a.provenance()).isInstanceOf(Provenance.Model.class);
      Provenance.Model model = (Provenance.Model) a.provenance();
      assertThat(model.model()).startsWith("visits.model insight-learned-coder/4 ");
      assertThat(model.at()).isEqualTo(at);
    });
    Assignment parking = coding.assignment(UnitId.of("r1"), Synthetic.PARKING).orElseThrow();
    assertThat(parking.provenance().confidence().getAsDouble())
        .isEqualTo(multi.predict("no parking space at all").probability(Synthetic.PARKING));
  }

  @Test
  void toCoding_codeNotInFrame_failsNamingIt() {
    Codeframe frame = Codeframe.builder("visits").version("1").code("parking", "Parking", null).build();

    assertThatThrownBy(() -> multi.toCoding(frame, List.of(UnitId.of("r1")), List.of("x"), "m", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the model's code 'staff' is not a codable code of the frame visits");
  }

  private static byte[] bytes(LearnedCoder coder) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.write(out);
    return out.toByteArray();
  }
}
