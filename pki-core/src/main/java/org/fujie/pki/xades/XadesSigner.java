package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.ALL_SIGNATURES;
import static org.fujie.pki.xades.XadesNames.BASE64;
import static org.fujie.pki.xades.XadesNames.DS;
import static org.fujie.pki.xades.XadesNames.EXC_C14N;
import static org.fujie.pki.xades.XadesNames.SHA256;
import static org.fujie.pki.xades.XadesNames.SIGNED_PROPERTIES_TYPE;
import static org.fujie.pki.xades.XadesNames.XADES141;
import static org.fujie.pki.xades.XadesNames.XPATH2_FILTER;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPath2FilterContainer;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.ltv.LongTermData;
import org.fujie.pki.ltv.LongTermDataCollector;
import org.fujie.pki.ltv.SigningServiceException;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.tsp.TimeStamper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Makes XAdES baseline signatures (ETSI EN 319 132-1) with Apache Santuario: exclusive canonicalisation, SHA-256
 * references, the key's own signature method; B-T adds a SignatureTimeStamp, B-LT CertificateValues and
 * RevocationValues for the signer's and the TSA's paths, B-LTA an ArchiveTimeStamp. Enveloped signatures subtract every
 * ds:Signature (XPath Filter 2.0), so a later seal on the same document leaves this one valid. The signer decides no
 * policy: what to sign comes in {@link XadesParameters}, how through the {@link SigningKey}. Thread-safe.
 */
public final class XadesSigner {

    private final TimeStamper timeStamper;
    private final LongTermDataCollector longTermData;
    private final SecureXml xml;

    /**
     * @param timeStamper the TSA for B-T and above, or null for B-B only
     * @param longTermData the source of validation data for B-LT and above, or null
     */
    public XadesSigner(TimeStamper timeStamper, LongTermDataCollector longTermData, SecureXml xml) {
        this.timeStamper = timeStamper;
        this.longTermData = longTermData;
        this.xml = Objects.requireNonNull(xml, "xml");
        XmlSecurity.init();
    }

    /**
     * @param data the XML document (enveloped; enveloping when it is XML) or any bytes (enveloping, detached)
     * @param chain the signing certificate first, then its issuers
     * @return the signed document (enveloped), the signature around the data (enveloping), or the signature alone (detached)
     * @throws XmlFormatException when an enveloped signature is asked for data that is not acceptable XML
     */
    public byte[] sign(byte[] data, SigningKey key, List<X509Certificate> chain, XadesParameters parameters)
            throws XmlFormatException, XadesException, SigningServiceException {
        Document document = parameters.packaging() == XadesPackaging.ENVELOPED ? xml.parse(data) : newDocument();
        return signInto(document, data, null, null, key, chain, parameters);
    }

    /**
     * Countersigns the document's last signature (ETSI EN 319 132-1 5.4.2): a signature over its ds:SignatureValue in a
     * xades:CounterSignature among its unsigned properties, which no earlier property or time-stamp covers, so the
     * countersigned signature stays valid.
     *
     * @throws XadesException when the document has no signature, or its SignatureValue has no Id to reference (adding one
     *         would change what its time-stamps cover)
     */
    public byte[] countersign(byte[] signedXml, SigningKey key, List<X509Certificate> chain, XadesParameters parameters)
            throws XmlFormatException, XadesException, SigningServiceException {
        Document document = xml.parse(signedXml);
        Element target = null;
        NodeList signatures = document.getElementsByTagNameNS(DS, "Signature");
        for (int i = 0; i < signatures.getLength(); i++) {
            Element candidate = (Element) signatures.item(i);
            if (candidate.getParentNode() != null && !isCounterSignature(candidate)) {
                target = candidate;
            }
        }
        if (target == null) {
            throw new XadesException("the document holds no signature to countersign");
        }
        try {
            Element value = Dom.child(target, DS, "SignatureValue");
            if (value == null || value.getAttributeNS(null, "Id").isEmpty()) {
                throw new XadesException("the signature to countersign has no SignatureValue Id to reference");
            }
            value.setIdAttributeNS(null, "Id", true);
            Element holder = Dom.append(UnsignedProperties.orCreate(target), XadesNames.XADES, "xades:CounterSignature");
            return signInto(document, null, holder, value.getAttributeNS(null, "Id"), key, chain, parameters);
        } catch (XadesFormatException e) {
            throw new XadesException("the signature cannot be countersigned: " + e.getMessage(), e);
        }
    }

