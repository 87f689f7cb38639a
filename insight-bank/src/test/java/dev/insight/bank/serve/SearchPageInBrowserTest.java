package dev.insight.bank.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.insight.bank.Bank;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the search page from the running server in headless Chromium: the results render, nothing is refused or
 * logged to the console, and every form control has a label a keyboard or screen-reader user reaches it by. Skipped,
 * saying why, where Chromium is not installed.
 */
class SearchPageInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path folder;

  @Test
  void searchPage_rendersResultsInChromium_withoutConsoleMessages() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
    try (Bank writer = Bank.open(folder.resolve("bank"), null)) {
      writer.add(BankServerTest.caseStudy(), List.of(), false);
    }
    try (Bank bank = Bank.openReadOnly(folder.resolve("bank"), null);
        BankServer server = BankServer.start(bank, 0, false)) {
      Path log = folder.resolve("chromium.log");
      Path dom = folder.resolve("page.dom");
      Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
          "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--user-data-dir=" + folder.resolve("profile"),
          "--enable-logging=stderr", "--log-level=0", "--dump-dom", server.url() + "?q=loneliness&kind=finding"))
          .redirectError(log.toFile()).redirectOutput(dom.toFile()).start();
      assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished within 90 s").isTrue();
      String page = Files.readString(dom, StandardCharsets.UTF_8);
      String messages = Files.readString(log, StandardCharsets.UTF_8);

      assertThat(chromium.exitValue()).as(messages).isZero();
      assertThat(messages).doesNotContain("CONSOLE", "Refused to");
      assertThat(page).contains("Carers felt alone after diagnosis").contains("<section id=\"results\"");
      for (String control : List.of("q", "kind", "audience", "theme", "priority", "place", "activity", "programme",
          "from", "to")) {
        assertThat(page).contains("<label for=\"" + control + "\">").contains("id=\"" + control + "\"");
      }
    }
  }
}
