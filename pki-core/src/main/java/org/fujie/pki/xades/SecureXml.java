package org.fujie.pki.xades;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Untrusted XML in and signed XML out. Parsing is namespace aware with secure processing on, refuses any DOCTYPE
 * (so no entity expansion, billion laughs or external entities), does no XInclude and fetches nothing, and bounds the
 * size and the element depth. Output is the document's canonical form (C14N 1.0 with comments, UTF-8): exactly the
 * nodes parsed or added, with no serializer choosing how to re-indent or re-declare namespaces.
 */
public final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String JDK_MAX_DEPTH = "jdk.xml.maxElementDepth";
    /** Xerces' deferred DOM builds nodes lazily: cheaper for a document read once, dearer for one walked many times. */
    private static final String DEFER_NODE_EXPANSION = "http://apache.org/xml/features/dom/defer-node-expansion";

    private final int maxBytes;
    private final int maxDepth;
    private final ThreadLocal<DocumentBuilder> builders;

    /**
     * @param maxBytes largest document parsed
     * @param maxDepth deepest element nesting accepted
     */
    public SecureXml(int maxBytes, int maxDepth) {
        if (maxBytes < 1 || maxDepth < 2) {
            throw new IllegalArgumentException("XML limits are too small");
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.builders = ThreadLocal.withInitial(this::newBuilder);
        XmlSecurity.init();
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** @throws XmlFormatException for anything but one well-formed XML document within the limits, with the parser's reason */
    public Document parse(byte[] xml) throws XmlFormatException {
        if (xml.length > maxBytes) {
            throw new XmlFormatException("the XML document is larger than " + maxBytes + " bytes");
        }
        if (blank(xml)) {
            // the parser would say "Premature end of file", which reads like a truncated document
            throw new XmlFormatException("the XML document is empty");
        }
        DocumentBuilder builder = builders.get();
        try {
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw new XmlFormatException(described(e));
        } catch (SAXException | IOException e) {
            throw new XmlFormatException("not well-formed XML: " + reason(e));
        } finally {
            builder.reset();
        }
    }

    /** Whether the bytes start like XML (after an optional BOM and white space): for routing uploads, not a promise. */
    public static boolean looksLikeXml(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    public static byte[] serialize(Document document) {
        Bytes out = new Bytes();
        serialize(document, out);
        return out.toByteArray();
    }

    public static void serialize(Document document, OutputStream out) {
        try {
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_WITH_COMMENTS).canonicalizeSubtree(document, out);
        } catch (InvalidCanonicalizerException | CanonicalizationException e) {
            throw new IllegalStateException("the document cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * The parser's refusal said as what it is: a DOCTYPE or a nesting beyond the limit is a refused document, not a
     * well-formedness error (a billion-laughs document is well-formed).
     */
    private String described(SAXParseException e) {
        String at = "(line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return "the XML document declares a DOCTYPE " + at + ": a DOCTYPE is not allowed (no DTDs, no entities)";
        }
        if (message.contains("maxElementDepth")) {
            return "the XML document nests elements deeper than " + maxDepth + " " + at;
        }
        return "not well-formed XML " + at + ": " + reason(e);
    }

    /** Nothing but an optional UTF-8 BOM and white space. */
    private static boolean blank(byte[] xml) {
        int i = xml.length >= 3 && (xml[0] & 0xff) == 0xef && (xml[1] & 0xff) == 0xbb && (xml[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < xml.length && (xml[i] == ' ' || xml[i] == '\n' || xml[i] == '\r' || xml[i] == '\t')) {
            i++;
        }
        return i == xml.length;
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return "a DOCTYPE is not allowed (no DTDs, no entities)";
        }
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private DocumentBuilder newBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            // signing and verifying walk the tree several times (ids, references, c14n)
            factory.setFeature(DEFER_NODE_EXPANSION, false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(JDK_MAX_DEPTH, String.valueOf(maxDepth));
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not resolved");
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not change the document
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    /** The canonicalizer writes byte by byte; ByteArrayOutputStream would take a lock for each. */
    private static final class Bytes extends OutputStream {
        private byte[] buffer = new byte[8192];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buffer, size, len);
            size += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
