package org.fujie.pki.cms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.encoders.Base64;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.pki.validation.ValidationRequest;
import org.fujie.pki.validation.ValidationResult;
import org.fujie.pki.x509.SubjectNames;

/**
 * Verifies every signer of a CMS SignedData (a .p7s, DER or PEM; CAdES baseline, ETSI EN 319 122-1, or plain
 * CMS) over its encapsulated content or a detached document, and answers in EN 319 102-1 terms: the content's
 * digest and the signature, the signature time-stamp, archive-time-stamp-v3 attributes, the signing
 * certificate's path and revocation at the best signature time (the SignedData's own certificates and
 * revocation data first, then the online sources), and the baseline level reached. The file's indication is the
 * worst of its signers'. Never throws for bad input: every outcome is a {@link CmsReport}. Thread-safe.
 */
public final class CadesVerifier {

    /** The url of every revocation finding taken from the SignedData itself. */
    public static final String EMBEDDED = "embedded:CMS";

    private final DocumentValidation validation;
    private final CmsVerifierSettings settings;

    public CadesVerifier(DocumentValidation validation, CmsVerifierSettings settings) {
        this.validation = Objects.requireNonNull(validation, "validation");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** With OCSP then CRL over the fetcher, caches shared by all documents. */
    public static CadesVerifier online(List<TrustAnchor> anchors, ValidationPolicy policy, HttpFetcher fetcher, Clock clock,
            CmsVerifierSettings settings) {
        return new CadesVerifier(DocumentValidation.online(anchors, policy, fetcher, clock), settings);
    }

    /** Whether the bytes look like a CMS signature file at all: DER SEQUENCE or PEM armour (for routing uploads). */
    public static boolean looksLikeCms(byte[] head) {
        if (head.length > 1 && head[0] == 0x30) {
            return true;
        }
        String text = new String(head, 0, Math.min(head.length, 64), StandardCharsets.US_ASCII).strip();
        return text.startsWith("-----BEGIN PKCS7-----") || text.startsWith("-----BEGIN CMS-----");
    }

    /**
     * @param signature the SignedData, DER or PEM ("PKCS7" or "CMS")
     * @param detached the signed document when the SignedData does not encapsulate it; null otherwise
     */
    public CmsReport verify(byte[] signature, byte[] detached) {
        try {
            return run(signature, detached);
        } catch (RuntimeException | StackOverflowError e) {
            return CmsReport.unreadable("the signature could not be examined: " + e);
        }
    }

    private CmsReport run(byte[] signature, byte[] detached) {
        if (signature.length > settings.maxDocumentBytes() || detached != null && detached.length > settings.maxDocumentBytes()) {
            return CmsReport.unreadable("the signature or document is larger than " + settings.maxDocumentBytes() + " bytes");
        }
        byte[] der = dearmour(signature);
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(der);
            SignedData.getInstance(cms.toASN1Structure().getContent());
        } catch (Exception e) {
            return CmsReport.unreadable("not a CMS SignedData");
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return CmsReport.unreadable("the SignedData holds no signer");
        }
        if (signers.size() > settings.maxSigners()) {
            return CmsReport.unreadable("the SignedData has " + signers.size() + " signers, more than " + settings.maxSigners());
        }
        byte[] encapsulated = encapsulated(cms);
        if (encapsulated == null && detached == null) {
            return CmsReport.unreadable("a detached signature: the signed document must be given with it");
        }
        if (encapsulated != null && detached != null && !MessageDigest.isEqual(encapsulated, detached)) {
            return new CmsReport(org.fujie.pki.validation.Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE,
                    "the document given differs from the content the signature encapsulates", List.of());
        }
        byte[] content = encapsulated != null ? encapsulated : detached;
        ValidationData data = ValidationData.of(cms);
        CertificateValidator validator = validation.forDocument(data, EMBEDDED);
        Instant now = validation.clock().instant();
        List<CmsSignatureReport> reports = new ArrayList<>();
        int n = 0;
        for (SignerInformation signer : signers) {
            reports.add(signer("S-" + ++n, der, cms, signer, content, data, validator, now));
        }
        return CmsReport.of(reports);
    }

    private CmsSignatureReport signer(String id, byte[] der, CMSSignedData cms, SignerInformation signer, byte[] content,
            ValidationData data, CertificateValidator validator, Instant now) {
        SignerVerification check = SignerCheck.verify(der, signer, data.certificates(), CmsObjects.Content.of(content));
        boolean cades = SignerCheck.referencesSigningCertificate(signer);
        String format = cades ? "CAdES" : "CMS";
        String subject = check.signer() == null ? null : SubjectNames.format(check.signer().getSubjectX500Principal());
        if (!check.verified()) {
            SignatureVerdict verdict = SignatureVerdict.failed(check.failure(), check.detail());
            return new CmsSignatureReport(id, format, subject, null, null, null, List.of(), verdict.indication(),
                    verdict.subIndication(), false, List.of(), List.of(), BaselineLevel.NONE, verdict.detail());
        }
        List<X509Certificate> helpers = data.certificates();
        VerifiedTimestamp timestamp = null;
        if (check.timestampToken() != null) {
            timestamp = TimeStampCheck.verify(check.timestampToken(), CmsObjects.Content.of(check.signatureValue()), helpers,
                    validator);
        } else if (check.timestampProblem() != null) {
            timestamp = VerifiedTimestamp.failed(null, null, SubIndication.FORMAT_FAILURE, check.timestampProblem());
        }
        List<VerifiedTimestamp> archives = ArchiveTimestamps.verify(cms, signer, CmsObjects.Content.of(content), helpers,
                validator);
        Instant at = SignatureVerdict.bestSignatureTime(timestamp, archives, now);
        ValidationResult chain = validator.validate(new ValidationRequest(check.signer(), helpers, at, settings.signerPurpose()));
        SignatureVerdict verdict = SignatureVerdict.of(chain, at, timestamp, archives);
        Instant signingTime = timestamp != null && timestamp.valid() ? timestamp.genTime() : check.claimedTime();
        return new CmsSignatureReport(id, format, subject, signingTime, check.claimedTime(), timestamp, archives,
                verdict.indication(), verdict.subIndication(), true, chain.pathSubjects(), chain.revocation(),
                cades ? BaselineLevel.reached(chain, timestamp, archives, !data.isEmpty(), EMBEDDED) : BaselineLevel.NONE, verdict.detail());
    }

    private static byte[] encapsulated(CMSSignedData cms) {
        SignedData signedData = SignedData.getInstance(cms.toASN1Structure().getContent());
        if (signedData.getEncapContentInfo().getContent() == null) {
            return null;
        }
        return ASN1OctetString.getInstance(signedData.getEncapContentInfo().getContent()).getOctets();
    }

    /** PEM armour off ("-----BEGIN PKCS7-----" as openssl writes it, or "CMS"); DER as it is. */
    private static byte[] dearmour(byte[] signature) {
        if (signature.length > 0 && signature[0] == 0x30) {
            return signature;
        }
        String text = new String(signature, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN ");
        int bodyStart = begin < 0 ? -1 : text.indexOf('\n', begin);
        int end = text.indexOf("-----END ");
        if (bodyStart < 0 || end < bodyStart) {
            return signature;
        }
        try {
            return Base64.decode(text.substring(bodyStart, end).replaceAll("\\s", ""));
        } catch (RuntimeException e) {
            return signature;
        }
    }
}
