package dev.insight.bank;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.insight.codeframe.learn.TextEmbedder;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.Coverage;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.ProgrammeId;
import dev.insight.core.programme.ReferenceList;
import dev.insight.core.programme.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;

/**
 * An insight bank: many programmes' evidence in an embedded Lucene index in one directory, searched by words
 * (BM25) and, when a {@link TextEmbedder} is given, by meaning (nearest neighbours of sentence embeddings), the two
 * fused by reciprocal rank.
 *
 * <p>Adding a programme replaces the version before it in one Lucene commit: a failure at any point rolls back, so
 * the bank on disk holds either the old version or the new one, never half of either. Every version's programme
 * JSON is kept. A bank opened for writing holds Lucene's write lock; others may still open it read-only.
 *
 * <p>A bank records the embedder it was built with (or none) at its first commit; later additions must use the same
 * one, so every item is searchable by meaning or none is. Comments are searched by words only (embedding hundreds of
 * thousands of comments would take hours).
 */
public final class Bank implements AutoCloseable {
  /** The bank format this code writes and the highest it reads. */
  public static final int FORMAT = BankFormat.FORMAT;

  private final Path path;
  private final Directory directory;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final @Nullable TextEmbedder embedder;
  private @Nullable IndexWriter writer;
  private @Nullable DirectoryReader reader;
  private String bankEmbedder;

  private Bank(Path path, Directory directory, @Nullable TextEmbedder embedder, @Nullable IndexWriter writer,
      String bankEmbedder) {
    this.path = path;
    this.directory = directory;
    this.embedder = embedder;
    this.writer = writer;
    this.bankEmbedder = bankEmbedder;
  }

  /**
   * The sentence embedder found on the class or module path ({@code insight-embeddings}), if any.
   *
   * @return the first embedder registered as a service, or empty
   */
  public static Optional<TextEmbedder> installedEmbedder() {
    return ServiceLoader.load(TextEmbedder.class).findFirst();
  }

  /**
   * Opens a bank for adding and removing programmes, creating it when the directory does not exist or is empty.
   *
   * @param dir the bank's directory
   * @param embedder the embedder for search by meaning, or null for words only; a new bank records it, an existing
   *     bank must have been built with the same one
   * @return the bank, holding the write lock until closed
   * @throws BankException when another process is writing to the bank, it is corrupted, a newer version wrote it,
   *     or the directory holds something else
   * @throws UncheckedIOException when the directory cannot be opened
   */
  public static Bank open(Path dir, @Nullable TextEmbedder embedder) {
    checkNotNull(dir, "dir");
    Directory directory = null;
    try {
      boolean fresh = !Files.exists(dir) || isEmpty(dir);
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      String recorded = fresh ? (embedder == null ? "" : embedder.name()) : BankFormat.check(dir, directory);
      IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
          .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
          .setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(directory, config);
      if (fresh) {
        writer.setLiveCommitData(BankFormat.userData(recorded).entrySet());
        writer.commit();
      }
      return new Bank(dir, directory, embedder, writer, recorded);
    } catch (LockObtainFailedException e) {
      close(directory);
      throw new BankException(BankException.Reason.LOCKED, "bank " + dir + " is locked: another insight process "
          + "is adding to it or removing from it; wait for it to finish (searching does not need the lock)", e);
    } catch (BankException e) {
      close(directory);
      throw e;
    } catch (IOException e) {
      close(directory);
      throw BankFormat.unreadable(dir, e);
    }
  }

