package org.fujie.pki.cms;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.validation.SubIndication;

/**
 * Verifies one SignerInfo of a CMS SignedData over content the caller streams (a PDF's byte range, a
 * detached document, the encapsulated content): the messageDigest attribute against our own digest, the
 * signing certificate among the CMS's certificates, the ESS signing-certificate(-v2) binding, the signature
 * with the signer's key alone (Bouncy Castle), and the signature time-stamp attribute read, not yet judged.
 */
public final class SignerCheck {

    private SignerCheck() {
    }

    /**
     * @param encoded the DER of the SignedData {@code signer} belongs to (re-read with our digest bound to it)
     * @param certificates the certificates the signer's may be among (the CMS's own, and the document's)
     */
    public static SignerVerification verify(byte[] encoded, SignerInformation signer, List<X509Certificate> certificates,
            CmsObjects.Content content) {
        // Found first, so that even a report of a broken signature can say whose it claims to be.
        X509Certificate signerCertificate = certificates.stream().filter(c -> signer.getSID().match(CmsObjects.holder(c)))
                .findFirst().orElse(null);
        byte[] digest;
        try {
            digest = CmsObjects.digest(signer.getDigestAlgorithmID(), content);
        } catch (Exception e) {
            return SignerVerification.failed(SubIndication.FORMAT_FAILURE, "unsupported digest algorithm "
                    + signer.getDigestAlgOID(), signerCertificate, certificates);
        }
        AttributeTable signed = signer.getSignedAttributes();
        if (signed != null) {
            Attribute md = signed.get(CMSAttributes.messageDigest);
            if (md == null || !MessageDigest.isEqual(ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets(),
                    digest)) {
                return SignerVerification.failed(SubIndication.HASH_FAILURE,
                        "the digest of the signed data does not match the signature's messageDigest", signerCertificate,
                        certificates);
            }
        }
        if (signerCertificate == null) {
            return SignerVerification.failed(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the signing certificate is not in the signature", null, certificates);
        }
        Boolean reference = signingCertificateReference(signed, signerCertificate);
        if (Boolean.FALSE.equals(reference)) {
            return SignerVerification.failed(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the signing-certificate attribute names another certificate", signerCertificate, certificates);
        }
        try {
            SignerInformation bound = bound(encoded, signer, digest);
            // Verify with the key alone: the certificate's validity at a claimed time is for path validation to judge.
            if (!bound.verify(Verifiers.signerInfo(signerCertificate.getPublicKey()))) {
                return SignerVerification.failed(SubIndication.SIG_CRYPTO_FAILURE,
                        "the signature value does not verify with the signing certificate's key", signerCertificate, certificates);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return SignerVerification.failed(SubIndication.HASH_FAILURE, "the digest of the signed data does not match: "
                    + e.getMessage(), signerCertificate, certificates);
        } catch (Exception e) {
            return SignerVerification.failed(SubIndication.SIG_CRYPTO_FAILURE, "the signature cannot be verified: "
                    + e.getMessage(), signerCertificate, certificates);
        }
        TimeStampToken token = null;
        String problem = null;
        Attribute ts = unsigned(signer, PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (ts != null) {
            try {
                token = new TimeStampToken(new CMSSignedData(ts.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
            } catch (Exception e) {
                problem = "the signature time-stamp cannot be read: " + e.getMessage();
            }
        }
        return new SignerVerification(null, "the signature verifies over the signed data", signerCertificate, certificates,
                signingTime(signed), reference != null, signer.getSignature(), token, problem);
    }

    /** Whether the signed attributes carry an ESS signing-certificate(-v2) reference (what makes a signature CAdES). */
    public static boolean referencesSigningCertificate(SignerInformation signer) {
        AttributeTable signed = signer.getSignedAttributes();
        return signed != null && (signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null
                || signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate) != null);
    }

    static Attribute unsigned(SignerInformation signer, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        return unsigned == null ? null : unsigned.get(type);
    }

    /** The same SignerInfo re-read with our digest as the content's, so BC verifies against it, not against content it lacks. */
    private static SignerInformation bound(byte[] encoded, SignerInformation signer, byte[] digest) throws Exception {
        CMSSignedData withDigest = new CMSSignedData(Map.of(signer.getDigestAlgOID(), digest), encoded);
        for (SignerInformation candidate : withDigest.getSignerInfos().getSigners()) {
            if (candidate.getSID().equals(signer.getSID()) && MessageDigest.isEqual(candidate.getSignature(), signer.getSignature())) {
                return candidate;
            }
        }
        throw new IllegalStateException("the signer is not in the SignedData");
    }

    /** null when there is no signing-certificate attribute, else whether its first entry names the certificate. */
    private static Boolean signingCertificateReference(AttributeTable signed, X509Certificate certificate) {
        if (signed == null) {
            return null;
        }
        try {
            byte[] encoded = certificate.getEncoded();
            Attribute v2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                byte[] hash = CmsObjects.digest(id.getHashAlgorithm(), CmsObjects.Content.of(encoded));
                return MessageDigest.isEqual(hash, id.getCertHash()) && issuerSerialMatches(id.getIssuerSerial(), certificate);
            }
            Attribute v1 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                byte[] hash = CmsObjects.digest(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1), CmsObjects.Content.of(encoded));
                return MessageDigest.isEqual(hash, id.getCertHash()) && issuerSerialMatches(id.getIssuerSerial(), certificate);
            }
            return null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean issuerSerialMatches(IssuerSerial issuerSerial, X509Certificate certificate) {
        return issuerSerial == null || issuerSerial.getSerial().getValue().equals(certificate.getSerialNumber());
    }

    private static Instant signingTime(AttributeTable signed) {
        Attribute time = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (time == null) {
            return null;
        }
        try {
            return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
