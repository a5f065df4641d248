package io.shoudan.sandbox.http.wechat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * WeChat Pay v2's flat XML: {@code <xml><name>value</name>…</xml>}, values in CDATA or plain text.
 * Parsing refuses DOCTYPEs and external entities (bytes from outside).
 */
public final class WechatXml {

    private WechatXml() {
    }

    /** The parameters, in document order; empty when the bytes are not such a document. */
    public static Optional<Map<String, String>> parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            Document document = builder.parse(new ByteArrayInputStream(body));
            Element root = document.getDocumentElement();
            if (!"xml".equals(root.getTagName())) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    parameters.putIfAbsent(child.getNodeName(), child.getTextContent());
                }
            }
            return Optional.of(parameters);
        } catch (ParserConfigurationException | SAXException | IOException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** Digits go plain ({@code <total_fee>1</total_fee>}), everything else in CDATA, as WeChat writes. */
    public static String write(Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder("<xml>");
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (value == null) {
                continue;
            }
            xml.append('<').append(name).append('>');
            if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                xml.append(value);
            } else {
                // "]]>" cannot appear inside one CDATA section: split it across two.
                xml.append("<![CDATA[").append(value.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
            }
            xml.append("</").append(name).append('>');
        }
        return xml.append("</xml>").toString();
    }
}
