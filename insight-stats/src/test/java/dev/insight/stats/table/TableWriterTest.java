package dev.insight.stats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insight.stats.design.SurveyDesign;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTest {
  private final BannerTable table = BannerTables.compute(SurveyDesign.builder(TableFixtures.twoGroups()).build(),
      TableSpec.of(List.of(RowSpec.categories("answer"), RowSpec.mean("score")), List.of("group")));

  private byte[] bytes(TableFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableWriter.write(table, format, out);
    return out.toByteArray();
  }

  @Test
  void csv_oneLinePerCellWithEveryFigure() {
    String[] lines = new String(bytes(TableFormat.CSV), StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).startsWith("question,row_code,row_label,row_kind,column_variable");
    assertThat(lines).hasSize(1 + 3 * 4);
    assertThat(lines[2]).isEqualTo("answer,yes,yes,category,group,A,A,A,100,100,100,ok,60,60,60,,,,,,,,B,higher,false");
    assertThat(lines[4]).startsWith("answer,yes,yes,category,group,C,C,C,0,0,0,empty,0,0,,");
  }

  @Test
  void json_nanIsNullAndTheStructureIsComplete() throws Exception {
    JsonNode root = new ObjectMapper().readTree(bytes(TableFormat.JSON));
    assertThat(root.path("columns")).hasSize(4);
    JsonNode yesC = root.path("blocks").get(0).path("rows").get(0).path("cells").get(3);
    assertThat(yesC.path("columnPercent").isNull()).isTrue();
    assertThat(root.path("blocks").get(1).path("rows").get(0).path("cells").get(0).path("mean").asDouble())
        .isEqualTo(3.0);
    assertThat(root.path("blocks").get(0).path("tests").get(0).path("banner").asText()).isEqualTo("group");
  }

  @Test
  void text_showsPercentagesLettersAndFlags() {
    String text = TableWriter.toText(table);
    assertThat(text).contains("60.0% B+").contains("Effective base").contains("Rao-Scott answer x group");
    assertThat(text.lines().filter(l -> l.startsWith("Unweighted base")).findFirst().orElseThrow())
        .endsWith("0~");
  }

  @Test
  void xlsx_isAWorkbook() {
    byte[] xlsx = bytes(TableFormat.XLSX);
    assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
  }

  @Test
  void formatForFileName_rejectsOtherExtensions() {
    assertThat(TableFormat.forFileName("T.XLSX")).isEqualTo(TableFormat.XLSX);
    assertThatThrownBy(() -> TableFormat.forFileName("t.pdf"))
        .hasMessage("output t.pdf: the extension must be .csv, .json, .xlsx or .txt");
  }

  @Test
  void quantileRow_writesItsValueIntervalAndStandardErrorInEveryFormat() throws Exception {
    BannerTable quantiles = BannerTables.compute(SurveyDesign.builder(TableFixtures.twoGroups()).build(),
        TableSpec.of(List.of(RowSpec.median("score")), List.of("group")));
    Cell total = quantiles.blocks().get(0).rows().get(0).cells().get(0);
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    TableWriter.write(quantiles, TableFormat.CSV, csv);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    TableWriter.write(quantiles, TableFormat.JSON, json);

    String[] lines = csv.toString(StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).contains(",mean,sd,quantile,se,ci_low,ci_high,letters,");
    assertThat(lines[1]).startsWith("score,0.5,Median,quantile,,Total,Total,,");
    JsonNode cell = new ObjectMapper().readTree(json.toByteArray()).path("blocks").get(0).path("rows").get(0)
        .path("cells").get(0);
    assertThat(cell.path("quantile").asDouble()).isEqualTo(total.quantile());
    assertThat(cell.path("ciLow").isNull()).isEqualTo(Double.isNaN(total.ciLow()));
    assertThat(cell.path("mean").isNull()).isTrue();
    assertThat(TableWriter.toText(quantiles)).contains("Median", "  95% CI");
  }
}
