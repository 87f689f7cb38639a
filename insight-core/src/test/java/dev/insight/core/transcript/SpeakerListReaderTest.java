package dev.insight.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.input.ReadMode;
import dev.insight.core.input.ReadResult;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SpeakerListReaderTest {

  @Test
  void read_namesWithAccentsAndAliases_foundIgnoringCaseAndSpacing() {
    SpeakerList list = SpeakerListReader.read(TranscriptReaderTest.resource("speakers.csv"));

    assertThat(list.size()).isEqualTo(3);
    assertThat(list.find("siobhán   ó súilleabháin").orElseThrow().participant().pseudonym())
        .isEqualTo("Facilitator");
    assertThat(list.find("Zoe Adams")).isEmpty();
    assertThat(list.toString()).doesNotContain("Zoë");
    assertThat(list.participants()).hasSize(3);
  }

  @Test
  void read_missingRequiredColumn_failsNamingIt() {
    assertThatThrownBy(() -> SpeakerListReader.read(new StringReader("name,participant\nZoë,P1\n"), "s.csv",
        ReadMode.LENIENT)).isInstanceOf(InvalidInputException.class)
        .hasMessage("s.csv:1: column \"pseudonym\", missing column; the header has [name, participant]");
  }

  @Test
  void read_badRows_lenient_reportedAndLeftOut() {
    String csv = "name,participant,pseudonym,staff\nZoë Adams,P01,P01,no\nzoë adams,P09,P09,no\n"
        + "Kwame,P02,P02,maybe\n,P03,P03,no\nAmina,P01,Other,no\n";

    ReadResult<SpeakerList> result = SpeakerListReader.read(new StringReader(csv), "s.csv", ReadMode.LENIENT);

    assertThat(result.value().names()).containsExactly("Zoë Adams");
    assertThat(result.problems()).extracting(InputProblem::describe).containsExactly(
        "s.csv:3: column \"name\", value \"zoë adams\", this name is already on line 2; the row is left out",
        "s.csv:4: column \"staff\", value \"maybe\", expected yes or no; the row is left out",
        "s.csv:5: column \"name\", value \"\", name is required; the row is left out",
        "s.csv:6: column \"participant\", value \"P01\", this participant is described differently on an earlier "
            + "line (pseudonym, role, organisation, audiences and attributes must match); the row is left out");
  }

  @Test
  void read_oneParticipantUnderTwoNames_isAllowed() {
    String csv = "name,participant,pseudonym\nZoë Adams,P01,P01\nZoe (iPhone),P01,P01\n";

    SpeakerList list = SpeakerListReader.read(new StringReader(csv), "s.csv", ReadMode.STRICT).value();

    assertThat(list.find("zoe (iphone)").orElseThrow().participant().id().value()).isEqualTo("P01");
    assertThat(list.participants()).hasSize(1);
  }
}
