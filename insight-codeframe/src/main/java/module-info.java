/**
 * Codeframes and the coding of open text: manual, rule-based and learned, with agreement measures.
 *
 * <p>Depends on {@code dev.insight.core} only among insight modules.
 */
module dev.insight.codeframe {
  requires transitive dev.insight.core;
  requires com.google.common;
  requires com.fasterxml.jackson.databind;
  requires de.siegmar.fastcsv;
  requires transitive java.xml;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires static org.jspecify;
  requires org.dhatim.fastexcel;

  exports dev.insight.codeframe;
  exports dev.insight.codeframe.coding;
  exports dev.insight.codeframe.rules;
  exports dev.insight.codeframe.interchange;
  exports dev.insight.codeframe.agreement;
  exports dev.insight.codeframe.transcript;
  exports dev.insight.codeframe.framework;
  exports dev.insight.codeframe.qdpx;
  exports dev.insight.codeframe.learn;

  // sentence embedders (insight-embeddings) are found by name when a model that used them is loaded
  uses dev.insight.codeframe.learn.TextEmbedder;

  // Jackson writes the evaluation reports reflectively
  opens dev.insight.codeframe.learn to com.fasterxml.jackson.databind;
}
