/**
 * The engagement domain and columnar survey data.
 *
 * <p>Depends on no other insight module. Exports only its API packages; {@code dev.insight.core.internal} stays
 * hidden.
 */
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
  exports dev.insight.core.programme;
  exports dev.insight.core.question;
  exports dev.insight.core.evidence;
  exports dev.insight.core.json;
  exports dev.insight.core.transcript;
  exports dev.insight.core.redact;

  // Jackson reads and writes the records reflectively
  opens dev.insight.core.data to com.fasterxml.jackson.databind;
  opens dev.insight.core.programme to com.fasterxml.jackson.databind;
  opens dev.insight.core.question to com.fasterxml.jackson.databind;
  opens dev.insight.core.evidence to com.fasterxml.jackson.databind;
  opens dev.insight.core.csv to com.fasterxml.jackson.databind;
  opens dev.insight.core.redact to com.fasterxml.jackson.databind;
}
