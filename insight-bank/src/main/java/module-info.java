/**
 * The insight bank: many engagement programmes' evidence (source studies, findings, recommendations, consented and
 * redacted quotes, coded comments, theme prevalences with their intervals, "you said, we did" responses) in an
 * embedded Lucene index on disk, searched by words and, when a sentence embedder is present, by meaning; and a
 * read-only search page served on the loopback interface.
 *
 * <p>Depends on {@code dev.insight.core} and {@code dev.insight.codeframe} among insight modules.
 */
module dev.insight.bank {
  requires transitive dev.insight.core;
  requires transitive dev.insight.codeframe;
  requires com.google.common;
  requires com.fasterxml.jackson.databind;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires jdk.httpserver;
  requires static org.jspecify;

  exports dev.insight.bank;
  exports dev.insight.bank.serve;

  // sentence embedders (insight-embeddings) are found when present, for search by meaning
  uses dev.insight.codeframe.learn.TextEmbedder;
}
