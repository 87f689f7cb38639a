package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No CSV (or XLSX) output of a command has a text cell a spreadsheet would run as a formula; negative numbers stay
 * numbers, and insight reads its own neutralised outputs back exactly.
 */
class FormulaInjectionTest {
  @TempDir
  Path dir;

  private Path survey;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws IOException {
    survey = dir.resolve("survey.csv");
    Files.writeString(survey, """
        id,grp,y,w
        =1+1,A,-3,1
        -5,A,-1,2
        +44 20 7946 0958,@SUM(A1:A9),2,1
        p4,@SUM(A1:A9),4,1
        p5,A,-2,1
        p6,-cmd,1,1
        p7,-cmd,3,1
        """, StandardCharsets.UTF_8);
  }

  private int run(String... args) {
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void weight_idsThatLookLikeFormulas_areNeutralised_andEstimateReadsThemBack() throws IOException {
    Path margins = dir.resolve("m.csv");
    Files.writeString(margins, "variable,category,target\ngrp,A,0.5\ngrp,@SUM(A1:A9),0.3\ngrp,-cmd,0.2\n");
    Path weights = dir.resolve("w.csv");

    int code = run("weight", "--data", survey.toString(), "--id", "id", "--margins", margins.toString(), "--out",
        weights.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> written = lines(weights);
    assertThat(written.get(1)).startsWith("'=1+1,");
    assertThat(written.get(2)).startsWith("-5,");
    assertThat(written.get(3)).startsWith("'+44 20 7946 0958,");
    Path estimates = dir.resolve("e.csv");
    assertThat(run("estimate", "--data", survey.toString(), "--id", "id", "--weights", weights.toString(), "--mean",
        "y", "--out", estimates.toString())).as(err.toString()).isZero();
    assertThat(err.toString()).as("every respondent found its weight").doesNotContain("no weight");
  }

  @Test
  void estimateBy_subgroupsThatLookLikeFormulas_areNeutralised_negativeEstimatesStayNumbers() throws IOException {
    Path estimates = dir.resolve("e.csv");

    int code = run("estimate", "--data", survey.toString(), "--id", "id", "--weight", "w", "--mean", "y", "--by",
        "grp", "--out", estimates.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> written = lines(estimates);
    assertThat(written).anySatisfy(l -> assertThat(l).startsWith("'@SUM(A1:A9),2,"))
        .anySatisfy(l -> assertThat(l).startsWith("'-cmd,2,"));
    String groupA = written.stream().filter(l -> l.startsWith("A,")).findFirst().orElseThrow();
    // (-3*1 - 1*2 - 2*1) / 4 = -1.75: a number, not neutralised text
    assertThat(groupA.split(",")[4]).isEqualTo("-1.75");
  }

  @Test
  void codeApplyExplain_labelsAndIdsThatLookLikeFormulas_areNeutralised() throws IOException {
    Path codeframe = dir.resolve("c.csv");
    Files.writeString(codeframe, "code,label,parent,description,rule\n"
        + "park,\"=HYPERLINK(\"\"http://example.org/x\"\",\"\"parking\"\")\",,,park*\n");
    Path comments = dir.resolve("comments.csv");
    Files.writeString(comments, "id,comment\n=2+3,no parking anywhere\n@x,fine\n");
    Path coded = dir.resolve("coded.csv");
    Path explain = dir.resolve("explain.csv");

    int code = run("code", "apply", "--codeframe", codeframe.toString(), "--data", comments.toString(), "--id", "id",
        "--text", "comment", "--out", coded.toString(), "--explain", explain.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(lines(explain).get(1)).isEqualTo(
        "'=2+3,park,\"'=HYPERLINK(\"\"http://example.org/x\"\",\"\"parking\"\")\",park*,parking");
    List<String> written = lines(coded);
    assertThat(written.get(0)).isEqualTo("id,code,by,source,confidence,at,evidence");
    assertThat(written.get(1)).startsWith("'=2+3,park,rule,park*,,");
    assertThat(written.get(2)).isEqualTo("'@x,,,,,,");
  }

  @Test
  void codePredict_idsThatLookLikeFormulas_areNeutralised() throws IOException {
    StringBuilder train = new StringBuilder("id,comment,Parking,Waiting\n");
    for (int i = 0; i < 40; i++) {
      train.append(i).append(',').append(i % 2 == 0 ? "no parking at the car park" : "waited hours for a long wait")
          .append(',').append(i % 2 == 0 ? "1,0" : "0,1").append('\n');
    }
    Path training = dir.resolve("train.csv");
    Files.writeString(training, train);
    Path model = dir.resolve("m.model");
    assertThat(run("code", "learn", "--train", training.toString(), "--text", "comment", "--code-columns",
        "Parking,Waiting", "--model", model.toString())).as(err.toString()).isZero();
    Path data = dir.resolve("new.csv");
    Files.writeString(data, "ref,comment\n\"=cmd|' /C calc'!A0\",parking\n-7,long wait\n");
    Path predicted = dir.resolve("p.csv");

    int code = run("code", "predict", "--model", model.toString(), "--data", data.toString(), "--text", "comment",
        "--id", "ref", "--out", predicted.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> written = lines(predicted);
    assertThat(written.get(1)).startsWith("1,'=cmd|' /C calc'!A0,");
    assertThat(written.get(2)).startsWith("2,-7,");
  }

  @Test
  void redact_everyCellThatLooksLikeAFormula_isNeutralised() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "id,group,comment\n1,@SUM(1),\"=HYPERLINK(\"\"http://evil\"\") call 07700 900123\"\n"
        + "2,staff,\"\tplain after a tab\"\n3,-1,-fine\n");
    Path redacted = dir.resolve("r.csv");

    int code = run("redact", "--in", in.toString(), "--text", "comment", "--out", redacted.toString());

    assertThat(code).as(err.toString()).isZero();
    String written = Files.readString(redacted, StandardCharsets.UTF_8);
    assertThat(written).contains("1,'@SUM(1),\"'=HYPERLINK(\"\"http://evil\"\") call [phone]\"")
        .contains("2,staff,'\tplain after a tab").contains("3,-1,'-fine");
  }

  @Test
  void table_labelsThatLookLikeFormulas_areNeutralisedInCsvAndXlsx() throws IOException {
    Path csv = dir.resolve("t.csv");
    Path xlsx = dir.resolve("t.xlsx");

    assertThat(run("table", "--data", survey.toString(), "--id", "id", "--unweighted", "--rows", "grp", "--out",
        csv.toString())).as(err.toString()).isZero();
    assertThat(run("table", "--data", survey.toString(), "--id", "id", "--unweighted", "--rows", "grp", "--out",
        xlsx.toString())).as(err.toString()).isZero();

    assertThat(lines(csv)).anySatisfy(l -> assertThat(l).startsWith("grp,'@SUM(A1:A9),'@SUM(A1:A9),category,"))
        .anySatisfy(l -> assertThat(l).startsWith("grp,'-cmd,'-cmd,category,"))
        .noneSatisfy(l -> assertThat(l).contains(",@SUM"));
    String sheets = xlsxText(xlsx);
    assertThat(sheets).contains("'@SUM(A1:A9)").contains("'-cmd").doesNotContain(">@SUM").doesNotContain(">-cmd");
  }

  /** The text of every part of a workbook, for looking for cells. */
  private static String xlsxText(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(entry)) {
          text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("&apos;", "'"));
        }
      }
    }
    return text.toString();
  }
}
