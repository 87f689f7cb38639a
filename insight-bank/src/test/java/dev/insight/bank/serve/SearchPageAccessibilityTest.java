package dev.insight.bank.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insight.bank.Bank;
import dev.insight.bank.BankQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page with results, checked by axe-core (from its Maven Central webjar) in headless Chromium: no
 * violation of serious or critical impact, and no sideways scroll at a phone's width. Skipped, saying why, where
 * Chromium is not installed. The page's style is inlined and the checks added, since the served page's
 * Content-Security-Policy rightly runs no script.
 */
class SearchPageAccessibilityTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  private static final String CHECKS = """
      <script>
      (async () => {
        const out = {};
        try {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          out.violations = result.violations.map(v => ({ id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
          out.pageWidth = document.documentElement.scrollWidth;
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
  Path folder;

  @Test
  void searchPageWithResults_hasNoSeriousViolations_andNoSidewaysScrollOnAPhone() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
    try (InputStream axe = getClass().getClassLoader().getResourceAsStream(AXE)) {
      assertThat(axe).as("axe-core webjar on the test class path").isNotNull();
      Files.write(folder.resolve("axe.min.js"), axe.readAllBytes());
    }
    String html;
    try (Bank writer = Bank.open(folder.resolve("bank"), null)) {
      writer.add(BankServerTest.caseStudy(), List.of(), false);
      Map<String, String> p = Map.of("q", "cost of living");
      html = SearchPage.render(p, writer.search(BankQuery.words("cost of living")), null, writer.list());
    }
    for (int width : new int[] {390, 1280}) {
      JsonNode result = check("w" + width, html, width);
      List<String> serious = new ArrayList<>();
      result.path("violations").forEach(v -> {
        if (v.path("impact").asText().matches("serious|critical")) {
          serious.add(v.path("id").asText() + " at " + v.path("nodes"));
        }
      });
      assertThat(serious).as("serious or critical violations at " + width + " px").isEmpty();
      assertThat(result.path("pageWidth").asInt()).as("page width at " + width + " px").isLessThanOrEqualTo(width);
    }
  }

  @Test
  void harness_seesAnUnlabelledField() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
    try (InputStream axe = getClass().getClassLoader().getResourceAsStream(AXE)) {
      Files.write(folder.resolve("axe.min.js"), axe.readAllBytes());
    }
    String broken = SearchPage.render(Map.of(), null, null, List.of()).replace("<label for=\"q\">Words</label>", "");

    assertThat(check("broken", broken, 1280).path("violations").toString()).contains("\"id\":\"label\"");
  }

  private JsonNode check(String name, String html, int width) throws IOException, InterruptedException {
    String checked = html.replace("<link rel=\"stylesheet\" href=\"/style.css\">", "<style>" + SearchPage.CSS
        + "</style>").replace("</body>", "<script src=\"axe.min.js\"></script>" + CHECKS + "</body>");
    Path file = folder.resolve(name + ".html");
    Files.writeString(file, "<!DOCTYPE html><html lang=\"en\"><head><title>host</title></head><body style=\"margin:0\">"
        + "<iframe title=\"search page\" style=\"border:0;width:" + width + "px;height:900px\" srcdoc=\""
        + checked.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe></body></html>",
        StandardCharsets.UTF_8);
    Path dom = folder.resolve(name + ".dom");
    Path log = folder.resolve(name + ".log");
    Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + folder.resolve("profile-" + name),
        "--window-size=1400,1000", "--virtual-time-budget=60000", "--allow-file-access-from-files",
        "--dump-dom", file.toUri().toString())).redirectError(log.toFile()).redirectOutput(dom.toFile()).start();
    assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished within 120 s").isTrue();
    Matcher m = Pattern.compile("<pre id=\"checks\">(.*?)</pre>", Pattern.DOTALL)
        .matcher(Files.readString(dom, StandardCharsets.UTF_8));
    assertThat(m.find()).as("the checks ran; Chromium said: " + Files.readString(log)).isTrue();
    JsonNode result = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&"));
    assertThat(result.path("error").isMissingNode()).as(result.path("error").asText()).isTrue();
    return result;
  }
}
