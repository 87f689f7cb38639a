package dev.insight.bank;

import dev.insight.codeframe.learn.TextEmbedder;
import dev.insight.core.programme.ReferenceAudiences;
import dev.insight.core.programme.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * One search: the filters as a Lucene filter, words by BM25, meaning by nearest neighbours under the same filter,
 * the two lists fused by reciprocal rank.
 *
 * <p>Implementation note: reciprocal rank fusion (Cormack, Clarke and Büttcher 2009) scores each hit by the sum over
 * the lists it appears in of 1 / (60 + rank), so neither BM25's unbounded scores nor cosine similarities need
 * calibrating against each other; a hit found both ways rises to the top.
 */
final class BankSearch {
  private static final int RRF_K = 60;

  private BankSearch() {}

  static SearchResult search(IndexSearcher searcher, Analyzer analyzer, BankQuery q, @Nullable TextEmbedder embedder,
      String note) throws IOException {
    int depth = Math.max(q.limit() * 3, 50);
    List<String> terms = terms(analyzer, q.words());
    Map<Integer, Double> fused = new LinkedHashMap<>();
    boolean byMeaning = false;
    if (terms.isEmpty()) {
      for (ScoreDoc hit : searcher.search(filter(q, true), q.limit()).scoreDocs) {
        fused.put(hit.doc, 0.0);
      }
    } else {
      // only items have text and vectors: the version documents need no filter here
      Query filter = filter(q, false);
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      terms.forEach(t -> words.add(new TermQuery(new Term(Fields.TEXT, t)), Occur.SHOULD));
      Query bm25 = filter == null ? words.build()
          : new BooleanQuery.Builder().add(words.build(), Occur.MUST).add(filter, Occur.FILTER).build();
      fuse(searcher.search(bm25, depth).scoreDocs, fused);
      if (embedder != null) {
        float[] vector = embedder.embed(List.of(q.words())).clone()[0];
        fuse(searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, depth, filter), depth).scoreDocs, fused);
        byMeaning = true;
      }
    }
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(fused.entrySet());
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>();
    for (Map.Entry<Integer, Double> entry : ranked.subList(0, Math.min(q.limit(), ranked.size()))) {
      hits.add(hit(stored.document(entry.getKey()), entry.getValue()));
    }
    return new SearchResult(hits, byMeaning, byMeaning ? "" : note);
  }

  private static void fuse(ScoreDoc[] list, Map<Integer, Double> fused) {
    for (int rank = 0; rank < list.length; rank++) {
      fused.merge(list[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
    }
  }

  /**
   * The filters as one query, or null when there are none. Internal-use-only programmes are excluded by a clause on
   * the few documents that are internal, not a filter on the many that are public, so that dense filters do not slow
   * the scoring of common words.
   */
  static @Nullable Query filter(BankQuery q, boolean itemsOnly) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    if (itemsOnly) {
      b.add(new TermQuery(new Term(Fields.DOC, Fields.ITEM)), Occur.FILTER);
      any = true;
    }
    if (!q.kinds().isEmpty()) {
      BooleanQuery.Builder kinds = new BooleanQuery.Builder();
      q.kinds().forEach(k -> kinds.add(new TermQuery(new Term(Fields.KIND, k.label())), Occur.SHOULD));
      b.add(kinds.build(), Occur.FILTER);
      any = true;
    }
    any |= term(b, Fields.AUDIENCE, q.audience(), true);
    any |= term(b, Fields.PRIORITY, q.priority(), false);
    any |= term(b, Fields.THEME, q.theme(), true);
    any |= term(b, Fields.PLACE, q.place(), true);
    any |= term(b, Fields.ACTIVITY_KIND, q.activityKind(), true);
    any |= term(b, Fields.PROGRAMME, q.programme(), false);
    if (q.from() != null || q.to() != null) {
      long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
      long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
      b.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
      any = true;
    }
    if (!q.includeInternal()) {
      if (!any) {
        b.add(new MatchAllDocsQuery(), Occur.FILTER);
        any = true;
      }
      b.add(new TermQuery(new Term(Fields.VISIBILITY, Visibility.INTERNAL_USE_ONLY.name())), Occur.MUST_NOT);
    }
    return any ? b.build() : null;
  }

  private static boolean term(BooleanQuery.Builder b, String field, @Nullable String value, boolean slug) {
    if (value != null && !value.isBlank()) {
      b.add(new TermQuery(new Term(field, slug ? ReferenceAudiences.slug(value) : value.strip())), Occur.FILTER);
      return true;
    }
    return false;
  }

  static List<String> terms(Analyzer analyzer, String words) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(Fields.TEXT, words)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String t = term.toString();
        if (!terms.contains(t)) {
          terms.add(t);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  private static Hit hit(Document doc, double score) {
    List<String> themes = new ArrayList<>();
    for (var field : doc.getFields(Fields.THEME_NAME)) {
      themes.add(field.stringValue());
    }
    return new Hit(ItemKind.of(doc.get(Fields.KIND)), doc.get(Fields.PROGRAMME), doc.get(Fields.PROGRAMME_TITLE),
        doc.get(Fields.ID), doc.get(Fields.DISPLAY), doc.get(Fields.SOURCE), doc.get(Fields.BASE),
        doc.get(Fields.CONSENT), doc.get(Fields.REDACTION), themes, doc.get(Fields.DATE_TEXT),
        doc.get(Fields.PLACE_NAME), Visibility.INTERNAL_USE_ONLY.name().equals(doc.get(Fields.VISIBILITY)), score);
  }
}