  /**
   * Opens a bank to search it, without taking the write lock.
   *
   * @param dir the bank's directory
   * @param embedder the embedder for search by meaning, or null for words only; used only when the bank was built
   *     with the same one
   * @return the bank
   * @throws BankException when there is no bank there, it is corrupted, or a newer version wrote it
   * @throws UncheckedIOException when the directory cannot be opened
   */
  public static Bank openReadOnly(Path dir, @Nullable TextEmbedder embedder) {
    checkNotNull(dir, "dir");
    if (!Files.isDirectory(dir) || isEmpty(dir)) {
      throw new BankException(BankException.Reason.NOT_A_BANK, "no bank at " + dir + ": add a programme to it first "
          + "(insight bank add)");
    }
    Directory directory = null;
    try {
      directory = FSDirectory.open(dir);
      String recorded = BankFormat.check(dir, directory);
      Bank bank = new Bank(dir, directory, embedder, null, recorded);
      bank.reader = DirectoryReader.open(directory);
      return bank;
    } catch (BankException e) {
      close(directory);
      throw e;
    } catch (IOException e) {
      close(directory);
      throw BankFormat.unreadable(dir, e);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * The bank's directory.
   *
   * @return the path
   */
  public Path path() {
    return path;
  }

  /**
   * The name of the embedder the bank was built with, or empty when it searches by words only.
   *
   * @return the name
   */
  public String embedderName() {
    return bankEmbedder;
  }

  /**
   * Adds a programme, or replaces the version in the bank with the same id and title (a programme may change
   * between versions; its title says it is the same one).
   *
   * @param programme the programme
   * @param comments coded comments of its activities, possibly none
   * @param replace whether to replace a programme with the same id but another title
   * @return what was stored
   * @throws IllegalArgumentException when another programme already has this id and {@code replace} is false,
   *     or comments come from an activity the programme does not define
   * @throws IllegalStateException when the bank was opened read-only or with another embedder
   */
  public synchronized AddResult add(Programme programme, List<CommentSet> comments, boolean replace) {
    checkNotNull(programme, "programme");
    IndexWriter w = writable();
    checkState(bankEmbedder.isEmpty() || embedder != null && embedder.name().equals(bankEmbedder),
        "bank %s searches by meaning with the embedder %s, so every programme added to it is embedded with it too, "
            + "but %s: install insight-embeddings (and leave out --words-only), or use another bank", path,
        bankEmbedder, embedder == null ? "no embedder is available" : "the embedder given is " + embedder.name());
    String id = programme.id().value();
    Optional<BankedProgramme> before = current(id);
    if (before.isPresent() && !before.get().title().equals(programme.title()) && !replace) {
      throw new IllegalArgumentException("programme id " + id + " is already in the bank for another programme, \""
          + before.get().title() + "\" (version " + before.get().version() + "), not \"" + programme.title()
          + "\": give the new programme another id, or replace the old one on purpose (--replace)");
    }
    BankDocuments.Built built = BankDocuments.of(programme, comments);
    boolean byMeaning = !bankEmbedder.isEmpty();
    if (byMeaning && !built.embedTexts().isEmpty()) {
      float[][] vectors = embedder.embed(built.embedTexts());
      for (int i = 0; i < vectors.length; i++) {
        built.items().get(built.embedItems().get(i))
            .add(new KnnFloatVectorField(Fields.VECTOR, vectors[i], VectorSimilarityFunction.COSINE));
      }
    }
    int version = before.map(b -> b.version() + 1).orElse(1);
    try {
      w.deleteDocuments(itemsOf(id));
      w.addDocuments(built.items());
      w.addDocument(VersionDocuments.of(programme, version, built.counts()));
      w.setLiveCommitData(BankFormat.userData(bankEmbedder).entrySet());
      w.commit();
    } catch (IOException | RuntimeException e) {
      rollback();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot add programme " + id + " to bank " + path + "; the bank is as it was",
            io);
      }
      throw (RuntimeException) e;
    }
    return new AddResult(id, version, before.isPresent(), built.counts(), byMeaning, built.notes());
  }

  /**
   * Removes a programme and all its versions.
   *
   * @param id the programme's id
   * @return whether it was in the bank
   * @throws IllegalStateException when the bank was opened read-only
   */
  public synchronized boolean remove(ProgrammeId id) {
    IndexWriter w = writable();
    if (current(id.value()).isEmpty()) {
      return false;
    }
    try {
      w.deleteDocuments(new TermQuery(new Term(Fields.PROGRAMME, id.value())));
      w.commit();
    } catch (IOException | RuntimeException e) {
      rollback();
      throw e instanceof IOException io ? new UncheckedIOException("cannot remove " + id + " from bank " + path, io)
          : (RuntimeException) e;
    }
    return true;
  }

  /**
   * The programmes in the bank, each at its latest version, by id.
   *
   * @return the programmes
   */
  public synchronized List<BankedProgramme> list() {
    Map<String, BankedProgramme> latest = new TreeMap<>();
    forEachVersion(null, doc -> {
      BankedProgramme p = VersionDocuments.banked(doc);
      latest.merge(p.id(), p, (a, b) -> a.version() >= b.version() ? a : b);
    });
    return List.copyOf(latest.values());
  }

  /**
   * The latest version of a programme in the bank.
   *
   * @param id its id
   * @return the programme, or empty when it is not in the bank
   */
  public synchronized Optional<Programme> programme(String id) {
    return programmeVersion(id, 0);
  }

  /**
   * One version of a programme in the bank.
   *
   * @param id its id
   * @param version the version, from 1; 0 for the latest
   * @return the programme, or empty when there is no such version
   */
  public synchronized Optional<Programme> programmeVersion(String id, int version) {
    int[] best = {0};
    String[] json = {null};
    forEachVersion(id, doc -> {
      int v = doc.getField(Fields.VERSION).numericValue().intValue();
      if (version == 0 ? v > best[0] : v == version) {
        best[0] = v;
        json[0] = VersionDocuments.json(doc);
      }
    });
    return json[0] == null ? Optional.empty()
        : Optional.of(ProgrammeJson.read(json[0], path + " (programme " + id + " version " + best[0] + ")"));
  }

