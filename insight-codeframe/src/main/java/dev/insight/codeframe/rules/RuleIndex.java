package dev.insight.codeframe.rules;

import dev.insight.codeframe.CodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Implementation note: an inverted index of rule terms, the approach of "reverse search" / percolation (as in
 * Lucene's monitor module, without its per-query memory index). Every distinct stem and prefix of every rule is an
 * atom with an int id; each rule lists the atoms that can make it true (for AND, one operand's atoms suffice, as in
 * the monitor's term pre-filtering). A comment is analysed once; each of its tokens is looked up in two
 * {@link CharArrayMap}s (stems, and prefixes of every length in use) without allocating; only the rules reached
 * through the comment's atoms are evaluated, plus the few rules true on an empty comment ({@code NOT x}). The cost
 * per comment is its length times a hash lookup plus the evaluation of its candidate rules, nearly independent of the
 * number of codes (see {@code docs/BENCHMARKS.md}).
 */
final class RuleIndex {
  final Analyzer analyzer;
  final CodeId[] codes;
  final String[] texts;
  final Node[] rules;
  private final CharArrayMap<int[]> stems;
  private final CharArrayMap<int[]> prefixes;
  private final int minPrefix;
  private final int maxPrefix;
  private final int[][] rulesOfAtom;
  private final int[] always;
  final int atoms;
  private final ThreadLocal<Scratch> scratch;

  RuleIndex(List<CodeId> ruleCodes, List<String> ruleTexts) {
    this.analyzer = RuleAnalysis.analyzer();
    this.codes = ruleCodes.toArray(new CodeId[0]);
    this.texts = ruleTexts.toArray(new String[0]);
    this.stems = new CharArrayMap<>(256, false);
    this.prefixes = new CharArrayMap<>(16, false);
    this.rules = new Node[codes.length];
    int[] counter = new int[1];
    int min = Integer.MAX_VALUE;
    int max = 0;
    List<int[]> prefixLengths = new ArrayList<>();
    for (int r = 0; r < codes.length; r++) {
      RuleParser.Ast ast = RuleParser.parse(codes[r], texts[r]);
      rules[r] = compile(codes[r], texts[r], ast, counter, prefixLengths);
    }
    for (int[] length : prefixLengths) {
      min = Math.min(min, length[0]);
      max = Math.max(max, length[0]);
    }
    this.minPrefix = min;
    this.maxPrefix = max;
    this.atoms = counter[0];
    List<IntList> postings = new ArrayList<>(atoms);
    for (int a = 0; a < atoms; a++) {
      postings.add(new IntList(2));
    }
    IntList alwaysList = new IntList(4);
    IntList scratchAtoms = new IntList(8);
    for (int r = 0; r < rules.length; r++) {
      if (rules[r].matchesEmpty()) {
        alwaysList.add(r);
        continue;
      }
      scratchAtoms.clear();
      rules[r].positiveAtoms(scratchAtoms);
      int[] distinct = Arrays.stream(scratchAtoms.toArray()).distinct().toArray();
      for (int atom : distinct) {
        postings.get(atom).add(r);
      }
    }
    this.rulesOfAtom = new int[atoms][];
    for (int a = 0; a < atoms; a++) {
      rulesOfAtom[a] = postings.get(a).toArray();
    }
    this.always = alwaysList.toArray();
    int ruleCount = rules.length;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(atoms, ruleCount));
  }

  private int stemId(String stem, int[] counter) {
    int[] id = stems.get(stem);
    if (id == null) {
      id = new int[] {counter[0]++};
      stems.put(stem, id);
    }
    return id[0];
  }

  private Node compile(CodeId code, String text, RuleParser.Ast ast, int[] counter, List<int[]> prefixLengths) {
    if (ast instanceof RuleParser.Word word) {
      return words(code, text, word.text(), word.position(), counter);
    } else if (ast instanceof RuleParser.Phrase phrase) {
      return words(code, text, phrase.text(), phrase.position(), counter);
    } else if (ast instanceof RuleParser.Prefix prefix) {
      List<String> folded = RuleAnalysis.analyse(analyzer, prefix.text(), false);
      if (folded.size() != 1) {
        throw new RuleSyntaxException(code, text, prefix.position(),
            "prefix '" + prefix.text() + "*' must be one word of letters or digits");
      }
      String value = folded.get(0);
      int[] id = prefixes.get(value);
      if (id == null) {
        id = new int[] {counter[0]++};
        prefixes.put(value, id);
        prefixLengths.add(new int[] {value.length()});
      }
      return new Node.Atom(id[0]);
    } else if (ast instanceof RuleParser.And and) {
      return new Node.And(and.operands().stream().map(a -> compile(code, text, a, counter, prefixLengths))
          .toArray(Node[]::new));
    } else if (ast instanceof RuleParser.Or or) {
      return new Node.Or(or.operands().stream().map(a -> compile(code, text, a, counter, prefixLengths))
          .toArray(Node[]::new));
    } else if (ast instanceof RuleParser.Not not) {
      return new Node.Not(compile(code, text, not.operand(), counter, prefixLengths));
    }
    RuleParser.Near near = (RuleParser.Near) ast;
    return new Node.Near(compile(code, text, near.left(), counter, prefixLengths),
        compile(code, text, near.right(), counter, prefixLengths), near.distance());
  }

  private Node words(CodeId code, String text, String words, int position, int[] counter) {
    List<String> analysed = RuleAnalysis.analyse(analyzer, words, true);
    if (analysed.isEmpty()) {
      throw new RuleSyntaxException(code, text, position, "'" + words + "' has no letters or digits to match");
    }
    int[] ids = new int[analysed.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = stemId(analysed.get(i), counter);
    }
    return ids.length == 1 ? new Node.Atom(ids[0]) : new Node.Phrase(ids);
  }

  /** Analyses a comment into this thread's scratch and evaluates the candidate rules; matches in rule order. */
  Scratch run(String comment) {
    Scratch s = analyse(comment);
    IntList candidates = s.candidates;
    for (int i = 0; i < s.touched.size; i++) {
      for (int r : rulesOfAtom[s.touched.data[i]]) {
        if (s.ruleSeen[r] != s.stamp) {
          s.ruleSeen[r] = s.stamp;
          candidates.add(r);
        }
      }
    }
    for (int r : always) {
      candidates.add(r);
    }
    Arrays.sort(candidates.data, 0, candidates.size);
    for (int i = 0; i < candidates.size; i++) {
      int r = candidates.data[i];
      if (rules[r].matches(s)) {
        s.matched.add(r);
      }
    }
    return s;
  }

  /** Evaluates every rule, without the index: the baseline the index is measured against. */
  Scratch runWithoutIndex(String comment) {
    Scratch s = analyse(comment);
    for (int r = 0; r < rules.length; r++) {
      if (rules[r].matches(s)) {
        s.matched.add(r);
      }
    }
    return s;
  }

  private Scratch analyse(String comment) {
    Scratch s = scratch.get();
    s.reset();
    try (TokenStream stream = analyzer.tokenStream(RuleAnalysis.FIELD, comment)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int position = s.newPosition(offset.startOffset(), offset.endOffset());
        char[] buffer = term.buffer();
        int length = term.length();
        int[] atoms = s.cache.get(buffer, 0, length);
        if (atoms == null) {
          atoms = atomsOf(s, buffer, length);
        }
        if (atoms.length == 0) {
          continue;
        }
        if (atoms[0] >= 0) {
          s.stemAt[position] = atoms[0];
          s.occurrence(atoms[0], position);
        }
        for (int i = 1; i < atoms.length; i++) {
          s.occurrence(atoms[i], position);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s;
  }

  /**
   * The atoms of a folded word: {@code [stem atom or -1, prefix atoms...]}, or an empty array when it has none;
   * computed once per distinct word and thread, then cached.
   */
  private int[] atomsOf(Scratch s, char[] buffer, int length) {
    String stem = s.stemmer.stem(buffer, length);
    int[] stemId = stems.get(stem);
    IntList found = s.collected;
    found.clear();
    found.add(stemId == null ? -1 : stemId[0]);
    int top = Math.min(maxPrefix, length);
    for (int l = minPrefix; l <= top; l++) {
      int[] id = prefixes.get(buffer, 0, l);
      if (id != null) {
        found.add(id[0]);
      }
    }
    int[] atoms = found.size == 1 && found.data[0] < 0 ? new int[0] : found.toArray();
    if (s.cache.size() >= Scratch.CACHE_LIMIT) {
      s.cache.clear();
    }
    s.cache.put(java.util.Arrays.copyOf(buffer, length), atoms);
    return atoms;
  }

  /** The comment words that satisfied rule r, in comment order, from the scratch the comment was run into. */
  List<String> words(Scratch s, int r, String comment) {
    IntList out = s.collected;
    out.clear();
    rules[r].collect(s, out);
    int[] positions = Arrays.stream(out.toArray()).distinct().sorted().toArray();
    List<String> words = new ArrayList<>(positions.length);
    for (int p : positions) {
      words.add(comment.substring(s.start[p], s.end[p]));
    }
    return words;
  }
}
