package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCommandTest {
  @TempDir
  Path dir;

  private Path data;
  private Path weights;
  private Path margins;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Path copy(String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/tables/" + name))) {
      Files.copy(in, target);
    }
    return target;
  }

  @BeforeEach
  void files() throws IOException {
    data = copy("staff_survey.csv");
    weights = copy("expected_rake_weights.csv");
    margins = copy("margins.csv");
  }

  private int run(String... args) {
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void weightsFile_jsonTable_carriesTheGoldenRaoScottTest() throws IOException {
    Path json = dir.resolve("t.json");
    int code = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "pri_*,contact", "--banner", "sector", "--out", json.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    JsonNode test = root.path("blocks").get(0).path("tests").get(0);
    assertThat(test.path("row").asText()).isEqualTo("pri_workforce");
    // expected_sector_tests.csv, pri_workforce: F = 2.02336896362
    assertThat(test.path("f").asDouble()).isCloseTo(2.02336896362, withinPercentage(1e-4));
    assertThat(root.path("columns")).hasSize(6);
    assertThat(out.toString()).contains("2 questions x 6 columns");
  }

  @Test
  void margins_rakeFirst_andEveryFormatIsWritten() throws IOException {
    for (String name : List.of("t.txt", "t.csv", "t.xlsx")) {
      Path file = dir.resolve(name);
      int code = run("table", "--data", data.toString(), "--id", "id", "--margins", margins.toString(), "--rows",
          "pri_*", "--banner", "sector,contact", "--filter", "commented = 1", "--correction", "bh", "--suppress",
          "nhs", "--out", file.toString());
      assertThat(code).as(err.toString()).isZero();
      assertThat(Files.size(file)).isPositive();
    }
    String text = Files.readString(dir.resolve("t.txt"), StandardCharsets.UTF_8);
    assertThat(text).contains("Weights: weighted to margins.csv: raked (iterative proportional fitting), starting "
        + "from equal weights").contains("Respondents: 180 of 759")
        .contains("counts of 1 to 7 hidden");
  }

  @Test
  void missingRowVariable_failsNamingItAndWritesNothing() {
    Path file = dir.resolve("t.csv");
    int code = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "priority", "--banner", "sector", "--out", file.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("row variable priority does not exist in staff_survey.csv; the columns are");
    assertThat(file).doesNotExist();
  }

  @Test
  void filterKeepingNobody_failsSayingSo() {
    Path file = dir.resolve("t.csv");
    int code = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "contact", "--banner", "sector", "--filter", "sector = NHS and commented = 2", "--out", file.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("filter: variable commented has no category 2; it has [0, 1]");
    code = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "contact", "--banner", "sector", "--filter", "sector = VCFSE and sector = NHS", "--out", file.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("filter (sector = VCFSE and sector = NHS) keeps no respondent (of 759)");
    assertThat(file).doesNotExist();
  }

  @Test
  void nanWeight_failsNamingTheRespondentAndLine() throws IOException {
    List<String> lines = Files.readAllLines(weights);
    lines.set(3, "R0003,NaN");
    Files.write(weights, lines);
    int code = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "contact", "--banner", "sector", "--out", dir.resolve("t.csv").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualToIgnoringNewLines("insight table: " + weights + ":4: column \"weight\", value "
        + "\"NaN\", weight of respondent R0003 is not a number; a weight is a number of 0 or more (0 leaves the "
        + "respondent out of the weighted sample)");
  }

  @Test
  void badSuppressionRule_failsWithTheAcceptedForms() {
    int code = run("table", "--data", data.toString(), "--id", "id", "--weights", weights.toString(), "--rows",
        "contact", "--suppress", "round5", "--out", dir.resolve("t.csv").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("suppression round5: expected none, nhs or threshold:N");
  }

  @Test
  void clusterDesign_raoScottMatchesSvychisqOnDclus1() throws IOException {
    Path api = copy("apiclus1.csv");
    Path json = dir.resolve("api.json");
    int code = run("table", "--data", api.toString(), "--id", "snum", "--weight", "pw", "--cluster", "dnum",
        "--fpc", "fpc", "--rows", "sch.wide", "--banner", "stype", "--out", json.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode test = new ObjectMapper().readTree(json.toFile()).path("blocks").get(0).path("tests").get(0);
    // expected_api_estimates.csv: svychisq(sch.wide+stype) under dclus1, F = 5.19336954147, p = 0.0217474623708
    assertThat(test.path("f").asDouble()).isCloseTo(5.19336954147, withinPercentage(1e-4));
    assertThat(test.path("fPValue").asDouble()).isCloseTo(0.0217474623708, withinPercentage(1e-4));
  }

  @Test
  void codedFile_joinedById_tabulatesItsCodesAndNets() throws IOException {
    Path frame = dir.resolve("frame.json");
    dev.insight.codeframe.interchange.CodeframeFiles.write(dev.insight.codeframe.Codeframe.builder("comments")
        .version("1").net("people", "People", null).code("staff", "Staff", "people").code("carers", "Carers", "people")
        .code("money", "Funding", null).build(), frame);
    Path coded = dir.resolve("coded.csv");
    Files.writeString(coded, "id,code,by,source,confidence,at,evidence\n"
        + "R0001,staff,human,ann,,2026-12-01T10:00:00Z,\n"
        + "R0001,money,human,ann,,2026-12-01T10:00:00Z,\n"
        + "R0002,carers,model,m,0.9100,2026-12-01T10:00:00Z,\n"
        + "R0003,,,,,,\n");
    Path table = dir.resolve("t.csv");

    int code = run("table", "--data", data.toString(), "--id", "id", "--unweighted", "--rows", "codes,codes_nets",
        "--coding", coded.toString(), "--codeframe", frame.toString(), "--out", table.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(table)).contains("Staff", "Carers", "Funding", "People");
  }

  @Test
  void codedFileWithAnIdNotInTheData_isAnErrorNamingIt() throws IOException {
    Path frame = dir.resolve("frame.json");
    dev.insight.codeframe.interchange.CodeframeFiles.write(dev.insight.codeframe.Codeframe.builder("comments")
        .version("1").code("staff", "Staff", null).build(), frame);
    Path coded = dir.resolve("coded.csv");
    Files.writeString(coded, "id,code,by,source,confidence,at,evidence\nNOBODY,staff,human,ann,,2026-12-01T10:00:00Z,\n");

    int code = run("table", "--data", data.toString(), "--id", "id", "--unweighted", "--rows", "codes",
        "--coding", coded.toString(), "--codeframe", frame.toString(), "--out", dir.resolve("t.csv").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(coded + ":2: column \"id\", value \"NOBODY\", not an id of " + data
        + ": a coded comment must be one of the data's");
  }

  @Test
  void twoCodedFilesThatDisagree_isAConflictReportNamingEachFileAndLine() throws IOException {
    Path frame = dir.resolve("frame.json");
    dev.insight.codeframe.interchange.CodeframeFiles.write(dev.insight.codeframe.Codeframe.builder("comments")
        .version("1").code("staff", "Staff", null).code("pay", "Pay", null).build(), frame);
    String id = Files.readAllLines(data).get(1).split(",")[0].replace("\"", "");
    Path ann = dir.resolve("ann.csv");
    Files.writeString(ann, "id,code,by,source,confidence,at,evidence\n" + id + ",staff,human,ann,,2026-12-01T10:00:00Z,\n");
    Path bob = dir.resolve("bob.csv");
    Files.writeString(bob, "id,code,by,source,confidence,at,evidence\n" + id + ",pay,human,bob,,2026-12-01T10:00:00Z,\n");

    int code = run("table", "--data", data.toString(), "--id", "id", "--unweighted", "--rows", "codes",
        "--coding", ann.toString(), "--coding", bob.toString(), "--codeframe", frame.toString(), "--out",
        dir.resolve("t.csv").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(bob + ":2: column \"id\", value \"" + id + "\", conflicting codes for " + id
        + ": staff in " + ann + " (line 2), pay here");
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void codedFileWithACodeNotInTheCodeframe_isAnErrorNamingFileLineAndValue() throws IOException {
    Path frame = dir.resolve("frame.json");
    dev.insight.codeframe.interchange.CodeframeFiles.write(dev.insight.codeframe.Codeframe.builder("comments")
        .version("1").code("staff", "Staff", null).build(), frame);
    String id = Files.readAllLines(data).get(1).split(",")[0].replace("\"", "");
    Path coded = dir.resolve("coded.csv");
    Files.writeString(coded, "id,code,by,source,confidence,at,evidence\n" + id + ",parking,human,ann,,2026-12-01T10:00:00Z,\n");

    int code = run("table", "--data", data.toString(), "--id", "id", "--unweighted", "--rows", "codes",
        "--coding", coded.toString(), "--codeframe", frame.toString(), "--out", dir.resolve("t.csv").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(coded + ":2: column \"code\", value \"parking\", not a code of the "
        + "codeframe comments 1");
  }

  @Test
  void replicateDesign_raoScottMatchesSvychisq_andLettersAreDesignBased() throws IOException {
    Path api = dir.resolve("apiclus1_replicates.csv");
    try (InputStream in = Objects.requireNonNull(
        getClass().getResourceAsStream("/estimate/apiclus1_replicates.csv"))) {
      Files.copy(in, api);
    }
    Path json = dir.resolve("rep.json");
    int code = run("table", "--data", api.toString(), "--id", "cds", "--weight", "pw", "--repweights", "^jk1_",
        "--type", "JK1", "--scale", Double.toString(14.0 / 15), "--rows", "sch.wide", "--banner", "stype", "--out",
        json.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode table = new ObjectMapper().readTree(json.toFile());
    JsonNode test = table.path("blocks").get(0).path("tests").get(0);
    // expected_replicate_estimates.csv: svychisq(sch.wide+stype) on the JK1 design, F = 4.37545283143,
    // p = 0.0376464043951
    assertThat(test.path("f").asDouble()).isCloseTo(4.37545283143, withinPercentage(1e-4));
    assertThat(test.path("fPValue").asDouble()).isCloseTo(0.0376464043951, withinPercentage(1e-4));
    assertThat(table.path("notes").toString()).contains("design-based t tests").contains("replicate weights");
  }

  @Test
  void marginsWithReplicatesMadeFromTheDesign_rakeEveryReplicate_asRakeOfAnSvyrepDesign() throws IOException {
    Path api = dir.resolve("apiclus1_replicates.csv");
    Path margins = dir.resolve("replicate_weighting_margins.csv");
    for (String[] file : new String[][] {{"/estimate/apiclus1_replicates.csv", api.toString()},
        {"/estimate/replicate_weighting_margins.csv", margins.toString()}}) {
      try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(file[0]))) {
        Files.copy(in, Path.of(file[1]));
      }
    }
    Path json = dir.resolve("raked.json");
    int code = run("table", "--data", api.toString(), "--id", "cds", "--margins", margins.toString(), "--cluster",
        "dnum", "--replicates", "JK1", "--rows", "awards", "--banner", "stype", "--out", json.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode test = new ObjectMapper().readTree(json.toFile()).path("blocks").get(0).path("tests").get(0);
    // expected_table_replicate_rake.csv (make_replicate_weighting.R): equal starting weights, JK1 replicates of
    // the clusters, every replicate raked to stype and sch.wide
    assertThat(test.path("f").asDouble()).isCloseTo(4.61310902867, withinPercentage(1e-4));
    assertThat(test.path("fPValue").asDouble()).isCloseTo(0.0257633728153, withinPercentage(1e-4));
    assertThat(test.path("ddf").asDouble()).isCloseTo(23.3181912759, withinPercentage(1e-4));
  }
}
