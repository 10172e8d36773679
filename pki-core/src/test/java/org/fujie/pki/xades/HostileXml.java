package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.sun.net.httpserver.HttpServer;

/**
 * Hostile XML for the attack tests: documents from text, plain XML Signatures made with Santuario over them (RSA-SHA256,
 * exclusive C14N, the test signer's certificate and its CA's in KeyInfo), and the DOM moves and copies that wrap them.
 */
final class HostileXml {

    private static final SecureXml PARSER = new SecureXml(16 * 1024 * 1024, 256);

    private HostileXml() {
    }

    static Document parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Document parse(byte[] xml) {
        try {
            return PARSER.parse(xml);
        } catch (XmlFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static byte[] bytes(Document document) {
        return SecureXml.serialize(document);
    }

    /** The signed document parsed, changed and written again. */
    static byte[] rewritten(byte[] signed, Consumer<Document> change) {
        Document document = parse(signed);
        change.accept(document);
        return bytes(document);
    }

    /** The first element {namespace}localName at or under {@code node}. */
    static Element first(Node node, String namespace, String localName) {
        Document document = node instanceof Document d ? d : node.getOwnerDocument();
        Element root = node instanceof Document d ? d.getDocumentElement() : (Element) node;
        if (namespace.equals(root.getNamespaceURI()) && localName.equals(root.getLocalName())) {
            return root;
        }
        Node found = root.getElementsByTagNameNS(namespace, localName).item(0);
        if (found == null) {
            throw new IllegalArgumentException("no " + localName + " in " + document.getDocumentElement().getNodeName());
        }
        return (Element) found;
    }

    static Element signature(Node node) {
        return first(node, DS, "Signature");
    }

    /** A new, unsigned XML Signature in {@code document}; the caller places it, adds references, then {@link #sign}s it. */
    static XMLSignature newSignature(Document document) throws XMLSecurityException {
        XmlSecurity.init();
        return new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    }

    static Transforms transforms(Document document, String... algorithms) throws XMLSecurityException {
        Transforms transforms = new Transforms(document);
        for (String algorithm : algorithms) {
            transforms.addTransform(algorithm);
        }
        return transforms;
    }

    static void addReference(XMLSignature signature, String uri, Transforms transforms) throws XMLSecurityException {
        signature.addDocument(uri, transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
    }

    /** KeyInfo with the signer's certificate then its issuing CA's, and the signature value by the signer's key. */
    static void sign(XMLSignature signature, PdfTestPki pki) throws XMLSecurityException {
        sign(signature, pki.signer, pki.issuing.x509());
    }

    static void sign(XMLSignature signature, Issued signer, X509Certificate... chain) throws XMLSecurityException {
        signature.addKeyInfo(signer.x509());
        for (X509Certificate certificate : chain) {
            signature.getKeyInfo().itemX509Data(0).addCertificate(certificate);
        }
        signature.sign(signer.keyPair().getPrivate());
    }

    /** Fujie's verifier over the test PKI (OCSP then CRL, as {@link XadesVerifierTests#verifier}) with these limits. */
    static XadesVerifier verifier(PdfTestPki pki, XadesVerifierSettings settings) {
        return XadesVerifier.online(List.of(TrustAnchor.forAllPurposes(pki.root.x509())), ValidationPolicy.defaults(),
                pki.fetcher(), Clock.systemUTC(), settings);
    }

    /** A deep copy of {@code original} placed just before it, with one text changed and without its signature. */
    static Element forgeryBefore(Element original, String namespace, String localName, String text) {
        Element forgery = (Element) original.cloneNode(true);
        first(forgery, namespace, localName).setTextContent(text);
        for (Node n = forgery.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                forgery.removeChild(e);
                break;
            }
        }
        original.getParentNode().insertBefore(forgery, original);
        return forgery;
    }

    /** A new element {namespace}qualifiedName appended to {@code parent} (its prefix must be bound there). */
    static Element appendElement(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    /**
     * A local HTTP server that answers every request with the same bytes and counts the requests: a reference, entity or
     * stylesheet the verifier fetched would show here, and a signature over these bytes would then verify.
     */
    static final class Bait implements AutoCloseable {

        final byte[] content;
        private final AtomicInteger requests = new AtomicInteger();
        private final HttpServer server;

        Bait(String content) throws IOException {
            this.content = content.getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                exchange.sendResponseHeaders(200, this.content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(this.content);
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
