package io.shoudan.channels.wechat.http;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** WeChat Pay v2's flat XML {@code <xml><name>value</name>…</xml>}. Answers are bytes from outside: no DOCTYPE, no entities. */
final class WechatXml {

    private WechatXml() {
    }

    /** Values in CDATA (a {@code ]]>} inside is split across two sections); null values are left out. */
    static String write(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            xml.append('<').append(field.getKey()).append("><![CDATA[")
                    .append(field.getValue().replace("]]>", "]]]]><![CDATA[>"))
                    .append("]]></").append(field.getKey()).append('>');
        }
        return xml.append("</xml>").toString();
    }

    /** The fields in document order (the first of a repeated name wins); empty when the bytes are not such a document. */
    static Optional<Map<String, String>> parse(byte[] body) {
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
            Map<String, String> fields = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    fields.putIfAbsent(child.getNodeName(), child.getTextContent());
                }
            }
            return Optional.of(fields);
        } catch (Exception malformed) {
            return Optional.empty();
        }
    }
}
