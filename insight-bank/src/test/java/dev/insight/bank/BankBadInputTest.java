package dev.insight.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.learn.TextEmbedder;
import dev.insight.core.evidence.Consent;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankBadInputTest {
  @TempDir
  Path dir;

  private Path bankWithCaseStudy() {
    Path path = dir.resolve("bank");
    try (Bank bank = Bank.open(path, null)) {
      bank.add(Fixtures.caseStudy(), List.of(), false);
    }
    return path;
  }

  @Test
  void open_whileAnotherWriterHoldsTheLock_failsSayingItIsLocked_butSearchStillWorks() {
    Path path = bankWithCaseStudy();
    try (Bank writer = Bank.open(path, null)) {
      assertThat(writer.list()).hasSize(1);
      assertThatThrownBy(() -> Bank.open(path, null)).isInstanceOf(BankException.class)
          .hasMessage("bank " + path + " is locked: another insight process is adding to it or removing from it; "
              + "wait for it to finish (searching does not need the lock)")
          .extracting(e -> ((BankException) e).reason()).isEqualTo(BankException.Reason.LOCKED);
      try (Bank reader = Bank.openReadOnly(path, null)) {
        assertThat(reader.search(BankQuery.words("carers")).hits()).isNotEmpty();
      }
    }
  }

  @Test
  void open_aCorruptedBank_failsSayingSo() throws IOException {
    Path path = bankWithCaseStudy();
    try (Stream<Path> files = Files.list(path)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
      }
    }

    assertThatThrownBy(() -> Bank.openReadOnly(path, null)).isInstanceOf(BankException.class)
        .hasMessageStartingWith("bank " + path + " is corrupted (")
        .hasMessageEndingWith("): restore it from a backup, or make a new bank and add the programmes again");
    assertThatThrownBy(() -> Bank.open(path, null)).isInstanceOf(BankException.class)
        .extracting(e -> ((BankException) e).reason()).isEqualTo(BankException.Reason.CORRUPTED);
  }

  @Test
  void open_aBankFromANewerVersion_failsSayingSo() throws IOException {
    Path path = bankWithCaseStudy();
    try (var directory = FSDirectory.open(path);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.setLiveCommitData(Map.of(BankFormat.FORMAT_KEY, "2", BankFormat.EMBEDDER_KEY, "").entrySet());
      writer.commit();
    }

    assertThatThrownBy(() -> Bank.openReadOnly(path, null)).isInstanceOf(BankException.class)
        .hasMessage("bank " + path + " was written by a newer version of insight (bank format 2; this version reads "
            + "up to 1): upgrade insight");
  }

  @Test
  void open_aDirectoryOfOtherFiles_refusesToUseIt() throws IOException {
    Path path = dir.resolve("documents");
    Files.createDirectories(path);
    Files.writeString(path.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> Bank.open(path, null)).isInstanceOf(BankException.class)
        .hasMessage("not a bank: " + path + " holds other files; give an empty or new directory for a new bank");
    assertThat(Files.readString(path.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void openReadOnly_whereNoBankIs_saysToAddFirst() {
    Path path = dir.resolve("nothing");

    assertThatThrownBy(() -> Bank.openReadOnly(path, null)).isInstanceOf(BankException.class)
        .hasMessage("no bank at " + path + ": add a programme to it first (insight bank add)");
  }

  @Test
  void add_failingWhileWriting_leavesTheVersionBeforeInPlace() {
    Path path = dir.resolve("bank");
    try (Bank bank = Bank.open(path, Fixtures.concepts("concepts-v1", 16))) {
      bank.add(Fixtures.caseStudy(), List.of(), false);
    }
    // the same embedder name with vectors of another length: Lucene refuses the documents after the old ones
    // were deleted, so only a rollback keeps the bank whole
    TextEmbedder broken = Fixtures.concepts("concepts-v1", 8);
    try (Bank bank = Bank.open(path, broken)) {
      assertThatThrownBy(() -> bank.add(Fixtures.caseStudy().with(List.of(), "Elsewhere", Visibility.PUBLIC),
          List.of(), false)).isInstanceOf(IllegalArgumentException.class);

      assertThat(bank.list()).singleElement().satisfies(p -> {
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.place()).isNull();
      });
      assertThat(bank.search(BankQuery.words("").withLimit(1000)).hits()).hasSize(
          bank.list().get(0).items().values().stream().mapToInt(Integer::intValue).sum());
    }
    try (Bank reopened = Bank.openReadOnly(path, null)) {
      assertThat(reopened.list()).singleElement().satisfies(p -> assertThat(p.version()).isEqualTo(1));
    }
  }

  @Test
  void add_withAnotherEmbedderThanTheBanks_isRefused() {
    Path path = bankWithCaseStudy();
    try (Bank bank = Bank.open(path, Fixtures.concepts("concepts-v1", 16))) {
      bank.add(Fixtures.caseStudy(), List.of(), false);
    }
    try (Bank bank = Bank.open(dir.resolve("meaning"), Fixtures.concepts("concepts-v1", 16))) {
      bank.add(Fixtures.caseStudy(), List.of(), false);
    }
    try (Bank bank = Bank.open(dir.resolve("meaning"), null)) {
      assertThatThrownBy(() -> bank.add(Fixtures.caseStudy(), List.of(), false))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("bank " + dir.resolve("meaning") + " searches by meaning with the embedder concepts-v1, so "
              + "every programme added to it is embedded with it too, but no embedder is available: install "
              + "insight-embeddings (and leave out --words-only), or use another bank");
    }
  }

  @Test
  void add_commentsFromAnActivityTheProgrammeDoesNotDefine_failsNamingIt() {
    try (Bank bank = Bank.open(dir.resolve("bank"), null)) {
      CommentSet stray = new CommentSet(ActivityId.of("no-such-survey"), "Anything else?", Consent.GIVEN, List.of());

      assertThatThrownBy(() -> bank.add(Fixtures.caseStudy(), List.of(stray), false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("comments from activity no-such-survey, which programme hwb-strategy-2022 does not define");
      assertThat(bank.list()).isEmpty();
    }
  }

  @Test
  void query_withAnUnknownKind_namesTheKinds() {
    assertThatThrownBy(() -> ItemKind.of("memo")).hasMessage("no kind of item \"memo\": use study, finding, "
        + "recommendation, quote, comment, prevalence or response");
  }
}
