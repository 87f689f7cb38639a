package dev.insight.codeframe.qdpx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds {@code .qdpx} archives for the tests: from a folder of test resources, or from a project and its texts. */
final class QdpxFixtures {
  private QdpxFixtures() {}

  /**
   * Zips a folder of the test resources ({@code project.qde} and its sources folder) as a tool would.
   *
   * @param resource the folder, such as {@code /refi-qda/maxqda-shape}
   * @param file the archive to write
   * @return the archive
   */
  static Path zipResource(String resource, Path file) {
    try {
      Path folder = Path.of(QdpxFixtures.class.getResource(resource).toURI());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(folder)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
        for (Path entry : files) {
          zip.putNextEntry(new ZipEntry(folder.relativize(entry).toString().replace('\\', '/')));
          zip.write(Files.readAllBytes(entry));
          zip.closeEntry();
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The bytes of a resource.
   *
   * @param resource its path
   * @return its bytes
   */
  static byte[] bytes(String resource) {
    try (var in = QdpxFixtures.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes an archive with a project and its files.
   *
   * @param file the archive
   * @param qde the {@code project.qde}
   * @param entries other entries by name (such as {@code sources/x.txt})
   * @return the archive
   */
  static Path zip(Path file, String qde, Map<String, String> entries) {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(qde.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
