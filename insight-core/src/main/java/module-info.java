/**
 * The engagement domain and columnar survey data.
 *
 * <p>Depends on no other insight module. Exports only its API packages; {@code dev.insight.core.internal} is
 * exported only to the other insight modules.
 */
// the qualified export names a module compiled later: "module not found" is expected here
@SuppressWarnings("module")
module dev.insight.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.google.common;
  requires de.siegmar.fastcsv;
  requires static transitive org.jspecify;
  requires java.xml;

  exports dev.insight.core.data;
  exports dev.insight.core.input;
  exports dev.insight.core.csv;
  exports dev.insight.core.codebook;
  exports dev.insight.core.sss;
  exports dev.insight.core.programme;
  exports dev.insight.core.question;
  exports dev.insight.core.evidence;
  exports dev.insight.core.json;
  exports dev.insight.core.transcript;
  exports dev.insight.core.redact;
  exports dev.insight.core.consideration;
  // file helpers shared with the other insight modules, not part of the API
  exports dev.insight.core.internal to dev.insight.codeframe, dev.insight.stats, dev.insight.bank;
  // zip archives read within limits (Word, Excel, REFI-QDA inputs), not part of the API
  exports dev.insight.core.internal.zip to dev.insight.codeframe;

  // Jackson reads and writes the records reflectively
  opens dev.insight.core.data to com.fasterxml.jackson.databind;
  opens dev.insight.core.programme to com.fasterxml.jackson.databind;
  opens dev.insight.core.question to com.fasterxml.jackson.databind;
  opens dev.insight.core.evidence to com.fasterxml.jackson.databind;
  opens dev.insight.core.csv to com.fasterxml.jackson.databind;
  opens dev.insight.core.codebook to com.fasterxml.jackson.databind;
  opens dev.insight.core.redact to com.fasterxml.jackson.databind;
}
