package org.fujie.pki.ses;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.cms.CmsObjects;
import org.fujie.pki.cms.TimeStampCheck;
import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationRequest;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SubjectNames;

/**
 * Verifies GB/T 38540 (v4) and GM/T 0031-2014 (v1) signatures over a document, and seals alone, in the standard's order
 * ({@link SesCheck}), ending at the first failure. Certificates and the seal's dates are judged at the signing time: the
 * maker's, because the seal was used then; the signer's, as the standard asks. That time is the genTime of a verified
 * time-stamp, else the claimed TBS_Sign.timeInfo (which only the signer vouches for). Never throws:
 * every outcome, malformed input included, is a {@link SesReport}. Thread-safe.
 */
public final class SesVerifier {

    private final CertificateValidator validator;
    private final List<X509Certificate> intermediates;
    private final SesVerifierSettings settings;
    private final Clock clock;

    /**
     * @param intermediates CA certificates that may help build the maker's, signer's and TSA's paths (untrusted): a seal
     *        and a signature carry only the end-entity certificates
     */
    public SesVerifier(CertificateValidator validator, List<X509Certificate> intermediates, SesVerifierSettings settings,
            Clock clock) {
        this.validator = validator;
        this.intermediates = List.copyOf(intermediates);
        this.settings = settings;
        this.clock = clock;
    }

    /** Verifies an SES_Signature (DER) over the document's bytes. */
    public SesReport verifySignature(byte[] signature, byte[] document) {
        return verifySignature(signature, document == null ? null : CmsObjects.Content.of(document));
    }

    /** As {@link #verifySignature(byte[], byte[])}, the document streamed into the digest (large files, a PDF's byte range). */
    public SesReport verifySignature(byte[] signature, CmsObjects.Content document) {
        try {
            return signature(signature, document);
        } catch (RuntimeException e) {
            return unreadable("verification stopped: " + e);
        }
    }

    /** Verifies a seal (DER) alone: its maker's signature, the maker certificate and the seal's validity at the time. */
    public SesReport verifySeal(byte[] seal, Instant at) {
        try {
            return seal(seal, at != null ? at : clock.instant());
        } catch (RuntimeException e) {
            return unreadable("verification stopped: " + e);
        }
    }

    private SesReport signature(byte[] encoded, CmsObjects.Content document) {
        SesSignature signature;
        X509Certificate signer;
        X509Certificate maker;
        try {
            signature = SesSignature.parse(encoded, settings.maxBytes());
            signer = certificate(signature.signerCertificate(), "signer");
            maker = certificate(signature.toSign().seal().makerCertificate(), "maker");
        } catch (SesFormatException e) {
            return unreadable(e.getMessage());
        }
        if (document == null) {
            return unreadable("no document given");
        }
        TbsSign toSign = signature.toSign();
        SesSeal seal = toSign.seal();
        // The time-stamp is reported last, as the standard orders it, but read first: a verified one proves when the
        // signature existed, so the certificates are judged then and a backdated timeInfo cannot dodge a revocation.
        Stamp stamp = signature.timeStamp() == null ? null : timeStamp(signature);
        Instant time = stamp != null && stamp.verified() != null && stamp.verified().valid() ? stamp.verified().genTime()
                : toSign.time();
        Steps steps = new Steps(SealFields.of(seal, subject(maker)), subject(signer), toSign.time(), time, toSign.propertyInfo());
        steps.timestamp = stamp == null ? null : stamp.verified();
        boolean ok = steps.add(SesCheckResult.passed(SesCheck.FORMAT, "a " + signature.version() + " SES_Signature"))
                && steps.add(signatureValue(signature, signer))
                && steps.add(signerInSeal(seal, signature.signerCertificate()))
                && steps.add(sealSignature(seal, maker))
                && steps.addAll(certificate(maker, time, settings.makerPurpose(), SesCheck.MAKER_CHAIN, SesCheck.MAKER_VALIDITY,
                        SesCheck.MAKER_REVOCATION, SesCheck.MAKER_KEY_USAGE, "maker certificate"))
                && steps.add(sealValidity(seal, time))
                && steps.addAll(certificate(signer, time, settings.signerPurpose(), SesCheck.SIGNER_CHAIN, SesCheck.SIGNER_VALIDITY,
                        SesCheck.SIGNER_REVOCATION, SesCheck.SIGNER_KEY_USAGE, "signer certificate"))
                && steps.add(documentHash(signature, document));
        if (ok && stamp != null) {
            steps.add(stamp.check());
        }
        return steps.report("signature with seal " + seal.sealInfo().esId() + " by " + subject(signer) + " verified");
    }

