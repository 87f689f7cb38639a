package dev.insight.codeframe;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodebookCsv;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.rules.RuleCoder;
import dev.insight.codeframe.rules.RuleMatch;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fixtures from the real NHS data end to end: codeframe, manual coding, nets, rules. */
class RealDataTest {

  private static Reader resource(String name) {
    return new InputStreamReader(RealDataTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8);
  }

  private static Codeframe twoLevel() {
    return CodebookCsv.read(resource("patient-feedback/fft-two-level-codebook.csv"), "fft-two-level-codebook.csv",
        "fft-two-level", "");
  }

  private static Map<UnitId, String> comments() throws IOException {
    Map<UnitId, String> comments = new LinkedHashMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(
        resource("patient-feedback/fft-two-level-excerpt.csv"))) {
      for (NamedCsvRecord row : csv) {
        comments.put(UnitId.of(row.getField("row_index")), row.getField("feedback"));
      }
    }
    return comments;
  }

  @Test
  void humanCodes_asDataset_netsCountEachRespondentOncePerCategory() throws IOException {
    Coding coding = CodedFileReader.list(twoLevel(), "code", ";").idColumn("row_index").coder("nhs")
        .at(Instant.EPOCH).read(resource("patient-feedback/fft-two-level-excerpt.csv"), "excerpt.csv").coding();
    List<String> ids = comments().keySet().stream().map(UnitId::value).collect(Collectors.toList());

    Dataset data = coding.addTo(Dataset.builder(ids).build(), "improve", "What could be improved?");

    MultiResponseVariable nets = data.multiResponse("improve_nets");
    Map<String, Integer> byNet = new LinkedHashMap<>();
    int[] counts = nets.counts();
    for (int i = 0; i < counts.length; i++) {
      byNet.put(nets.options().get(i).code(), counts[i]);
    }
    // counted in the file: 14 care received, 11 staff, 6 communication, 3 couldn't be improved, 2 each for
    // environment and access, 1 each for transition and miscellaneous, none for dignity
    assertThat(byNet).containsEntry("care-received", 14).containsEntry("staff", 11)
        .containsEntry("communication", 6).containsEntry("couldnt-be-improved", 3).containsEntry("dignity", 0);
    assertThat(data.multiResponse("improve").counts()[data.multiResponse("improve").indexOf("cc")]).isEqualTo(9);
  }

  @Test
  void rules_onRealComments_explainWithWordsThatAreInTheComment() throws IOException {
    RuleCoder coder = RuleCoder.of(twoLevel());
    int matches = 0;
    for (String comment : comments().values()) {
      for (RuleMatch match : coder.match(comment)) {
        matches++;
        assertThat(match.words()).isNotEmpty().allSatisfy(word -> assertThat(comment).contains(word));
      }
    }
    assertThat(matches).isGreaterThan(10);
  }

  @Test
  void rules_sameResultsFromManyThreads() throws IOException {
    RuleCoder coder = RuleCoder.of(twoLevel());
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      texts.addAll(comments().values());
    }
    List<List<CodeId>> sequential = texts.stream().map(coder::codes).collect(Collectors.toList());

    List<List<CodeId>> parallel = texts.parallelStream().map(coder::codes).collect(Collectors.toList());

    assertThat(parallel).isEqualTo(sequential);
  }
}
