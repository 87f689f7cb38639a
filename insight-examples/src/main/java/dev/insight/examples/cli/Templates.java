package dev.insight.examples.cli;

import dev.insight.examples.report.ReportTemplates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code --templates DIR} of {@code report} and {@code demo}: the folder read, and its stray files said. */
final class Templates {
  private Templates() {}

  static ReportTemplates read(Path folder, PrintWriter err) {
    ReportTemplates templates = ReportTemplates.from(folder);
    List<String> unknown = templates.unknownFiles();
    if (!unknown.isEmpty()) {
      err.println("note: " + String.join(", ", unknown) + " in " + folder + (unknown.size() == 1 ? " is not" : " are "
          + "not") + " the name of a report template, so used only where another template includes it (the "
          + "templates are " + String.join(", ", ReportTemplates.NAMES) + ")");
      err.flush();
    }
    return templates;
  }
}
