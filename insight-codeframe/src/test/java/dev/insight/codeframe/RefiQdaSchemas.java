package dev.insight.codeframe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The published REFI-QDA schemas (test resources {@code /refi-qda/Codebook.xsd} and {@code Project.xsd}, their source
 * noted in each), loaded and applied by the JDK's validator with secure processing and no external DTDs or schemas.
 */
public final class RefiQdaSchemas {
  /** The Codebook schema ({@code .qdc}). */
  public static final Schema CODEBOOK = schema("/refi-qda/Codebook.xsd");
  /** The Project schema ({@code project.qde} inside a {@code .qdpx}). */
  public static final Schema PROJECT = schema("/refi-qda/Project.xsd");

  private RefiQdaSchemas() {}

  private static Schema schema(String resource) {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      URL url = RefiQdaSchemas.class.getResource(resource);
      assertThat(url).as(resource).isNotNull();
      return factory.newSchema(url);
    } catch (SAXException e) {
      throw new AssertionError("the schema " + resource + " does not load: " + e.getMessage(), e);
    }
  }

  /**
   * Validates a document.
   *
   * @param schema the schema
   * @param xml the document
   * @throws IOException if reading fails
   * @throws SAXException naming what is not valid
   */
  public static void validate(Schema schema, byte[] xml) throws IOException, SAXException {
    Validator validator = schema.newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
  }
}
