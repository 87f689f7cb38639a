package dev.insight.codeframe.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.interchange.CodedData;
import dev.insight.codeframe.interchange.CodedFileReader;
import dev.insight.codeframe.interchange.DataColumns;
import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training files (no ids, one comment per row) read through the one coded-file reader, as code learn reads them. */
class CodedExamplesReadTest {

  private static CodedExamples read(Path file, CodedFileReader reader, LabelMode mode, String text, String context) {
    reader.rowIds().text(text);
    if (!context.isEmpty()) {
      reader.context(context);
    }
    CodedData data = reader.read(file);
    return CodedExamples.of(mode, data.coding(), data.comments(), context);
  }

  @Test
  void codeColumns_realExcerpt_keepsColumnOrderRowOrderAndCodes() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/learn/fft-multilabel-excerpt.csv").toURI());
    List<String> header = DataColumns.columns(file);

    CodedExamples examples = read(file, CodedFileReader.columns(header.subList(11, header.size())),
        LabelMode.MULTI_LABEL, "FFT answer", "");

    assertThat(examples.examples()).hasSize(40);
    assertThat(examples.codes()).hasSize(50).startsWith(CodeId.of("Not assigned"));
    assertThat(examples.examples()).allSatisfy(e -> assertThat(e.codes()).isNotEmpty());
    assertThat(examples.texts()).isEqualTo(DataColumns.readTexts(file, "FFT answer"));
  }

  @Test
  void missingColumn_failsNamingColumnAndFile(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("coded.csv");
    Files.writeString(file, "id,comment,parking\n1,no spaces,1\n");

    assertThatThrownBy(() -> read(file, CodedFileReader.columns(List.of("parking")), LabelMode.MULTI_LABEL, "text",
        ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ":1: column \"text\", no such column in the header; the columns are [id, comment, "
            + "parking]");
  }

  @Test
  void codeColumnNotZeroOrOne_reportsLineColumnAndValue(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("coded.csv");
    Files.writeString(file, "comment,parking\nno spaces,1\nfine,yes\n");

    assertThatThrownBy(() -> read(file, CodedFileReader.columns(List.of("parking")), LabelMode.MULTI_LABEL,
        "comment", ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ":3: column \"parking\", value \"yes\", a code column must hold 1 (coded), 0 or blank "
            + "(not coded)");
  }

  @Test
  void labelColumn_blankLabelIsAProblem(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("coded.csv");
    Files.writeString(file, "comment,code\nno spaces,pk\nfine,\n");

    assertThatThrownBy(() -> read(file, CodedFileReader.label("code"), LabelMode.SINGLE_LABEL, "comment", ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(":3: column \"code\"").hasMessageContaining("the label is blank");
  }

  @Test
  void codeList_splitsOnSemicolonsAndSortsTheCodes(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("coded.csv");
    Files.writeString(file, "comment,codes\nno spaces and rude,st; pk\nfine,\n");

    CodedExamples examples = read(file, CodedFileReader.list("codes", ";"), LabelMode.MULTI_LABEL, "comment", "");

    assertThat(examples.codes()).containsExactly(CodeId.of("pk"), CodeId.of("st"));
    assertThat(examples.examples().get(0).codes()).containsExactlyInAnyOrder(CodeId.of("pk"), CodeId.of("st"));
    assertThat(examples.examples().get(1).codes()).isEmpty();
    assertThat(examples.mode()).isEqualTo(LabelMode.MULTI_LABEL);
  }

  @Test
  void contextColumn_isReadOrNamedWhenMissing(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("c.csv");
    Files.writeString(file, "comment,question,code\nNothing,What was good?,complaint\nNothing,Better?,praise\n");

    CodedExamples read = read(file, CodedFileReader.label("code"), LabelMode.SINGLE_LABEL, "comment", "question");

    assertThat(read.contextName()).isEqualTo("question");
    assertThat(read.contexts()).containsExactly("What was good?", "Better?");
    assertThat(read.texts()).containsExactly("Nothing", "Nothing");
    assertThatThrownBy(() -> read(file, CodedFileReader.label("code"), LabelMode.SINGLE_LABEL, "comment",
        "FFT question"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column \"FFT question\", no such column in the header");
  }
}
