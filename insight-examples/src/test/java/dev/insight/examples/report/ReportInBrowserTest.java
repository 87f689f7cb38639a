package dev.insight.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.insight.core.redact.RedactionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the case-study report in headless Chromium and fails on any console message (a script error, a refused
 * load). Runs where Chromium is installed ({@code apt-get install chromium}; CI installs it when it can) and is
 * skipped, saying why, where it is not. The harness first proves it sees errors, on a page with a broken script.
 */
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path folder;

  @BeforeEach
  void needsChromium() {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
  }

  /** The page's DOM after loading, and what Chromium logged: console messages are INFO:CONSOLE lines. */
  private record Rendered(String dom, String log, int exit) {}

  private Rendered render(String name, String html) throws IOException, InterruptedException {
    Path page = folder.resolve(name + ".html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Path log = folder.resolve(name + ".log");
    Path dom = folder.resolve(name + ".dom");
    Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + folder.resolve("profile-" + name), "--enable-logging=stderr",
        "--log-level=0", "--dump-dom", page.toUri().toString()))
        .redirectError(log.toFile()).redirectOutput(dom.toFile()).start();
    assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished within 90 s").isTrue();
    return new Rendered(Files.readString(dom, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8),
        chromium.exitValue());
  }

  @Test
  void harness_seesAScriptError() throws IOException, InterruptedException {
    Rendered broken = render("broken", "<!DOCTYPE html><html><body><script>notDefined();</script></body></html>");

    assertThat(broken.log()).contains("INFO:CONSOLE").contains("Uncaught ReferenceError: notDefined is not defined");
  }

  @Test
  void caseStudyReport_rendersWithoutConsoleMessages() throws IOException, InterruptedException {
    Rendered report = render("report", EngagementReportTest.caseStudy(RedactionPolicy.standard()).html());

    assertThat(report.exit()).as(report.log()).isZero();
    assertThat(report.log()).doesNotContain("CONSOLE", "Uncaught", "Refused to");
    assertThat(report.dom()).contains("id=\"methods\"").contains("<table class=\"chart\">");
  }
}
