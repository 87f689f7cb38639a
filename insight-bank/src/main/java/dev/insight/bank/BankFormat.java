package dev.insight.bank;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * The bank's format on disk: the commit data every commit carries (the format version and the embedder the bank
 * was built with), and what an unreadable index means to the user.
 */
final class BankFormat {
  static final int FORMAT = 1;
  static final String FORMAT_KEY = "insight-bank-format";
  static final String EMBEDDER_KEY = "insight-bank-embedder";

  private BankFormat() {}

  static String check(Path dir, Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      throw new BankException(BankException.Reason.NOT_A_BANK, "not a bank: " + dir + " holds other files; give "
          + "an empty or new directory for a new bank");
    }
    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
    String format = data.get(FORMAT_KEY);
    if (format == null) {
      throw new BankException(BankException.Reason.NOT_A_BANK, "not a bank: " + dir + " holds a Lucene index that "
          + "insight did not write");
    }
    int version;
    try {
      version = Integer.parseInt(format);
    } catch (NumberFormatException e) {
      throw new BankException(BankException.Reason.CORRUPTED, "bank " + dir + " is corrupted: its format is \""
          + format + "\"", e);
    }
    if (version > FORMAT) {
      throw new BankException(BankException.Reason.NEWER_VERSION, "bank " + dir + " was written by a newer version "
          + "of insight (bank format " + version + "; this version reads up to " + FORMAT + "): upgrade insight");
    }
    return data.getOrDefault(EMBEDDER_KEY, "");
  }

  static BankException unreadable(Path dir, IOException e) {
    if (e instanceof IndexFormatTooNewException) {
      return new BankException(BankException.Reason.NEWER_VERSION, "bank " + dir + " was written by a newer version "
          + "of insight (its Lucene index format is newer than this version reads): upgrade insight", e);
    }
    if (e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException || e instanceof EOFException
        || e instanceof NoSuchFileException) {
      return new BankException(BankException.Reason.CORRUPTED, "bank " + dir + " is corrupted (" + e.getMessage()
          + "): restore it from a backup, or make a new bank and add the programmes again", e);
    }
    throw new UncheckedIOException("cannot open bank " + dir, e);
  }

  static Map<String, String> userData(String embedderName) {
    return Map.of(FORMAT_KEY, Integer.toString(FORMAT), EMBEDDER_KEY, embedderName);
  }
}
