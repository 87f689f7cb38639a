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
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The one analysis chain used for rules and comments alike, so a rule word and a comment word meet in the same
 * form: Unicode word breaking (StandardTokenizer, UAX #29), lower case, accent folding (ASCIIFoldingFilter), English
 * possessive removal, then each token twice at one position (KeywordRepeatFilter): first as folded (what prefixes
 * match) and then Porter-stemmed (what words and phrases match). No stop words are removed: "not" and "no" matter in
 * feedback.
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
        stream = new KeywordRepeatFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /** The folded forms (for prefixes) or stems (for words) of a piece of rule text. */
  static List<String> analyse(Analyzer analyzer, String text, boolean stems) {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      KeywordAttribute keyword = stream.addAttribute(KeywordAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (keyword.isKeyword() != stems) {
          out.add(term.toString());
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
