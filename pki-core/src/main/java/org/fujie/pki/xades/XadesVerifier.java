package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fujie.pki.cms.DocumentValidation;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies every ds:Signature of an XML document (XAdES baseline, ETSI EN 319 132-1, or plain XML Signature) and answers in
 * EN 319 102-1 terms, as the PDF and CMS verifiers do: each reference checked against what it really names, the XAdES
 * properties, the signature and archive time-stamps, the signing certificate's path and revocation at the best signature
 * time, and the baseline level. Parsing is hardened ({@link SecureXml}), references are checked before anything is
 * dereferenced ({@link ReferencePolicy}), Santuario runs with secure validation, and signature wrapping is looked for
 * across the document ({@link WrappingCheck}). Never throws for bad input: every outcome is an {@link XmlReport}.
 * Thread-safe.
 */
public final class XadesVerifier {

    /** The url of every revocation finding taken from the signature's own validation data. */
    public static final String EMBEDDED = "embedded:XAdES";

    private final DocumentValidation validation;
    private final XadesVerifierSettings settings;
    private final SecureXml xml;

    public XadesVerifier(DocumentValidation validation, XadesVerifierSettings settings) {
        this.validation = Objects.requireNonNull(validation, "validation");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.xml = settings.parser();
    }

    /** With OCSP then CRL over the fetcher, caches shared by all documents. */
    public static XadesVerifier online(List<TrustAnchor> anchors, ValidationPolicy policy, HttpFetcher fetcher, Clock clock,
            XadesVerifierSettings settings) {
        return new XadesVerifier(DocumentValidation.online(anchors, policy, fetcher, clock), settings);
    }

    public XmlReport verify(byte[] document) {
        return verify(document, Map.of());
    }

    /** @param detached the data of detached references, by name (the reference URI, percent-decoded) */
    public XmlReport verify(byte[] document, Map<String, byte[]> detached) {
        try {
            return run(document, detached);
        } catch (RuntimeException | StackOverflowError e) {
            return XmlReport.unreadable("the document could not be examined: " + e);
        }
    }

    private XmlReport run(byte[] bytes, Map<String, byte[]> detached) {
        for (byte[] data : detached.values()) {
            if (data.length > settings.maxDocumentBytes()) {
                return XmlReport.unreadable("detached data is larger than " + settings.maxDocumentBytes() + " bytes");
            }
        }
        Document document;
        try {
            document = xml.parse(bytes);
        } catch (XmlFormatException e) {
            return XmlReport.unreadable(e.getMessage());
        }
        NodeList found = document.getElementsByTagNameNS(DS, "Signature");
        if (found.getLength() == 0) {
            return XmlReport.unreadable("the XML document holds no ds:Signature");
        }
        if (found.getLength() > settings.maxSignatures()) {
            return XmlReport.unreadable("the document holds " + found.getLength() + " signatures, more than " + settings.maxSignatures());
        }
        List<Element> signatures = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            signatures.add((Element) found.item(i));
        }
        DocumentIds ids = DocumentIds.register(document);
        XmlSignatureCheck check = new XmlSignatureCheck(validation, settings, ids, detached);
        List<XmlSignatureCheck.Checked> checked = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            checked.add(check.verify(signatures.get(i), "S-" + (i + 1)));
        }
        return XmlReport.of(WrappingCheck.apply(document, checked));
    }
}
