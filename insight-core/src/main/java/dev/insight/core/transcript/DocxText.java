package dev.insight.core.transcript;

import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import dev.insight.core.internal.zip.BoundedZip;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of a Word (.docx) file: one line per paragraph of {@code word/document.xml}, tabs and line breaks kept.
 * The XML is read with DTDs and external entities disabled, and the archive within the zip limits
 * ({@link BoundedZip}), so a zip bomb is refused instead of filling the heap.
 */
final class DocxText {
  private static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private DocxText() {}

  static String read(Path file) {
    try (BoundedZip zip = BoundedZip.open(file);
        InputStream in = zip.entry("word/document.xml").orElseThrow(() -> new InvalidInputException(
            new InputProblem(file.toString(), 0, null, null, "not a Word document (no word/document.xml)")))) {
      return paragraphs(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Word transcript " + file, e);
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof InvalidInputException limit) {
        throw limit;
      }
      throw new IllegalArgumentException("the Word document " + file + " is not well-formed XML: "
          + e.getMessage(), e);
    }
  }

  private static String paragraphs(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
    StringBuilder text = new StringBuilder();
    boolean inText = false;
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT && WORD_NS.equals(xml.getNamespaceURI())) {
          switch (xml.getLocalName()) {
            case "t" -> inText = true;
            case "tab" -> text.append('\t');
            case "br", "cr" -> text.append('\n');
            default -> { }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && WORD_NS.equals(xml.getNamespaceURI())) {
          if (xml.getLocalName().equals("t")) {
            inText = false;
          } else if (xml.getLocalName().equals("p")) {
            text.append('\n');
          }
        } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
          text.append(xml.getText());
        }
      }
    } finally {
      xml.close();
    }
    return text.toString();
  }
}
