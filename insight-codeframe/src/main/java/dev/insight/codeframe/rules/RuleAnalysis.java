package dev.insight.codeframe.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The one analysis used for rules and comments alike, so a rule word and a comment word meet in the same form:
 * Unicode word breaking (Lucene's StandardTokenizer, UAX #29), lower case, accent folding (ASCIIFoldingFilter) and
 * English possessive removal give the folded form, which prefixes match; the Snowball English (Porter2) stemmer then
 * gives the stem, which words and phrases match. No stop words are removed: "not" and "no" matter in feedback.
 *
 * <p>Stemming is done outside the token stream (rather than with KeywordRepeatFilter and a stem filter) so that a
 * comment's tokens can be looked up in a per-thread cache of folded words: real comments repeat a small vocabulary,
 * and a cache hit replaces the stemmer and every dictionary lookup with one hash lookup (see
 * {@code docs/BENCHMARKS.md}).
 */
final class RuleAnalysis {
  static final String FIELD = "text";

  private RuleAnalysis() {}

  static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /**
   * A stemmer with its own state; one per thread. Snowball stems the array it is given in place, so the word is
   * copied into the stemmer's own buffer first: the caller's buffer (a token's term, then the key of the word cache
   * and the text prefixes are matched on) must still hold the folded word after stemming.
   */
  static final class Stemmer {
    private final EnglishStemmer stemmer = new EnglishStemmer();
    private char[] work = new char[32];

    /** Stems a folded word, leaving {@code buffer} unchanged. */
    String stem(char[] buffer, int length) {
      if (work.length < length) {
        work = new char[Math.max(length, work.length * 2)];
      }
      System.arraycopy(buffer, 0, work, 0, length);
      stemmer.setCurrent(work, length);
      stemmer.stem();
      work = stemmer.getCurrentBuffer();
      return new String(work, 0, stemmer.getCurrentBufferLength());
    }
  }

  /** The folded forms (for prefixes) or stems (for words) of a piece of rule text. */
  static List<String> analyse(Analyzer analyzer, String text, boolean stems) {
    List<String> out = new ArrayList<>();
    Stemmer stemmer = new Stemmer();
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(stems ? stemmer.stem(term.buffer(), term.length()) : term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
