package dev.insight.core.internal.zip;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip archive read within {@link ZipLimits}: a zip bomb is stopped with a clear message naming the file, the
 * limit and how to raise it, after at most the limit's worth of inflating and never more memory than the caller
 * keeps.
 *
 * <p>Implementation note: the sizes in zip headers are written by whoever made the file, so they are not trusted.
 * Every byte handed to the caller is counted as it is inflated, against the archive's total and against the
 * entry's compressed size (the compression-ratio limit, after a grace allowance so small well-compressed XML parts
 * pass). The entry count comes from the central directory, which the JDK reads whole and bounds by the file size.
 * Not thread-safe: one archive is read by one thread.
 */
public final class BoundedZip implements Closeable {
  private static final int BUFFER = 8192;

  private final Path file;
  private final ZipFile zip;
  private final ZipLimits limits;
  private long expanded;

  private BoundedZip(Path file, ZipFile zip, ZipLimits limits) {
    this.file = file;
    this.zip = zip;
    this.limits = limits;
  }

  /**
   * Opens an archive within the {@linkplain ZipLimits#defaults() default limits}.
   *
   * @param file the archive
   * @return the open archive; close it
   * @throws InvalidInputException when the file is not a zip archive or holds too many entries
   * @throws UncheckedIOException when the file cannot be read
   */
  public static BoundedZip open(Path file) {
    return open(file, ZipLimits.defaults());
  }

  /**
   * Opens an archive within given limits.
   *
   * @param file the archive
   * @param limits the limits
   * @return the open archive; close it
   * @throws InvalidInputException when the file is not a zip archive or holds too many entries
   * @throws UncheckedIOException when the file cannot be read
   */
  public static BoundedZip open(Path file, ZipLimits limits) {
    checkNotNull(file, "file");
    checkNotNull(limits, "limits");
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(new NoSuchFileException(file.toString(), null, "no such file"));
    }
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw problem(file, "not a zip archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    int entries = zip.size();
    if (entries > limits.maxEntries()) {
      closeQuietly(zip);
      throw problem(file, String.format(Locale.ROOT,
          "the archive holds %,d entries, more than the limit of %,d; if the file is trusted, raise the limit with "
              + "-D%s=N", entries, limits.maxEntries(), ZipLimits.MAX_ENTRIES));
    }
    return new BoundedZip(file, zip, limits);
  }

  /**
   * Reads every entry of an archive through to its end within the limits, keeping nothing: the check to make
   * before handing an archive to a reader that does not count what it inflates.
   *
   * @param file the archive
   * @param limits the limits
   * @throws InvalidInputException when a limit is passed or the file is not a zip archive
   * @throws UncheckedIOException when the file cannot be read
   */
  public static void check(Path file, ZipLimits limits) {
    try (BoundedZip zip = open(file, limits)) {
      byte[] sink = new byte[BUFFER];
      for (String name : zip.names()) {
        try (InputStream in = zip.entry(name).orElseThrow()) {
          while (in.read(sink) >= 0) {
            // counted by the stream
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + name + " in " + file, e);
        }
      }
    }
  }

  /**
   * The names of the entries, in the order of the central directory.
   *
   * @return an immutable list
   */
  public List<String> names() {
    List<String> names = new ArrayList<>(zip.size());
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      names.add(entries.nextElement().getName());
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * A stream over one entry's inflated bytes, counted against the limits as it is read.
   *
   * @param name the entry's name
   * @return the stream (close it), or empty when there is no such entry
   * @throws UncheckedIOException when the entry cannot be opened
   */
  public Optional<InputStream> entry(String name) {
    checkNotNull(name, "name");
    ZipEntry entry = zip.getEntry(name);
    if (entry == null || entry.isDirectory()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Counted(zip.getInputStream(entry), entry));
    } catch (ZipException e) {
      throw problem(file, "the entry " + name + " cannot be read (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " in " + file, e);
    }
  }

  /**
   * One entry's bytes, read whole within the limits.
   *
   * @param name the entry's name
   * @return the bytes, or empty when there is no such entry
   * @throws InvalidInputException when a limit is passed
   * @throws UncheckedIOException when the entry cannot be read
   */
  public Optional<byte[]> read(String name) {
    Optional<InputStream> entry = entry(name);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = entry.get()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return Optional.of(out.toByteArray());
    } catch (ZipException e) {
      throw problem(file, "the entry " + name + " cannot be read (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " in " + file, e);
    }
  }

  /**
   * The bytes inflated so far from this archive, over all its entries.
   *
   * @return a count of bytes
   */
  public long expandedBytes() {
    return expanded;
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException ignored) {
      // the archive is refused anyway; the refusal is the message that matters
    }
  }

  private static InvalidInputException problem(Path file, String message) {
    return new InvalidInputException(new InputProblem(file.toString(), 0, null, null, message));
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MiB", bytes / (double) (1L << 20));
  }

  /** Counts the inflated bytes of one entry as they are read. */
  private final class Counted extends FilterInputStream {
    private final String name;
    private final long compressed;
    private long read;

    Counted(InputStream in, ZipEntry entry) {
      super(in);
      this.name = entry.getName();
      this.compressed = entry.getCompressedSize();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // skipped bytes are inflated all the same, so they are read and counted
      byte[] sink = new byte[(int) Math.min(BUFFER, Math.max(n, 1))];
      long left = n;
      while (left > 0) {
        int got = read(sink, 0, (int) Math.min(sink.length, left));
        if (got < 0) {
          break;
        }
        left -= got;
      }
      return n - left;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void count(int n) {
      read += n;
      expanded += n;
      if (expanded > limits.maxExpandedBytes()) {
        throw problem(file, String.format(Locale.ROOT,
            "the archive expands past the limit of %s (%,d bytes) while reading %s: a zip bomb or a file larger "
                + "than expected; if the file is trusted, raise the limit with -D%s=BYTES",
            mib(limits.maxExpandedBytes()), limits.maxExpandedBytes(), name, ZipLimits.MAX_EXPANDED_BYTES));
      }
      if (read > ZipLimits.RATIO_GRACE_BYTES && compressed >= 0
          && read > (double) compressed * limits.maxCompressionRatio()) {
        throw problem(file, String.format(Locale.ROOT,
            "the entry %s expands more than %d times its compressed size of %,d bytes (limit of the compression "
                + "ratio): a zip bomb; if the file is trusted, raise the limit with -D%s=N",
            name, limits.maxCompressionRatio(), compressed, ZipLimits.MAX_COMPRESSION_RATIO));
      }
    }
  }
}
