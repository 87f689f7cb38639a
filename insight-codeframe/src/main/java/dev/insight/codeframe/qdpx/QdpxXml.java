package dev.insight.codeframe.qdpx;

import dev.insight.core.input.InputProblem;
import dev.insight.core.input.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The DOM of a {@code project.qde}: parsed without DTDs or external entities, walked by element name in the project
 * namespace, with the GUID and date forms the tools write.
 */
final class QdpxXml {
  /** The REFI-QDA project namespace. */
  static final String NS = "urn:QDA-XML:project:1.0";

  private QdpxXml() {}

  static Document parse(byte[] xml, String source) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      throw new InvalidInputException(new InputProblem(source, Math.max(0, e.getLineNumber()), null, null,
          "malformed XML: " + e.getMessage()));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new InvalidInputException(new InputProblem(source, 0, null, null, "cannot read the XML: "
          + e.getMessage()));
    }
  }

  /** The element children of an element that are in the project namespace, in order. */
  static List<Element> children(Element parent) {
    List<Element> list = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && NS.equals(element.getNamespaceURI())) {
        list.add(element);
      }
    }
    return list;
  }

  /** The element children of an element that are in another namespace (or none), in order. */
  static List<Element> foreignChildren(Element parent) {
    List<Element> list = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && !NS.equals(element.getNamespaceURI())) {
        list.add(element);
      }
    }
    return list;
  }

  static List<Element> children(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getLocalName().equals(name)).toList();
  }

  static Optional<Element> child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getLocalName().equals(name)).findFirst();
  }

  /**
   * The elements of a name in the project namespace below an element, in document order. Walked with an explicit
   * stack: the DOM's own {@code getElementsByTagNameNS} takes time quadratic in the depth of a hostile file.
   */
  static List<Element> descendants(Element parent, String name) {
    List<Element> list = new ArrayList<>();
    Deque<Node> next = new ArrayDeque<>();
    for (Node node = parent.getLastChild(); node != null; node = node.getPreviousSibling()) {
      next.push(node);
    }
    while (!next.isEmpty()) {
      Node node = next.pop();
      if (node instanceof Element element) {
        if (NS.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
          list.add(element);
        }
        for (Node child = element.getLastChild(); child != null; child = child.getPreviousSibling()) {
          next.push(child);
        }
      }
    }
    return list;
  }

  /** A GUID as a lookup key: lower case, without braces (MAXQDA and NVivo write upper case, QualCoder lower). */
  static String key(String guid) {
    String value = guid.strip().toLowerCase(Locale.ROOT);
    return value.startsWith("{") && value.endsWith("}") ? value.substring(1, value.length() - 1) : value;
  }

  /**
   * A date and time as the tools write it: {@code xs:dateTime} with a zone, or without one (read as UTC, as the
   * tools that omit it mean).
   *
   * @return the instant, or null when the value is not a date and time
   */
  static @Nullable Instant instant(String value) {
    String text = value.strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
