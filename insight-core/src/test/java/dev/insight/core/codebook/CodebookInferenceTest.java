package dev.insight.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.core.csv.CsvFile;
import dev.insight.core.csv.CsvOptions;
import dev.insight.core.data.Category;
import dev.insight.core.input.ProblemCollector;
import dev.insight.core.input.ReadMode;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodebookInferenceTest {
  private static SurveyCodebook infer(String csv) {
    try (CsvFile file = CsvFile.of(new StringReader(csv), CsvOptions.defaults(),
        ProblemCollector.of("s.csv", ReadMode.STRICT))) {
      return CodebookInference.infer(file, "id").codebook();
    }
  }

  private static List<String> codes(CodebookVariable v) {
    return v.categories().stream().map(Category::code).toList();
  }

  @Test
  void infer_everyKindOfColumn_isTypedAndOrdered() {
    SurveyCodebook codebook = infer("""
        id,sector,satisfaction,age,started,pri_a,pri_b,topics,comment
        1,NHS,Very satisfied,34,2024-03-01,1,0,"Workforce,Mental health",Good work
        2,Council,Very dissatisfied,51.5,2024-03-02,0,1,Workforce,More staff please
        3,NHS,Don't know,,01/03/2024 10:15,1,1,"Mental health, Housing",
        4,Council,Fairly satisfied,29,2024-03-04,0,0,Housing,"Slow, but fine"
        """);

    assertThat(codebook.variables()).extracting(CodebookVariable::name).containsExactly("id", "sector",
        "satisfaction", "age", "started", "pri", "topics", "comment");
    assertThat(codebook.variables()).extracting(CodebookVariable::type).containsExactly(VariableType.ID,
        VariableType.SINGLE, VariableType.ORDINAL, VariableType.NUMERIC, VariableType.DATE, VariableType.MULTIPLE,
        VariableType.MULTIPLE, VariableType.TEXT);
    assertThat(codes(codebook.variable("satisfaction").orElseThrow())).containsExactly("Very dissatisfied",
        "Fairly satisfied", "Very satisfied", "Don't know");
    assertThat(codebook.variable("satisfaction").orElseThrow().missingCodes()).containsExactly("Don't know");
    CodebookVariable pri = codebook.variable("pri").orElseThrow();
    assertThat(pri.columns()).containsExactly("pri_a", "pri_b");
    assertThat(pri.categories()).extracting(Category::label).containsExactly("a", "b");
    CodebookVariable topics = codebook.variable("topics").orElseThrow();
    assertThat(topics.delimiter()).isEqualTo(",");
    assertThat(codes(topics)).containsExactly("Housing", "Mental health", "Workforce");
  }

  @Test
  void infer_aCommaInsideFreeAnswers_doesNotMakeAList() {
    SurveyCodebook codebook = infer("id,why\n1,\"Yes, definitely\"\n2,No\n3,\"Yes, definitely\"\n4,No\n");

    CodebookVariable why = codebook.variable("why").orElseThrow();
    assertThat(why.type()).isEqualTo(VariableType.SINGLE);
    assertThat(codes(why)).containsExactly("No", "Yes, definitely");
  }

  @Test
  void infer_semicolonJoinedChoicesWithATrailingSemicolon_areOneMultipleResponseVariable() {
    SurveyCodebook codebook = infer("id;choices\n1;A;B;\n2;B;\n3;A;C;\n4;C;A;\n".replace(";A;B;", ";\"A;B;\"")
        .replace(";A;C;", ";\"A;C;\"").replace(";C;A;", ";\"C;A;\"").replace(";B;\n", ";\"B;\"\n"));

    CodebookVariable choices = codebook.variable("choices").orElseThrow();
    assertThat(choices.type()).isEqualTo(VariableType.MULTIPLE);
    assertThat(choices.delimiter()).isEqualTo(";");
    assertThat(codes(choices)).containsExactly("A", "B", "C");
  }

  @Test
  void json_readsBackWhatItWrites(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    SurveyCodebook codebook = infer("id,sat,topics\n1,Agree,\"a,b\"\n2,Disagree,b\n3,Agree,a\n4,Agree,\"b,a\"\n");
    java.nio.file.Path file = dir.resolve("codebook.json");
    java.nio.file.Files.writeString(file, codebook.toJson());

    assertThat(codebook.toJson()).contains("\"type\" : \"ordinal\"").contains("\"delimiter\" : \",\"");
    assertThat(SurveyCodebook.read(file)).isEqualTo(codebook);
  }

  @Test
  void read_jsonThatIsNoCodebook_failsNamingTheFileAndLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path file = dir.resolve("codebook.json");
    java.nio.file.Files.writeString(file, "{\"variables\": [\n{\"name\": \"q1\", \"type\": \"scale\"}]}");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SurveyCodebook.read(file))
        .hasMessageStartingWith(file + ":2: not a codebook: ");
  }
}
