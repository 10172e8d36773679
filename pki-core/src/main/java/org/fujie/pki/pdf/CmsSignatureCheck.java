package org.fujie.pki.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
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
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.x509.Pem;

/**
 * Verifies the CMS SignedData of a PDF signature (ETSI.CAdES.detached or adbe.pkcs7.detached) over the
 * byte range: one signer, detached content, the messageDigest attribute against our own digest of the raw
 * bytes, the signature with the signer's key (Bouncy Castle), and the ESS signing-certificate(-v2) binding.
 */
final class CmsSignatureCheck {

    private CmsSignatureCheck() {
    }

    static CmsVerification verify(byte[] contents, byte[] file, ByteRange range) {
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(withoutPadding(contents));
        } catch (CMSException | RuntimeException e) {
            return CmsVerification.failed(SubIndication.FORMAT_FAILURE, "/Contents is not a CMS SignedData", null, List.of());
        }
        List<X509Certificate> certificates = certificates(cms.getCertificates().getMatches(null));
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return CmsVerification.failed(SubIndication.FORMAT_FAILURE, "the CMS has " + signers.size()
                    + " signers; a PDF signature has one", null, certificates);
        }
        if (cms.getSignedContent() != null) {
            return CmsVerification.failed(SubIndication.FORMAT_FAILURE,
                    "the CMS encapsulates content; a PDF signature is detached over the byte range", null, certificates);
        }
        SignerInformation signer = signers.iterator().next();
        byte[] digest;
        try {
            digest = digest(signer.getDigestAlgorithmID(), out -> range.writeTo(file, out));
        } catch (Exception e) {
            return CmsVerification.failed(SubIndication.FORMAT_FAILURE, "unsupported digest algorithm "
                    + signer.getDigestAlgOID(), null, certificates);
        }
        AttributeTable signed = signer.getSignedAttributes();
        if (signed != null) {
            Attribute md = signed.get(CMSAttributes.messageDigest);
            if (md == null || !MessageDigest.isEqual(ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets(),
                    digest)) {
                return CmsVerification.failed(SubIndication.HASH_FAILURE,
                        "the digest of the signed bytes does not match the signature's messageDigest", null, certificates);
            }
        }
        X509Certificate signerCertificate = certificates.stream().filter(c -> signer.getSID().match(holder(c)))
                .findFirst().orElse(null);
        if (signerCertificate == null) {
            return CmsVerification.failed(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the signing certificate is not in the signature", null, certificates);
        }
        Boolean reference = signingCertificateReference(signed, signerCertificate);
        if (Boolean.FALSE.equals(reference)) {
            return CmsVerification.failed(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the signing-certificate attribute names another certificate", signerCertificate, certificates);
        }
        try {
            CMSSignedData withDigest = new CMSSignedData(Map.of(signer.getDigestAlgOID(), digest), withoutPadding(contents));
            SignerInformation bound = withDigest.getSignerInfos().getSigners().iterator().next();
            // Verify with the key alone: the certificate's validity at a claimed time is for path validation to judge.
            if (!bound.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProviders.bouncyCastle())
                    .build(signerCertificate.getPublicKey()))) {
                return CmsVerification.failed(SubIndication.SIG_CRYPTO_FAILURE,
                        "the signature value does not verify with the signing certificate's key", signerCertificate, certificates);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return CmsVerification.failed(SubIndication.HASH_FAILURE, "the digest of the signed bytes does not match: "
                    + e.getMessage(), signerCertificate, certificates);
        } catch (Exception e) {
            return CmsVerification.failed(SubIndication.SIG_CRYPTO_FAILURE, "the signature cannot be verified: "
                    + e.getMessage(), signerCertificate, certificates);
        }
        TimeStampToken token = null;
        String problem = null;
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute ts = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (ts != null) {
            try {
                token = new TimeStampToken(new CMSSignedData(ts.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
            } catch (Exception e) {
                problem = "the signature time-stamp cannot be read: " + e.getMessage();
            }
        }
        return new CmsVerification(null, "the signature verifies over the byte range", signerCertificate, certificates,
                signingTime(signed), reference != null, signer.getSignature(), token, problem);
    }

    /**
     * /Contents is padded with zeros after the DER SignedData (the space is reserved before signing); the
     * padding is cut by the outer DER length. Throws IllegalArgumentException when the length is unreadable.
     */
    static byte[] withoutPadding(byte[] contents) {
        if (contents.length < 2 || contents[0] != 0x30) {
            throw new IllegalArgumentException("not a DER SEQUENCE");
        }
        int first = contents[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 4 || contents.length < 2 + octets) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | contents[2 + i] & 0xff;
            }
            header = 2 + octets;
        }
        if (header + length > contents.length) {
            throw new IllegalArgumentException("the DER length runs past /Contents");
        }
        return java.util.Arrays.copyOf(contents, (int) (header + length));
    }

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    static byte[] digest(AlgorithmIdentifier algorithm, Content content) throws Exception {
        DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProviders.bouncyCastle())
                .build().get(new AlgorithmIdentifier(algorithm.getAlgorithm()));
        try (OutputStream out = calculator.getOutputStream()) {
            content.writeTo(out);
        }
        return calculator.getDigest();
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
                byte[] hash = digest(id.getHashAlgorithm(), out -> out.write(encoded));
                return MessageDigest.isEqual(hash, id.getCertHash()) && issuerSerialMatches(id.getIssuerSerial(), certificate);
            }
            Attribute v1 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                byte[] hash = digest(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1), out -> out.write(encoded));
                return MessageDigest.isEqual(hash, id.getCertHash()) && issuerSerialMatches(id.getIssuerSerial(), certificate);
            }
            return null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean issuerSerialMatches(org.bouncycastle.asn1.x509.IssuerSerial issuerSerial, X509Certificate certificate) {
        return issuerSerial == null || issuerSerial.getSerial().getValue().equals(certificate.getSerialNumber());
    }

    private static Instant signingTime(AttributeTable signed) {
        Attribute time = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (time == null) {
            return null;
        }
        try {
            ASN1Encodable value = time.getAttrValues().getObjectAt(0);
            return Time.getInstance(value).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<X509Certificate> certificates(Collection<X509CertificateHolder> holders) {
        List<X509Certificate> list = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            try {
                list.add(Pem.parseCertificate(holder.getEncoded()));
            } catch (IOException | RuntimeException e) {
                // an unreadable certificate cannot help build a path
            }
        }
        return list;
    }
}