  /**
   * Searches the bank.
   *
   * @param query the words and filters
   * @return the hits and how they were found
   */
  public synchronized SearchResult search(BankQuery query) {
    checkNotNull(query, "query");
    boolean meaning = !bankEmbedder.isEmpty() && embedder != null && embedder.name().equals(bankEmbedder);
    String note = meaning || bankEmbedder.isEmpty() ? "" : "search by meaning is off: the bank was built with the "
        + "embedder " + bankEmbedder + ", which is not available here";
    if (bankEmbedder.isEmpty()) {
      note = "search by words only: the bank was built without a sentence embedder";
    }
    try {
      return BankSearch.search(searcher(), analyzer, query, meaning ? embedder : null, note);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search bank " + path, e);
    }
  }

  /**
   * Who the programmes in the bank heard, against a reference list: "who have we not heard" across programmes.
   *
   * @param list the groups that must be heard
   * @param includeInternal whether internal-use-only programmes count
   * @return the coverage
   */
  public synchronized BankCoverage coverage(ReferenceList list, boolean includeInternal) {
    Map<String, TreeSet<String>> programmes = new HashMap<>();
    Map<String, TreeSet<String>> kinds = new HashMap<>();
    int count = 0;
    for (BankedProgramme banked : list()) {
      if (banked.visibility() == Visibility.INTERNAL_USE_ONLY && !includeInternal) {
        continue;
      }
      count++;
      Programme programme = programme(banked.id()).orElseThrow();
      for (Coverage.Group g : Coverage.of(programme, list).groups()) {
        if (g.heard()) {
          programmes.computeIfAbsent(g.group().id().value(), k -> new TreeSet<>()).add(banked.id());
          kinds.computeIfAbsent(g.group().id().value(), k -> new TreeSet<>()).addAll(g.kinds());
        }
      }
    }
    List<BankCoverage.Group> groups = new ArrayList<>();
    for (var group : list.groups()) {
      String key = group.id().value();
      groups.add(new BankCoverage.Group(group, List.copyOf(programmes.getOrDefault(key, new TreeSet<>())),
          kinds.getOrDefault(key, new TreeSet<>())));
    }
    return new BankCoverage(list, count, groups);
  }

  private Optional<BankedProgramme> current(String id) {
    BankedProgramme[] best = {null};
    forEachVersion(id, doc -> {
      BankedProgramme p = VersionDocuments.banked(doc);
      if (best[0] == null || p.version() > best[0].version()) {
        best[0] = p;
      }
    });
    return Optional.ofNullable(best[0]);
  }

  private interface VersionVisitor {
    void visit(Document doc);
  }

  private void forEachVersion(@Nullable String id, VersionVisitor visitor) {
    try {
      IndexSearcher searcher = searcher();
      BooleanQuery.Builder query = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.DOC, Fields.VERSION_DOC)), Occur.FILTER);
      if (id != null) {
        query.add(new TermQuery(new Term(Fields.PROGRAMME, id)), Occur.FILTER);
      }
      StoredFields stored = searcher.storedFields();
      int max = Math.max(1, searcher.getIndexReader().maxDoc());
      for (ScoreDoc hit : searcher.search(query.build(), max).scoreDocs) {
        visitor.visit(stored.document(hit.doc));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bank " + path, e);
    }
  }

  private static Query itemsOf(String id) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.PROGRAMME, id)), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.DOC, Fields.ITEM)), Occur.FILTER)
        .build();
  }

  private IndexWriter writable() {
    checkState(writer != null, "bank %s was opened read-only", path);
    return writer;
  }

  private IndexSearcher searcher() throws IOException {
    if (reader == null) {
      reader = writer != null ? DirectoryReader.open(writer) : DirectoryReader.open(directory);
    } else {
      DirectoryReader newer = writer != null ? DirectoryReader.openIfChanged(reader, writer)
          : DirectoryReader.openIfChanged(reader);
      if (newer != null) {
        reader.close();
        reader = newer;
      }
    }
    return new IndexSearcher(reader);
  }

  private void rollback() {
    IndexWriter w = writer;
    writer = null;
    try {
      if (reader != null) {
        reader.close();
        reader = null;
      }
      if (w != null) {
        w.rollback();
      }
      writer = new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCommitOnClose(false));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot roll back bank " + path + " (the last commit on disk is intact)", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (reader != null) {
        reader.close();
      }
      if (writer != null) {
        writer.rollback();
      }
      directory.close();
      analyzer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close bank " + path, e);
    } finally {
      reader = null;
      writer = null;
    }
  }

  private static void close(@Nullable Directory directory) {
    if (directory != null) {
      try {
        directory.close();
      } catch (IOException e) {
        // the open failed already; that failure is what the user needs to see
      }
    }
  }

  @Override
  public String toString() {
    return "Bank[" + path + (writer == null ? ", read-only" : "") + "]";
  }
}