    private SesReport seal(byte[] encoded, Instant at) {
        SesSeal seal;
        X509Certificate maker;
        try {
            seal = SesSeal.parse(encoded, settings.maxBytes());
            maker = certificate(seal.makerCertificate(), "maker");
        } catch (SesFormatException e) {
            return unreadable(e.getMessage());
        }
        Steps steps = new Steps(SealFields.of(seal, subject(maker)), null, null, at, null);
        boolean ok = steps.add(SesCheckResult.passed(SesCheck.FORMAT, "a " + seal.version() + " SESeal"))
                && steps.add(sealSignature(seal, maker))
                && steps.addAll(certificate(maker, at, settings.makerPurpose(), SesCheck.MAKER_CHAIN, SesCheck.MAKER_VALIDITY,
                        SesCheck.MAKER_REVOCATION, SesCheck.MAKER_KEY_USAGE, "maker certificate"));
        if (ok) {
            steps.add(sealValidity(seal, at));
        }
        return steps.report("seal " + seal.sealInfo().esId() + " verified at " + at);
    }

    private static SesCheckResult signatureValue(SesSignature signature, X509Certificate signer) {
        ASN1ObjectIdentifier algorithm = signature.signatureAlgorithm();
        if (SesSignatureValues.verifies(signer, algorithm, signature.signedContent(), signature.signature())) {
            return SesCheckResult.passed(SesCheck.SIGNATURE_VALUE, "the signature verifies over TBS_Sign");
        }
        byte[] alternative = signature.alternativeSignedContent();
        if (alternative != null && SesSignatureValues.verifies(signer, algorithm, alternative, signature.signature())) {
            return SesCheckResult.passed(SesCheck.SIGNATURE_VALUE, "the signature verifies over SEQUENCE { TBS_Sign, cert, algorithm }");
        }
        return SesCheckResult.failed(SesCheck.SIGNATURE_VALUE, SubIndication.SIG_CRYPTO_FAILURE,
                "the signature value does not verify with the signer certificate's key (" + algorithm + ")");
    }

    /** Not listed is final (the seal does not authorise this signer): TOTAL_FAILED, not the standard's INDETERMINATE pairing. */
    private static SesCheckResult signerInSeal(SesSeal seal, byte[] signerCertificate) {
        SesCertList list = seal.sealInfo().property().certList();
        if (list.lists(signerCertificate)) {
            return SesCheckResult.passed(SesCheck.SIGNER_IN_SEAL, "the seal lists the signer certificate"
                    + (list.kind() == SesCertList.Kind.DIGESTS ? " by its digest" : ""));
        }
        return SesCheckResult.failed(SesCheck.SIGNER_IN_SEAL, Indication.TOTAL_FAILED, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                "the signer certificate is not in the seal's certificate list");
    }

    private static SesCheckResult sealSignature(SesSeal seal, X509Certificate maker) {
        ASN1ObjectIdentifier algorithm = seal.signatureAlgorithm();
        if (SesSignatureValues.verifies(maker, algorithm, seal.signedContent(), seal.signedValue())) {
            return SesCheckResult.passed(SesCheck.SEAL_SIGNATURE, "the maker's signature verifies over "
                    + (seal.version() == SesVersion.V4 ? "SES_SealInfo" : "SEQUENCE { SES_SealInfo, cert, algorithm }"));
        }
        if (SesSignatureValues.verifies(maker, algorithm, seal.alternativeSignedContent(), seal.signedValue())) {
            return SesCheckResult.passed(SesCheck.SEAL_SIGNATURE, "the maker's signature verifies over "
                    + (seal.version() == SesVersion.V4 ? "SEQUENCE { SES_SealInfo, cert, algorithm }" : "SES_SealInfo")
                    + " (the other reading of the standard)");
        }
        return SesCheckResult.failed(SesCheck.SEAL_SIGNATURE, SubIndication.SIG_CRYPTO_FAILURE,
                "the maker's signature does not verify over the seal information with the maker certificate's key");
    }

    private List<SesCheckResult> certificate(X509Certificate certificate, Instant at, Purpose purpose, SesCheck chain,
            SesCheck validity, SesCheck revocation, SesCheck keyUsage, String who) {
        return CertificateChecks.of(validator.validate(new ValidationRequest(certificate, intermediates, at, purpose)), certificate,
                chain, validity, revocation, keyUsage, who);
    }

    private static SesCheckResult sealValidity(SesSeal seal, Instant at) {
        SesPropertyInfo property = seal.sealInfo().property();
        if (at.isBefore(property.validStart())) {
            return SesCheckResult.failed(SesCheck.SEAL_VALIDITY, SubIndication.NOT_YET_VALID,
                    "the seal is valid from " + property.validStart() + ", not yet at " + at);
        }
        if (at.isAfter(property.validEnd())) {
            return SesCheckResult.failed(SesCheck.SEAL_VALIDITY, SubIndication.EXPIRED,
                    "the seal expired at " + property.validEnd() + ", before " + at);
        }
        return SesCheckResult.passed(SesCheck.SEAL_VALIDITY, "the seal is valid at " + at);
    }