    private static boolean isCounterSignature(Element signature) {
        for (Node n = signature.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (XadesNames.XADES.equals(e.getNamespaceURI()) && "CounterSignature".equals(e.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param counterSignature the xades:CounterSignature to put the signature in, or null for a signature over {@code data}
     * @param counterSignedValue the Id of the ds:SignatureValue a countersignature signs
     */
    private byte[] signInto(Document document, byte[] data, Element counterSignature, String counterSignedValue, SigningKey key,
            List<X509Certificate> chain, XadesParameters parameters) throws XadesException, SigningServiceException {
        BaselineLevel level = parameters.level();
        if (level.compareTo(BaselineLevel.B_T) >= 0 && timeStamper == null
                || level.compareTo(BaselineLevel.B_LT) >= 0 && longTermData == null) {
            throw new XadesException("level " + level.label() + " is not available: no "
                    + (timeStamper == null ? "time-stamp authority" : "validation-data source") + " is configured");
        }
        try {
            byte[] random = new byte[8];
            CryptoProviders.secureRandom().nextBytes(random);
            String id = "id-" + HexFormat.of().formatHex(random);
            XMLSignature signature = new XMLSignature(document, "", SignatureMethods.uri(key.algorithm()), EXC_C14N);
            signature.setId(id);
            Element element = signature.getElement();
            String dataReference = "r-" + id + "-1";
            if (counterSignature != null) {
                counterSignature.appendChild(element);
                signature.addDocument("#" + counterSignedValue, c14n(document), SHA256, dataReference, XadesNames.COUNTERSIGNED_TYPE);
            } else {
                addData(signature, document, data, parameters, dataReference);
            }
            ObjectContainer qualifying = new ObjectContainer(document);
            signature.appendObject(qualifying);
            SignedProperties.appendTo(qualifying.getElement(), id, chain.get(0), parameters,
                    counterSignature == null ? dataReference : null);
            signature.addDocument("#xades-" + id, c14n(document), SHA256, null, SIGNED_PROPERTIES_TYPE);
            X509Data certificates = new X509Data(document);
            for (X509Certificate certificate : chain) {
                certificates.addCertificate(certificate);
            }
            signature.getKeyInfo().add(certificates);

            signature.getSignedInfo().generateDigestValues();
            byte[] value = SignatureMethods.sign(key, signature.getSignedInfo().getCanonicalizedOctetStream());
            Element signatureValue = Dom.child(element, DS, "SignatureValue");
            Dom.setId(signatureValue, "value-" + id);
            signatureValue.setTextContent(Base64.getEncoder().encodeToString(value));

            if (level.compareTo(BaselineLevel.B_T) >= 0) {
                extend(signature, id, chain, level);
            }
            return SecureXml.serialize(document);
        } catch (XMLSecurityException | XadesFormatException | IOException e) {
            throw new XadesException("the XAdES signature cannot be made: " + e.getMessage(), e);
        }
    }

    /** The signed data's reference: the document less all signatures, a ds:Object, or a detached resource. */
    private void addData(XMLSignature signature, Document document, byte[] data, XadesParameters parameters, String referenceId)
            throws XMLSecurityException, XadesException {
        Element element = signature.getElement();
        switch (parameters.packaging()) {
            case ENVELOPED -> {
                document.getDocumentElement().appendChild(element);
                Transforms transforms = new Transforms(document);
                XPath2FilterContainer filter = XPath2FilterContainer.newInstanceSubtract(document, ALL_SIGNATURES);
                filter.getElement().setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DS);
                transforms.addTransform(XPATH2_FILTER, filter.getElement());
                transforms.addTransform(EXC_C14N);
                signature.addDocument("", transforms, SHA256, referenceId, null);
            }
            case ENVELOPING -> {
                document.appendChild(element);
                ObjectContainer object = new ObjectContainer(document);
                object.setId("o-" + referenceId);
                Transforms transforms = new Transforms(document);
                if (SecureXml.looksLikeXml(data) && isXml(data)) {
                    object.getElement().appendChild(document.importNode(parseQuietly(data).getDocumentElement(), true));
                    object.setMimeType("text/xml");
                    transforms.addTransform(EXC_C14N);
                } else {
                    object.setEncoding(BASE64);
                    object.getElement().setTextContent(Base64.getEncoder().encodeToString(data));
                    transforms.addTransform(BASE64);
                }
                signature.appendObject(object);
                signature.addDocument("#o-" + referenceId, transforms, SHA256, referenceId, null);
            }
            case DETACHED -> {
                document.appendChild(element);
                String uri = URLEncoder.encode(parameters.dataName(), StandardCharsets.UTF_8).replace("+", "%20");
                signature.addResourceResolver(new DetachedResolver(uri, data));
                signature.addDocument(uri, null, SHA256, referenceId, null);
            }
        }
    }

    private boolean isXml(byte[] data) {
        try {
            xml.parse(data);
            return true;
        } catch (XmlFormatException e) {
            return false;
        }
    }

    private Document parseQuietly(byte[] data) throws XadesException {
        try {
            return xml.parse(data);
        } catch (XmlFormatException e) {
            throw new XadesException(e.getMessage());
        }
    }

    /** B-T and up: the signature time-stamp, then validation data, then the archive time-stamp. */
    private void extend(XMLSignature signature, String id, List<X509Certificate> chain, BaselineLevel level)
            throws XadesFormatException, SigningServiceException {
        Element element = signature.getElement();
        Element properties = UnsignedProperties.orCreate(element);
        MessageDigest digest = sha256();
        TimeStampInputs.signatureTimeStamp(element, EXC_C14N, new DigestOutputStream(OutputStreams.NULL, digest));
        byte[] token = timeStamp(digest.digest());
        UnsignedProperties.appendTimeStamp(properties, XadesNames.XADES, "xades:SignatureTimeStamp", "ts-" + id, EXC_C14N, token);
        if (level.compareTo(BaselineLevel.B_LT) < 0) {
            return;
        }
        LongTermData data = longTermData.collect(chain.get(0), chain.subList(1, chain.size()), null)
                .plus(longTermData.collectForTimeStamp(token, chain));
        UnsignedProperties.appendValidationData(properties, data);
        if (level != BaselineLevel.B_LTA) {
            return;
        }
        digest = sha256();
        TimeStampInputs.archiveTimeStamp(element, signature.getSignedInfo(), null, EXC_C14N,
                new DigestOutputStream(OutputStreams.NULL, digest));
        UnsignedProperties.appendTimeStamp(properties, XADES141, "xades141:ArchiveTimeStamp", "ats-" + id, EXC_C14N,
                timeStamp(digest.digest()));
    }

    private byte[] timeStamp(byte[] sha256) throws SigningServiceException {
        try {
            return timeStamper.timeStamp(NISTObjectIdentifiers.id_sha256, sha256);
        } catch (TimeStamper.TimeStampException e) {
            throw new SigningServiceException("no time-stamp: " + e.getMessage(), e);
        }
    }

    private static Transforms c14n(Document document) throws XMLSecurityException {
        Transforms transforms = new Transforms(document);
        transforms.addTransform(EXC_C14N);
        return transforms;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document newDocument() throws XadesException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new XadesException("no XML document builder", e);
        }
    }
}
