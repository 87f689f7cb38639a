package dev.insight.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insight table --levels ... --levels-out}: the publication by organisation level on one machine. */
class TableLevelsTest {
  @TempDir
  Path dir;

  private Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void file() throws IOException {
    // two trusts, five sites, twelve wards of very different sizes; one respondent with no ward
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("id,trust,site,ward,answer\n");
    int[] sizes = {40, 3, 25, 60, 12, 2, 30, 9, 1, 45, 18, 22};
    String[] sites = {"S1", "S1", "S1", "S2", "S2", "S3", "S3", "S4", "S4", "S5", "S5", "S5"};
    int id = 0;
    for (int w = 0; w < sizes.length; w++) {
      String trust = sites[w].compareTo("S3") <= 0 ? "T1" : "T2";
      for (int k = 0; k < sizes[w]; k++) {
        csv.append(++id).append(',').append(trust).append(',').append(sites[w]).append(",W").append(w + 1)
            .append(',').append(random.nextInt(4) == 0 ? "no" : "yes").append('\n');
      }
    }
    csv.append(++id).append(",T1,S1,,yes\n");
    data = dir.resolve("survey.csv");
    Files.writeString(data, csv, StandardCharsets.UTF_8);
  }

  private int run(String... args) {
    return Insight.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void levels_smallWardsHidden_noParentEquationLeftWithOneHiddenCount() throws IOException {
    Path levels = dir.resolve("levels.csv");
    int code = run("table", "--data", data.toString(), "--id", "id", "--unweighted", "--rows", "answer", "--suppress",
        "threshold:10", "--levels", "trust,site,ward", "--levels-out", levels.toString(), "--out",
        dir.resolve("t.csv").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("1 respondents with a blank trust/site/ward are not in levels.csv");
    List<String> lines = Files.readAllLines(levels, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("level,code,parent,respondents,answer=no %,answer=yes %,hidden");
    assertThat(lines.get(1)).startsWith("all,all,,267,");
    assertThat(lines.get(lines.size() - 1)).startsWith("note,\"Counts of 1 to 9 are hidden at every level");
    Map<String, String> respondents = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    for (String line : lines.subList(2, lines.size() - 1)) {
      String[] f = line.split(",", -1);
      respondents.put(f[1], f[3]);
      children.computeIfAbsent(f[2].isEmpty() ? "all" : f[2], k -> new ArrayList<>()).add(f[1]);
    }
    // W9 (1), W6 (2), W3 (3) and W8 (9) are small
    for (String small : List.of("W9", "W6", "W3", "W8")) {
      assertThat(respondents.get(small)).as(small).isEmpty();
    }
    respondents.put("all", "267");
    children.forEach((parent, kids) -> {
      long hidden = kids.stream().filter(k -> respondents.get(k).isEmpty()).count()
          + (respondents.get(parent).isEmpty() ? 1 : 0);
      assertThat(hidden).as("hidden counts in the equation of %s", parent).isNotEqualTo(1);
    });
  }

  @Test
  void levels_withoutASuppressionRule_failsSayingWhatToAdd() {
    int code = run("table", "--data", data.toString(), "--id", "id", "--unweighted", "--rows", "answer", "--levels",
        "trust,site,ward", "--levels-out", dir.resolve("l.csv").toString(), "--out", dir.resolve("t.csv").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--levels needs a disclosure rule: --suppress nhs or --suppress threshold:N");
    assertThat(Files.exists(dir.resolve("t.csv"))).isFalse();
  }
}
