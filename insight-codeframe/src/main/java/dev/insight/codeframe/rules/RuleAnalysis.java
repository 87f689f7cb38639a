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

  /** A stemmer with its own state; one per thread. */
  static final class Stemmer {
    private final EnglishStemmer stemmer = new EnglishStemmer();

    /** Stems a folded word; the result is valid until the next call. */
    String stem(char[] buffer, int length) {
      stemmer.setCurrent(buffer, length);
      stemmer.stem();
      return new String(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
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
