package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCsvTest {

  @Test
  void read_realExcerptWithCodeColumns_keepsColumnOrderAndCodes() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/learn/fft-multilabel-excerpt.csv").toURI());
    List<String> header = TrainingCsv.columns(file);

    CodedExamples examples = TrainingCsv.read(file, "FFT answer",
        CodeSource.codeColumns(header.subList(11, header.size())));

    assertThat(examples.examples()).hasSize(40);
    assertThat(examples.codes()).hasSize(50).startsWith(CodeId.of("Not assigned"));
    assertThat(examples.examples()).allSatisfy(e -> assertThat(e.codes()).isNotEmpty());
  }

  @Test
  void readColumns_readsSeveralInOnePassAndNamesEveryMissingOne(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("d.csv");
    Files.writeString(file, "id,question,comment\nc1,What was good?,Nothing\nc2,Better?,\"Parking, again\"\n");

    List<List<String>> columns = TrainingCsv.readColumns(file, List.of("comment", "id", "question"));

    assertThat(columns).containsExactly(List.of("Nothing", "Parking, again"), List.of("c1", "c2"),
        List.of("What was good?", "Better?"));
    assertThatThrownBy(() -> TrainingCsv.readColumns(file, List.of("comment", "Comment ID", "FFT question")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column \"Comment ID\", no such column in the header")
        .hasMessageContaining("column \"FFT question\", no such column in the header");
  }

  @Test
  void read_missingColumn_failsNamingColumnAndFile(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("coded.csv");
    Files.writeString(file, "id,comment,parking\n1,no spaces,1\n");

    assertThatThrownBy(() -> TrainingCsv.read(file, "text", CodeSource.codeColumns(List.of("parking"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ":1: column \"text\", no such column in the header; the columns are [id, comment, "
            + "parking]");
  }

  @Test
  void read_codeColumnNotZeroOrOne_reportsLineAndValue(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("coded.csv");
    Files.writeString(file, "comment,parking\nno spaces,1\nfine,yes\n");

    assertThatThrownBy(() -> TrainingCsv.read(file, "comment", CodeSource.codeColumns(List.of("parking"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ":3: column \"parking\", value \"yes\", a code column must hold 1 (coded), 0 or blank "
            + "(not coded)");
  }

  @Test
  void read_labelColumn_blankLabelIsAProblem(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("coded.csv");
    Files.writeString(file, "comment,code\nno spaces,pk\nfine,\n");

    assertThatThrownBy(() -> TrainingCsv.read(file, "comment", CodeSource.label("code")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(":3: column \"code\"").hasMessageContaining("the label is blank");
  }

  @Test
  void read_codeList_splitsOnSemicolons(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("coded.csv");
    Files.writeString(file, "comment,codes\nno spaces and rude,pk; st\nfine,\n");

    CodedExamples examples = TrainingCsv.read(file, "comment", CodeSource.codeList("codes"));

    assertThat(examples.codes()).containsExactly(CodeId.of("pk"), CodeId.of("st"));
    assertThat(examples.examples().get(0).codes()).containsExactlyInAnyOrder(CodeId.of("pk"), CodeId.of("st"));
    assertThat(examples.examples().get(1).codes()).isEmpty();
    assertThat(examples.mode()).isEqualTo(LabelMode.MULTI_LABEL);
  }
}
