package dev.insight.core.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.InvalidInputException;
import dev.insight.core.json.ProgrammeJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTest {
  @TempDir
  Path dir;

  private static Programme caseStudy() throws IOException {
    String name = "/dev/insight/core/consideration/programme-0.1.json";
    try (InputStream in = CoverageTest.class.getResourceAsStream(name)) {
      return ProgrammeJson.read(in, name);
    }
  }

  @Test
  void healthInequalities_countsEveryKindOfActivity_andNamesWhoWasNotHeard() throws IOException {
    Programme programme = caseStudy();

    Coverage coverage = Coverage.of(programme, ReferenceList.healthInequalities());

    assertThat(coverage.groups()).hasSize(22);
    assertThat(coverage.notHeard()).extracting(Audience::id)
        .containsExactlyElementsOf(programme.notReached().stream().map(Audience::id).toList());
    Coverage.Group young = coverage.groups().get(1);
    assertThat(young.group().name()).isEqualTo("Children and young people");
    assertThat(young.kinds()).contains("source study", "focus group");
  }

  @Test
  void equalityAct_hasTheNineCharacteristics_andAProgrammeWithoutThemHearsNone() throws IOException {
    ReferenceList list = ReferenceList.equalityAct();

    assertThat(list.groups()).extracting(Audience::name).containsExactly("Age", "Disability", "Gender reassignment",
        "Marriage and civil partnership", "Pregnancy and maternity", "Race", "Religion or belief", "Sex",
        "Sexual orientation");
    assertThat(Coverage.of(caseStudy(), list).notHeard()).hasSize(9);
  }

  @Test
  void core20Plus5_matchesByTheSlugOfAnAudienceName() throws IOException {
    Programme programme = caseStudy();

    Coverage coverage = Coverage.of(programme, ReferenceList.core20Plus5());

    assertThat(coverage.groups()).hasSize(12);
    assertThat(coverage.groups().stream().filter(g -> g.group().id().value().equals("inclusion-health-groups")))
        .singleElement().satisfies(g -> assertThat(g.heard()).isTrue());
  }

  @Test
  void userList_readsOneGroupPerLine_skippingCommentsAndBlanks() throws IOException {
    Path file = dir.resolve("our-groups.txt");
    Files.writeString(file, "# who we must hear\nOlder people\n\nGypsy, Roma and Traveller communities\n");

    ReferenceList list = ReferenceList.read(file);

    assertThat(list.name()).isEqualTo("our-groups");
    assertThat(list.groups()).extracting(g -> g.id().value())
        .containsExactly("older-people", "gypsy-roma-and-traveller-communities");
  }

  @Test
  void userList_withAGroupTwice_failsNamingTheLines() throws IOException {
    Path file = dir.resolve("groups.txt");
    Files.writeString(file, "Older people\nolder  people\n");

    assertThatThrownBy(() -> ReferenceList.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("groups.txt").hasMessageContaining("2")
        .hasMessageContaining("group given twice (first on line 1)");
  }

  @Test
  void preset_unknown_namesThePresets() {
    assertThatThrownBy(() -> ReferenceList.preset("nine")).hasMessage("no built-in reference list \"nine\": use "
        + "health-inequalities, equality-act, core20plus5 or a file with one group per line");
    assertThat(ReferenceList.preset("core20plus5")).isEqualTo(ReferenceList.core20Plus5());
    assertThat(List.of(ReferenceList.preset("equality-act").groups().size())).containsExactly(9);
  }
}
