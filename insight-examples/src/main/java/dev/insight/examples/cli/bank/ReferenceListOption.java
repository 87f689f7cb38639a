package dev.insight.examples.cli.bank;

import dev.insight.core.programme.ReferenceList;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --list} option: a built-in reference list or a file of groups. */
public final class ReferenceListOption {
  @Option(names = "--list", paramLabel = "LIST", defaultValue = "health-inequalities",
      description = "The groups that must be heard: health-inequalities (the 22 groups most affected by health "
          + "inequalities), equality-act (the nine protected characteristics), core20plus5 (NHS England), or a "
          + "text file with one group per line (default: ${DEFAULT-VALUE}).")
  private String list;

  /** Creates the option (picocli fills it). */
  public ReferenceListOption() {}

  /**
   * The list chosen.
   *
   * @return a built-in list, or the one read from the file
   */
  public ReferenceList list() {
    if (list.equals("health-inequalities") || list.equals("equality-act") || list.equals("core20plus5")) {
      return ReferenceList.preset(list);
    }
    Path file = Path.of(list);
    if (!Files.exists(file)) {
      return ReferenceList.preset(list);
    }
    return ReferenceList.read(file);
  }
}
