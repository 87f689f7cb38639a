package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A named list of the groups a programme must hear, against which {@link Coverage} reports who was not heard.
 * Three lists are built in ({@link #healthInequalities()}, {@link #equalityAct()}, {@link #core20Plus5()}); a
 * user's own list is read from a text file with {@link #read(Path)}.
 *
 * <p>A group matches a programme's audience when the audience's id, or the slug of its name, equals the slug of the
 * group's name ({@link ReferenceAudiences#slug(String)}): "Older people" matches the audience {@code older-people}.
 *
 * @param name the list's name
 * @param groups the groups, each a {@linkplain Audience#reference() reference} audience with its slug as id
 */
public record ReferenceList(String name, List<Audience> groups) {

  /**
   * Validates and copies: a list needs at least one group and no two groups with the same slug.
   *
   * @param name the list's name
   * @param groups the groups
   */
  public ReferenceList {
    Check.text(name, "reference list name");
    groups = Check.list(groups);
    checkArgument(!groups.isEmpty(), "reference list %s has no groups", name);
    Map<AudienceId, String> seen = new HashMap<>();
    for (Audience group : groups) {
      String before = seen.putIfAbsent(group.id(), group.name());
      checkArgument(before == null, "reference list %s names the group %s twice (as \"%s\" and \"%s\")", name,
          group.id(), before, group.name());
    }
  }

  /**
   * A list of groups given by name.
   *
   * @param name the list's name
   * @param groupNames the groups' names; ids are their slugs
   * @return the list
   */
  public static ReferenceList of(String name, List<String> groupNames) {
    List<Audience> groups = new ArrayList<>();
    for (String group : groupNames) {
      Check.text(group, "reference group name");
      groups.add(new Audience(AudienceId.of(ReferenceAudiences.slug(group)), group.strip(), null, true));
    }
    return new ReferenceList(name, groups);
  }

  /**
   * The 22 groups most affected by health inequalities that the case study's integrated care partnership works to
   * reach ({@link ReferenceAudiences#healthInequalities()}).
   *
   * @return the list
   */
  public static ReferenceList healthInequalities() {
    return new ReferenceList("groups most affected by health inequalities", ReferenceAudiences.healthInequalities());
  }

  /**
   * The nine protected characteristics of the Equality Act 2010 (section 4), each as the group of people who share
   * it: age, disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, race,
   * religion or belief, sex, sexual orientation.
   *
   * @return the list
   */
  public static ReferenceList equalityAct() {
    return of("Equality Act 2010 protected characteristics", List.of("Age", "Disability", "Gender reassignment",
        "Marriage and civil partnership", "Pregnancy and maternity", "Race", "Religion or belief", "Sex",
        "Sexual orientation"));
  }

  /**
   * NHS England's Core20PLUS5 approach to reducing healthcare inequalities for adults: the most deprived 20% of the
   * national population (Core20), the PLUS population groups named nationally, and the people within the five
   * clinical areas of focus.
   *
   * @return the list
   */
  public static ReferenceList core20Plus5() {
    return of("NHS England Core20PLUS5 (adults)", List.of(
        "People living in the most deprived 20% of the national population",
        "Ethnic minority communities",
        "Coastal communities",
        "People with multi-morbidities",
        "People with a learning disability and autistic people",
        "Inclusion health groups",
        "Groups sharing protected characteristics",
        "People using maternity services",
        "People with severe mental illness",
        "People with chronic respiratory disease",
        "People at risk of a late cancer diagnosis",
        "People with or at risk of hypertension"));
  }

  /**
   * A built-in list by its short name.
   *
   * @param preset {@code health-inequalities}, {@code equality-act} or {@code core20plus5}
   * @return the list
   * @throws IllegalArgumentException naming the presets when the name is not one of them
   */
  public static ReferenceList preset(String preset) {
    return switch (preset) {
      case "health-inequalities" -> healthInequalities();
      case "equality-act" -> equalityAct();
      case "core20plus5" -> core20Plus5();
      default -> throw new IllegalArgumentException("no built-in reference list \"" + preset
          + "\": use health-inequalities, equality-act, core20plus5 or a file with one group per line");
    };
  }

  /**
   * Reads a user's list: UTF-8 text, one group per line; blank lines and lines starting with {@code #} are skipped.
   * The list is named after the file.
   *
   * @param file the file
   * @return the list
   * @throws InvalidInputException naming the file and line of a group given twice, or a file with no groups or
   *     not in UTF-8
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ReferenceList read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(new InputProblem(file.toString(), 0, null, null, "not UTF-8 text"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<String> names = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Integer before = lineOf.putIfAbsent(ReferenceAudiences.slug(line), i + 1);
      if (before != null) {
        throw new InvalidInputException(new InputProblem(file.toString(), i + 1, null, line,
            "group given twice (first on line " + before + ")"));
      }
      names.add(line);
    }
    if (names.isEmpty()) {
      throw new InvalidInputException(new InputProblem(file.toString(), 0, null, null,
          "no groups: write one group per line"));
    }
    return of(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""), names);
  }
}
