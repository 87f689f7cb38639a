package dev.insight.core.internal;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * The one way insight reads untrusted XML (Word transcripts, Triple-S metadata, REFI-QDA codebooks): the JDK's own
 * StAX parser, whose hardening properties are known (another StAX implementation on the class path is not used),
 * with DTDs not processed, external entities and external DTDs or schemas never fetched, and entity references left
 * unreplaced so a reader can refuse them. In an unexported package: not part of the API.
 */
public final class SafeXml {
  private SafeXml() {}

  /**
   * A new hardened factory.
   *
   * @return the JDK's StAX input factory with DTDs and external entities off
   */
  public static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }
}
