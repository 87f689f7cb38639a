package dev.insight.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insight.core.redact.RedactionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case-study report in headless Chromium at a phone's width (390 px) and a desktop's (1280 px): axe-core (from
 * its Maven Central webjar) finds no violation of serious or critical impact, the page does not scroll sideways,
 * chart text is at least 11 px, and every region that scrolls can be reached by keyboard. Skipped, saying why,
 * where Chromium is not installed.
 */
class ReportAccessibilityTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  /** Runs axe and the layout checks, then writes the findings as JSON into the page for --dump-dom to carry out. */
  private static final String CHECKS = """
      <script>
      (async () => {
        const out = {};
        try {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          out.violations = result.violations.map(v => ({ id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
          out.pageWidth = document.documentElement.scrollWidth;
          out.viewport = window.innerWidth;
          let smallest = 1000;
          document.querySelectorAll('table.chart, table.chart *').forEach(e => {
            if (e.childNodes.length && [...e.childNodes].some(c => c.nodeType === 3 && c.textContent.trim())) {
              smallest = Math.min(smallest, parseFloat(getComputedStyle(e).fontSize));
            }
          });
          out.smallestChartText = smallest;
          out.unreachableScrollers = [...document.querySelectorAll('body *')].filter(e => {
            const s = getComputedStyle(e);
            return (s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth
              && e.tabIndex < 0;
          }).map(e => e.outerHTML.slice(0, 80));
          out.scrollers = [...document.querySelectorAll('div.scroll')].filter(e => e.scrollWidth > e.clientWidth)
            .length;
        } catch (e) {
          out.error = String(e);
        }
        const pre = document.createElement('pre');
        pre.id = 'checks';
        pre.textContent = JSON.stringify(out);
        window.parent.document.body.appendChild(pre);
      })();
      </script>
      """;

  @TempDir
  static Path folder;

  private static String page;

  @BeforeAll
  static void writePage() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
    try (InputStream axe = ReportAccessibilityTest.class.getClassLoader().getResourceAsStream(AXE)) {
      assertThat(axe).as("axe-core webjar on the test class path").isNotNull();
      Files.write(folder.resolve("axe.min.js"), axe.readAllBytes());
    }
    page = EngagementReportTest.caseStudy(RedactionPolicy.standard()).html();
  }

  /**
   * Loads the page with the checks into a frame {@code width} pixels wide (headless Chromium's window is at least
   * 500 px wide, so a phone's width needs a frame); the frame's document is the page's own ({@code srcdoc}, same
   * origin), and the checks write their findings into the host page.
   */
  private static JsonNode check(String name, String html, int width) throws IOException, InterruptedException {
    Path file = folder.resolve(name + ".html");
    String checked = html.replace("</body>", "<script src=\"axe.min.js\"></script>" + CHECKS + "</body>");
    Files.writeString(file, "<!DOCTYPE html><html lang=\"en\"><head><title>host</title></head><body style=\"margin:0\">"
        + "<iframe title=\"report\" style=\"border:0;width:" + width + "px;height:900px\" srcdoc=\""
        + checked.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe></body></html>",
        StandardCharsets.UTF_8);
    Path dom = folder.resolve(name + ".dom");
    Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + folder.resolve("profile-" + name),
        "--window-size=1400,1000", "--virtual-time-budget=60000", "--allow-file-access-from-files",
        "--dump-dom", file.toUri().toString()))
        .redirectError(folder.resolve(name + ".log").toFile()).redirectOutput(dom.toFile()).start();
    assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished within 120 s").isTrue();
    Matcher m = Pattern.compile("<pre id=\"checks\">(.*?)</pre>", Pattern.DOTALL)
        .matcher(Files.readString(dom, StandardCharsets.UTF_8));
    assertThat(m.find()).as("the checks ran; Chromium said: " + Files.readString(folder.resolve(name + ".log")))
        .isTrue();
    JsonNode result = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&"));
    assertThat(result.path("error").isMissingNode()).as(result.path("error").asText()).isTrue();
    return result;
  }

  private static List<String> seriousOrCritical(JsonNode result) {
    List<String> found = new ArrayList<>();
    for (JsonNode v : result.path("violations")) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        found.add(v.path("id").asText() + " (" + impact + ") at " + v.path("nodes"));
      }
    }
    return found;
  }

  @Test
  void harness_seesAViolation() throws IOException, InterruptedException {
    JsonNode result = check("broken", "<!DOCTYPE html><html><head><title>t</title></head><body>"
        + "<img src=\"x.png\"><table><tr><th></th><td>1</td></tr></table></body></html>", 1280);

    assertThat(seriousOrCritical(result)).anyMatch(v -> v.startsWith("image-alt"));
  }

  @Test
  void phone_noSeriousViolationsNoSidewaysScrollReadableChartsReachableScrollers()
      throws IOException, InterruptedException {
    JsonNode result = check("phone", page, 390);

    assertThat(seriousOrCritical(result)).isEmpty();
    assertThat(result.path("violations").toString()).doesNotContain("empty-table-header");
    assertThat(result.path("pageWidth").asInt()).as("page width at a 390 px viewport")
        .isLessThanOrEqualTo(result.path("viewport").asInt());
    assertThat(result.path("smallestChartText").asDouble()).isGreaterThanOrEqualTo(11);
    assertThat(result.path("unreachableScrollers")).isEmpty();
    assertThat(result.path("scrollers").asInt()).as("wide tables scroll in their own regions").isPositive();
  }

  @Test
  void desktop_noSeriousViolationsAndReadableCharts() throws IOException, InterruptedException {
    JsonNode result = check("desktop", page, 1280);

    assertThat(seriousOrCritical(result)).isEmpty();
    assertThat(result.path("smallestChartText").asDouble()).isGreaterThanOrEqualTo(11);
    assertThat(result.path("unreachableScrollers")).isEmpty();
  }
}
