package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;
import static org.fujie.pki.xades.XadesNames.XADES;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.VerifiedReference;
import org.apache.xml.security.signature.XMLSignature;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.cms.CmsObjects;
import org.fujie.pki.cms.DocumentValidation;
import org.fujie.pki.cms.SignatureVerdict;
import org.fujie.pki.cms.TimeStampCheck;
import org.fujie.pki.cms.ValidationData;
import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationRequest;
import org.fujie.pki.validation.ValidationResult;
import org.fujie.pki.x509.SubjectNames;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The checks of one ds:Signature, in the order EN 319 102-1 takes them; see {@link XadesVerifier}. */
final class XmlSignatureCheck {

    /** The report, and the document elements the signature covers by ID (for {@link WrappingCheck}). */
    record Checked(XmlSignatureReport report, List<Element> dataElements) {
    }

    private final DocumentValidation validation;
    private final XadesVerifierSettings settings;
    private final DocumentIds ids;
    private final Map<String, byte[]> detached;

    XmlSignatureCheck(DocumentValidation validation, XadesVerifierSettings settings, DocumentIds ids, Map<String, byte[]> detached) {
        this.validation = validation;
        this.settings = settings;
        this.ids = ids;
        this.detached = detached;
    }

    Checked verify(Element signature, String fallbackId) {
        String id = signature.hasAttributeNS(null, "Id") ? signature.getAttributeNS(null, "Id") : fallbackId;
        Partial partial = new Partial(id, counterSignatureOf(signature));
        try {
            Element signedInfo = Dom.child(signature, DS, "SignedInfo");
            if (signedInfo == null) {
                return partial.failed(SubIndication.FORMAT_FAILURE, "the signature has no SignedInfo");
            }
            SubIndication method = SignatureMethodPolicy.refusal(signedInfo);
            if (method != null) {
                return partial.failed(method, SignatureMethodPolicy.reason(signedInfo));
            }
            ReferencePolicy.Covered covered = ReferencePolicy.check(signature, signedInfo, ids, detached, settings);
            partial.covered = covered;
            XadesProperties properties = XadesProperties.read(signature, id);
            if (properties != null && covered.signedProperties() != properties.signedProperties()) {
                return partial.failed(SubIndication.FORMAT_FAILURE, "the XAdES SignedProperties are not covered by a reference");
            }
            partial.format = properties == null ? "XMLDSig" : "XAdES";
            ValidationData data = properties == null ? new ValidationData(XadesProperties.keyInfoCertificates(signature),
                    List.of(), List.of()) : properties.validationData();
            X509Certificate signer = properties == null ? first(data.certificates())
                    : properties.signingCertificate(data.certificates());
            if (signer == null) {
                return partial.failed(SubIndication.NO_SIGNING_CERTIFICATE_FOUND, properties == null
                        ? "the signature carries no certificate" : "no certificate the signature carries matches its SigningCertificate");
            }
            partial.signer = SubjectNames.format(signer.getSubjectX500Principal());
            XMLSignature santuario = new XMLSignature(signature, "", true);
            covered.detached().forEach((uri, bytes) -> santuario.addResourceResolver(new DetachedResolver(uri, bytes)));
            String integrity = integrity(santuario, signer);
            if (integrity != null) {
                SubIndication sub = integrity.startsWith("the data") ? SubIndication.HASH_FAILURE : SubIndication.SIG_CRYPTO_FAILURE;
                return partial.failed(sub, integrity);
            }
            return partial.intact(properties, data, signer, santuario, signature);
        } catch (ReferenceRefused e) {
            return partial.failed(new SignatureVerdict(e.indication(), e.subIndication(), e.getMessage()));
        } catch (XadesFormatException e) {
            return partial.failed(SubIndication.FORMAT_FAILURE, e.getMessage());
        } catch (XMLSecurityException e) {
            return partial.failed(SubIndication.FORMAT_FAILURE, "the signature cannot be processed: " + e.getMessage());
        }
    }

    /** null when the signature value and every reference verify; else which failed. */
    private static String integrity(XMLSignature signature, X509Certificate signer) throws XMLSecurityException {
        if (signature.checkSignatureValue(signer.getPublicKey())) {
            return null;
        }
        SignedInfo signedInfo = signature.getSignedInfo();
        if (!signedInfo.verify(false)) {
            List<String> failed = new ArrayList<>();
            for (VerifiedReference reference : signedInfo.getVerificationResults()) {
                if (!reference.isValid()) {
                    failed.add("'" + reference.getUri() + "'");
                }
            }
            return "the data the reference(s) " + String.join(", ", failed) + " name no longer match their digest";
        }
        return "the signature value does not verify with the signing certificate's key";
    }

