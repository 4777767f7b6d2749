package dev.profgate.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses XML with the JDK's parser (document type declarations refused), for tests of XML outputs. */
public final class XmlDocuments {
    private XmlDocuments() {
    }

    /** The document of {@code xml}; fails on anything that is not well-formed XML 1.0. */
    public static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every element named {@code tag}, in document order. */
    public static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The names of every element of the document, without repetition, in document order. */
    public static List<String> tagNames(Document document) {
        return elements(document, "*").stream().map(Element::getTagName).distinct().toList();
    }
}
