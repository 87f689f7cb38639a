package dev.insight.core.internal.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.core.input.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedZipTest {
  private static final int MIB = 1 << 20;

  @Test
  void ordinaryArchive_readWholeAndCountedExactly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ordinary.zip");
    writeZip(file, new String[] {"a.txt", "b/c.xml"}, new byte[][] {bytes("hello"), bytes("<x/>")});

    try (BoundedZip zip = BoundedZip.open(file)) {
      assertThat(zip.names()).containsExactly("a.txt", "b/c.xml");
      assertThat(zip.read("b/c.xml")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("<x/>")));
      assertThat(zip.read("missing")).isEmpty();
      assertThat(zip.expandedBytes()).isEqualTo(4);
    }
    BoundedZip.check(file, ZipLimits.defaults());
  }

  @Test
  void highlyCompressedEntry_refusedByRatioNamingFileEntryAndProperty(@TempDir Path dir) throws IOException {
    Path bomb = dir.resolve("bomb.zip");
    writeZip(bomb, new String[] {"zeros.xml"}, new byte[][] {new byte[16 * MIB]});

    assertThatThrownBy(() -> BoundedZip.check(bomb, ZipLimits.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(bomb + ": the entry zeros.xml expands more than 100 times its compressed size of ")
        .hasMessageEndingWith("(limit of the compression ratio): a zip bomb; if the file is trusted, raise the limit "
            + "with -Dinsight.zip.maxCompressionRatio=N");
  }

  @Test
  void totalExpandedSize_countedOverEntries_refusedNamingTheLimit(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.zip");
    writeZip(file, new String[] {"one", "two"}, new byte[][] {random(40_000), random(40_000)});
    ZipLimits limits = ZipLimits.defaults().withMaxExpandedBytes(64 * 1024);

    assertThatThrownBy(() -> BoundedZip.check(file, limits))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": the archive expands past the limit of 0.1 MiB (65,536 bytes) while reading two: a zip "
            + "bomb or a file larger than expected; if the file is trusted, raise the limit with "
            + "-Dinsight.zip.maxExpandedBytes=BYTES");
  }

  @Test
  void headerClaimingATinySize_notTrusted_bytesCountedAsInflated(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("liar.zip");
    writeZip(file, new String[] {"data"}, new byte[][] {random(300_000)});
    lieAboutUncompressedSize(file, 10);
    ZipLimits limits = ZipLimits.defaults().withMaxExpandedBytes(100_000);

    assertThatThrownBy(() -> {
      try (BoundedZip zip = BoundedZip.open(file, limits)) {
        zip.read("data");
      }
    }).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the archive expands past the limit of 0.1 MiB (100,000 bytes) while reading data");
  }

  @Test
  void tooManyEntries_refusedBeforeReading(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("many.zip");
    String[] names = new String[6];
    byte[][] contents = new byte[6][];
    for (int i = 0; i < names.length; i++) {
      names[i] = "e" + i;
      contents[i] = bytes("x");
    }
    writeZip(file, names, contents);

    assertThatThrownBy(() -> BoundedZip.open(file, ZipLimits.defaults().withMaxEntries(5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": the archive holds 6 entries, more than the limit of 5; if the file is trusted, raise "
            + "the limit with -Dinsight.zip.maxEntries=N");
  }

  @Test
  void notAZip_refusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("notes.docx");
    Files.writeString(file, "plain text, not an archive");

    assertThatThrownBy(() -> BoundedZip.open(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": not a zip archive");
  }

  @Test
  void limitsFromSystemProperties_badValue_failsNamingTheProperty() {
    String before = System.getProperty(ZipLimits.MAX_ENTRIES);
    try {
      System.setProperty(ZipLimits.MAX_ENTRIES, "20_000");
      assertThat(ZipLimits.defaults().maxEntries()).isEqualTo(20_000);
      System.setProperty(ZipLimits.MAX_ENTRIES, "lots");
      assertThatThrownBy(ZipLimits::defaults)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("system property insight.zip.maxEntries must be a positive whole number, not \"lots\"");
    } finally {
      if (before == null) {
        System.clearProperty(ZipLimits.MAX_ENTRIES);
      } else {
        System.setProperty(ZipLimits.MAX_ENTRIES, before);
      }
    }
  }

  static void writeZip(Path file, String[] names, byte[][] contents) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < names.length; i++) {
        zip.putNextEntry(new ZipEntry(names[i]));
        zip.write(contents[i]);
        zip.closeEntry();
      }
    }
  }

  /** Rewrites the uncompressed size in every central directory record, as a hostile archiver could. */
  private static void lieAboutUncompressedSize(Path file, int size) throws IOException {
    byte[] zip = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int patched = 0;
    for (int i = 0; i + 46 <= zip.length; i++) {
      if (buffer.getInt(i) == 0x02014b50) {
        buffer.putInt(i + 24, size);
        patched++;
      }
    }
    assertThat(patched).isPositive();
    Files.write(file, zip);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] random(int n) {
    byte[] data = new byte[n];
    new Random(n).nextBytes(data);
    return data;
  }
}
