package dev.insight.examples.cli.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.CodedFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review page in a real browser: a person codes a comment with the keyboard and it is saved. */
class ReviewPageTest {
  @TempDir
  Path dir;

  @Test
  void codingACommentByKeyboard_savesItToTheCodedFile() throws Exception {
    Optional<Path> chromium = HeadlessChromium.find();
    Assumptions.assumeTrue(chromium.isPresent(), "Chromium is not installed (set CHROMIUM or put chromium on the "
        + "PATH): the page is tested through its API only");
    Path coded = dir.resolve("review.csv");
    Path profile = Files.createDirectories(dir.resolve("profile"));
    try (ReviewState review = ReviewFixture.state(coded, 30);
        ReviewServer server = new ReviewServer(review, 0);
        HeadlessChromium browser = new HeadlessChromium(chromium.get(), profile)) {
      browser.navigate(server.address());
      browser.waitFor("document.getElementById('comment').dataset.id", Duration.ofSeconds(20));
      String id = browser.evaluate("document.getElementById('comment').dataset.id");
      // the codeframe beside the comment: nets, codes with their keys, descriptions and examples
      assertThat(browser.evaluate("document.getElementById('codes').innerText")).contains("Staff", "Staff attitude",
          "How staff treated the patient", "e.g. the nurse was kind", "Parking");
      String right = ReviewFixture.truth(UnitId.of(id)).value();
      // keys follow the frame's order of codable codes: attitude 1, numbers 2, parking 3, none 4
      String key = right.equals("attitude") ? "1" : "3";
      browser.evaluate("document.getElementById('coder').value = 'ann'");

      browser.press(key, key.charAt(0), key);
      browser.waitFor("document.getElementById('chosen').dataset.codes === '" + right + "'", Duration.ofSeconds(5));
      browser.press("Enter", 13, "\r");
      browser.waitFor("document.getElementById('status').textContent === 'Saved " + id + ": " + right + "'",
          Duration.ofSeconds(10));

      Coding saved = CodedFileReader.read(coded, ReviewFixture.FRAME);
      assertThat(saved.codes(UnitId.of(id))).containsExactly(CodeId.of(right));
      assertThat(saved.assignments(UnitId.of(id)).get(0).provenance().source()).isEqualTo("ann");
      browser.waitFor("document.getElementById('comment').dataset.id !== '" + id + "'", Duration.ofSeconds(10));
      assertThat(browser.evaluate("document.getElementById('progress').textContent"))
          .contains("Coded by people: 1 (ann 1)", "remaining: 59 of 60");
    }
  }
}