    /** The Id of the signature whose xades:CounterSignature holds this one, or null. */
    private static String counterSignatureOf(Element signature) {
        for (Node n = signature.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (XADES.equals(e.getNamespaceURI()) && "CounterSignature".equals(e.getLocalName())) {
                Element outer = ReferencePolicy.enclosingSignature(e);
                return outer == null ? null : outer.getAttributeNS(null, "Id");
            }
        }
        return null;
    }

    private static X509Certificate first(List<X509Certificate> certificates) {
        return certificates.isEmpty() ? null : certificates.get(0);
    }

    /** What is known of the signature so far, so that a failure at any step still reports it. */
    private final class Partial {
        final String id;
        final String counterSignatureOf;
        String format = "XMLDSig";
        String signer;
        ReferencePolicy.Covered covered;

        Partial(String id, String counterSignatureOf) {
            this.id = id;
            this.counterSignatureOf = counterSignatureOf;
        }

        Checked failed(SubIndication sub, String detail) {
            return failed(SignatureVerdict.failed(sub, detail));
        }

        Checked failed(SignatureVerdict verdict) {
            return new Checked(new XmlSignatureReport(id, format, signer, null, null, null, List.of(), verdict.indication(),
                    verdict.subIndication(), false, List.of(), List.of(), BaselineLevel.NONE, false,
                    covered == null ? List.of() : covered.scopes(), null, counterSignatureOf, verdict.detail()), List.of());
        }

        Checked intact(XadesProperties properties, ValidationData data, X509Certificate signer, XMLSignature santuario,
                Element signature) throws XadesFormatException {
            CertificateValidator validator = validation.forDocument(data, XadesVerifier.EMBEDDED);
            List<X509Certificate> helpers = data.certificates();
            VerifiedTimestamp timestamp = null;
            List<VerifiedTimestamp> archives = new ArrayList<>();
            if (properties != null) {
                for (Element property : properties.signatureTimeStamps()) {
                    String c14n = XadesProperties.canonicalization(property);
                    VerifiedTimestamp t = timeStamp(property, out -> write(() -> TimeStampInputs.signatureTimeStamp(signature, c14n, out)),
                            helpers, validator);
                    if (timestamp == null || !timestamp.valid() && t.valid()) {
                        timestamp = t;
                    }
                }
                for (Element property : properties.archiveTimeStamps()) {
                    String c14n = XadesProperties.canonicalization(property);
                    archives.add(timeStamp(property, out -> write(() -> TimeStampInputs.archiveTimeStamp(signature,
                            santuario.getSignedInfo(), property, c14n, out)), helpers, validator));
                }
            }
            Instant now = validation.clock().instant();
            Instant at = SignatureVerdict.bestSignatureTime(timestamp, archives, now);
            ValidationResult chain = validator.validate(new ValidationRequest(signer, helpers, at, settings.signerPurpose()));
            SignatureVerdict verdict = SignatureVerdict.of(chain, at, timestamp, archives);
            Instant claimed = properties == null ? null : properties.claimedSigningTime();
            Instant signingTime = timestamp != null && timestamp.valid() ? timestamp.genTime() : claimed;
            BaselineLevel level = properties == null ? BaselineLevel.NONE
                    : BaselineLevel.reached(chain, timestamp, archives, !data.crls().isEmpty() || !data.ocsps().isEmpty(),
                            XadesVerifier.EMBEDDED);
            return new Checked(new XmlSignatureReport(id, format, this.signer, signingTime, claimed, timestamp, archives,
                    verdict.indication(), verdict.subIndication(), true, chain.pathSubjects(), chain.revocation(), level,
                    covered.wholeDocument(), covered.scopes(), properties == null ? null : properties.claimedRole(),
                    counterSignatureOf, verdict.detail()), covered.dataElements());
        }
    }

    private static VerifiedTimestamp timeStamp(Element property, CmsObjects.Content timestamped, List<X509Certificate> helpers,
            CertificateValidator validator) {
        TimeStampToken token;
        try {
            Element encapsulated = Dom.child(property, XADES, "EncapsulatedTimeStamp");
            if (encapsulated == null) {
                return VerifiedTimestamp.failed(null, null, SubIndication.FORMAT_FAILURE, "the time-stamp property holds no token");
            }
            token = new TimeStampToken(new CMSSignedData(XadesProperties.base64(encapsulated)));
        } catch (Exception e) {
            return VerifiedTimestamp.failed(null, null, SubIndication.FORMAT_FAILURE, "the time-stamp token cannot be read");
        }
        return TimeStampCheck.verify(token, timestamped, helpers, validator);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws XadesFormatException;
    }

    private static void write(Step step) throws IOException {
        try {
            step.run();
        } catch (XadesFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