    /** SM3 for SM2 (GB/T 38540: the hash goes with the signature algorithm), else the algorithm's own digest. */
    private static SesCheckResult documentHash(SesSignature signature, CmsObjects.Content document) {
        byte[] hash;
        ASN1ObjectIdentifier algorithm = signature.signatureAlgorithm();
        AlgorithmIdentifier digest = GMObjectIdentifiers.sm2sign_with_sm3.equals(algorithm) ? new AlgorithmIdentifier(GMObjectIdentifiers.sm3)
                : new DefaultDigestAlgorithmIdentifierFinder().find(new AlgorithmIdentifier(algorithm));
        try {
            hash = CmsObjects.digest(digest, document);
        } catch (java.io.IOException e) {
            return SesCheckResult.failed(SesCheck.DOCUMENT_HASH, Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND,
                    "the document cannot be read: " + e.getMessage());
        } catch (Exception e) {
            return SesCheckResult.failed(SesCheck.DOCUMENT_HASH, Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE,
                    "no digest is known for the signature algorithm " + algorithm);
        }
        if (MessageDigest.isEqual(hash, signature.toSign().dataHash())) {
            return SesCheckResult.passed(SesCheck.DOCUMENT_HASH, "the document's hash equals dataHash");
        }
        return SesCheckResult.failed(SesCheck.DOCUMENT_HASH, SubIndication.HASH_FAILURE, "the document's hash differs from dataHash");
    }

    /** The time-stamp's check and what was verified of it. */
    private record Stamp(SesCheckResult check, VerifiedTimestamp verified) {
    }

    private Stamp timeStamp(SesSignature signature) {
        TimeStampToken token;
        try {
            DerInput.checkStructure(signature.timeStamp(), "time-stamp");
            token = new TimeStampToken(new CMSSignedData(signature.timeStamp()));
        } catch (Exception e) {
            return new Stamp(SesCheckResult.failed(SesCheck.TIME_STAMP, Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE,
                    "the time-stamp is not an RFC 3161 token: " + e.getMessage()),
                    VerifiedTimestamp.failed(null, null, SubIndication.FORMAT_FAILURE, "the time-stamp cannot be read"));
        }
        VerifiedTimestamp verified = TimeStampCheck.verify(token, CmsObjects.Content.of(signature.signature()), intermediates,
                validator);
        return new Stamp(verified.valid() ? SesCheckResult.passed(SesCheck.TIME_STAMP, verified.detail())
                : SesCheckResult.failed(SesCheck.TIME_STAMP, verified.indication(), verified.subIndication(), verified.detail()),
                verified);
    }

    private static X509Certificate certificate(byte[] der, String who) {
        try {
            return Pem.parseCertificate(der);
        } catch (RuntimeException e) {
            throw new SesFormatException("the " + who + " certificate cannot be read: " + e.getMessage());
        }
    }

    private static String subject(X509Certificate certificate) {
        return SubjectNames.format(certificate.getSubjectX500Principal());
    }

    private static SesReport unreadable(String detail) {
        return new SesReport(Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE, detail,
                List.of(SesCheckResult.failed(SesCheck.FORMAT, Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE, detail)),
                null, null, null, null, null, null);
    }

    /** The checks run so far and what the report will say besides. */
    private static final class Steps {
        private final List<SesCheckResult> checks = new ArrayList<>();
        private final SealFields seal;
        private final String signer;
        private final Instant claimed;
        private final Instant validationTime;
        private final String propertyInfo;
        private VerifiedTimestamp timestamp;

        Steps(SealFields seal, String signer, Instant claimed, Instant validationTime, String propertyInfo) {
            this.seal = seal;
            this.signer = signer;
            this.claimed = claimed;
            this.validationTime = validationTime;
            this.propertyInfo = propertyInfo;
        }

        boolean add(SesCheckResult result) {
            checks.add(result);
            return result.passed();
        }

        boolean addAll(List<SesCheckResult> results) {
            checks.addAll(results);
            return results.stream().allMatch(SesCheckResult::passed);
        }

        SesReport report(String passed) {
            SesCheckResult last = checks.get(checks.size() - 1);
            if (last.passed()) {
                return new SesReport(Indication.TOTAL_PASSED, null, passed, checks, seal, signer, claimed, validationTime, propertyInfo,
                        timestamp);
            }
            return new SesReport(last.indication(), last.subIndication(), last.check() + ": " + last.detail(), checks, seal, signer,
                    claimed, validationTime, propertyInfo, timestamp);
        }
    }
}
