package org.fujie.pki.tsp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureEncryptionAlgorithmFinder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Fingerprints;

/**
 * How to sign time-stamp tokens as one TSA (RFC 3161 2.4.2, RFC 5652): a SignedData over the DER
 * TSTInfo, signed attributes contentType, messageDigest, signingCertificateV2 (RFC 5816: ESSCertIDv2,
 * SHA-256 of the TSA certificate, with issuer and serial) and CMSAlgorithmProtection (RFC 6211). It
 * signs what it is given and decides nothing about requests.
 *
 * <p>Everything that does not change between tokens is built once here: the signer identifier, the
 * static attributes, the digest and signature algorithm identifiers, and the certificate sets already
 * DER-encoded. A token costs one digest, one small SET encoding and one signature from a fresh
 * {@link ContentSigner}, so any {@link SigningKey} backend works.
 */
public final class TimeStampTokenSigner {

    private static final byte[] SIGNED_DATA_OID = der(CMSObjectIdentifiers.signedData);
    private static final byte[] TST_INFO_OID = der(PKCSObjectIdentifiers.id_ct_TSTInfo);
    /** RFC 5652 5.1: version 3 because eContentType is not id-data. */
    private static final byte[] SIGNED_DATA_VERSION = der(new ASN1Integer(3));

    private final SigningKey key;
    private final X509CertificateHolder certificate;
    private final Instant notBefore;
    private final Instant notAfter;
    private final AlgorithmIdentifier signatureAlgorithm;
    private final AlgorithmIdentifier signerInfoSignatureAlgorithm;
    private final AlgorithmIdentifier digestAlgorithm;
    private final DigestCalculatorProvider digests = new BcDigestCalculatorProvider();
    private final SignerIdentifier signerId;
    private final Attribute[] staticAttributes;
    private final byte[] digestAlgorithms;
    private final Map<CertificateInclusion, byte[]> certificateSets = new EnumMap<>(CertificateInclusion.class);

    /**
     * @param chain the TSA certificate first, then its issuers in order (the root may be left out)
     * @throws IllegalArgumentException when the first certificate is not a TSA certificate (RFC 3161 2.3: the
     *         only extended key usage is id-kp-timeStamping, critical), is not the key's, or the chain is broken
     */
    public TimeStampTokenSigner(SigningKey key, List<X509CertificateHolder> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the TSA certificate is missing");
        }
        this.key = key;
        this.certificate = chain.get(0);
        checkTsaCertificate(certificate);
        if (!certificate.getSubjectPublicKeyInfo().equals(key.publicKeyInfo())) {
            throw new IllegalArgumentException("the TSA certificate is not for key " + key.alias());
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!chain.get(i).getIssuer().equals(chain.get(i + 1).getSubject())) {
                throw new IllegalArgumentException("certificate " + (i + 2) + " of the chain is not the issuer of certificate " + (i + 1));
            }
        }
        this.notBefore = certificate.getNotBefore().toInstant();
        this.notAfter = certificate.getNotAfter().toInstant();
        // Asked once of a signer that never signs: the algorithm is the key's, the same for every signer it makes.
        this.signatureAlgorithm = key.newContentSigner().getAlgorithmIdentifier();
        // EC-P256 gives SHA-256, EC-P384 SHA-384, Ed25519 SHA-512 (RFC 8419 3.1), SM2 SM3.
        AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm);
        if (digest == null) {
            throw new IllegalArgumentException("no CMS digest algorithm for " + signatureAlgorithm.getAlgorithm());
        }
        // RFC 5754 2: SHA-2 identifiers are generated with absent parameters (the finder gives NULL).
        this.digestAlgorithm = new AlgorithmIdentifier(digest.getAlgorithm());
        // RSA PKCS#1 v1.5 is named rsaEncryption in SignerInfo (RFC 3370 3.2), as Bouncy Castle's CMS does.
        this.signerInfoSignatureAlgorithm = new DefaultCMSSignatureEncryptionAlgorithmFinder().findEncryptionAlgorithm(signatureAlgorithm);
        this.signerId = new SignerIdentifier(new IssuerAndSerialNumber(certificate.toASN1Structure()));
        this.staticAttributes = new Attribute[] {
                new Attribute(CMSAttributes.contentType, new DERSet(PKCSObjectIdentifiers.id_ct_TSTInfo)),
                new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificateV2(certificate))),
                new Attribute(CMSAttributes.cmsAlgorithmProtect,
                        new DERSet(new CMSAlgorithmProtection(digestAlgorithm, CMSAlgorithmProtection.SIGNATURE, signerInfoSignatureAlgorithm)))};
        this.digestAlgorithms = der(new DERSet(digestAlgorithm));
        certificateSets.put(CertificateInclusion.NONE, new byte[0]);
        certificateSets.put(CertificateInclusion.TSA_CERTIFICATE, certificateSet(List.of(certificate)));
        certificateSets.put(CertificateInclusion.CHAIN, certificateSet(chain));
    }

    public X509CertificateHolder certificate() {
        return certificate;
    }

    /** Whether a token made at this instant falls within the TSA certificate's validity. */
    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }

    /**
     * Signs a DER TSTInfo and returns the DER TimeStampToken (a ContentInfo holding SignedData).
     *
     * @throws RuntimeException from the key backend when it cannot sign
     */
    public byte[] sign(byte[] tstInfo, CertificateInclusion certificates) {
        ASN1EncodableVector attributes = new ASN1EncodableVector(staticAttributes.length + 1);
        attributes.addAll(staticAttributes);
        attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(digest(tstInfo)))));
        // DERSet sorts its elements: the signature covers the DER encoding of the SET (RFC 5652 5.4).
        DERSet signedAttributes = new DERSet(attributes);
        byte[] signature = signature(der(signedAttributes));
        SignerInfo signerInfo = new SignerInfo(signerId, digestAlgorithm, signedAttributes, signerInfoSignatureAlgorithm,
                new DEROctetString(signature), (ASN1Set) null);

        byte[] encapsulatedContent = Der.tlv(Der.SEQUENCE, TST_INFO_OID, Der.tlv(Der.CONTEXT_0, Der.tlv(Der.OCTET_STRING, tstInfo)));
        byte[] signedData = Der.tlv(Der.SEQUENCE, SIGNED_DATA_VERSION, digestAlgorithms, encapsulatedContent,
                certificateSets.get(certificates), Der.tlv(Der.SET, der(signerInfo)));
        return Der.tlv(Der.SEQUENCE, SIGNED_DATA_OID, Der.tlv(Der.CONTEXT_0, signedData));
    }

    private byte[] signature(byte[] signedAttributes) {
        ContentSigner signer = key.newContentSigner();
        if (!signer.getAlgorithmIdentifier().equals(signatureAlgorithm)) {
            throw new IllegalStateException("key " + key.alias() + " changed its signature algorithm");
        }
        try (OutputStream out = signer.getOutputStream()) {
            out.write(signedAttributes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign with key " + key.alias(), e);
        }
        return signer.getSignature();
    }

    private byte[] digest(byte[] content) {
        try {
            DigestCalculator calculator = digests.get(digestAlgorithm);
            try (OutputStream out = calculator.getOutputStream()) {
                out.write(content);
            }
            return calculator.getDigest();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest " + digestAlgorithm.getAlgorithm(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 3161 2.3: the TSA certificate MUST have exactly one extended key usage, id-kp-timeStamping, critical. */
    private static void checkTsaCertificate(X509CertificateHolder certificate) {
        Extension eku = certificate.getExtension(Extension.extendedKeyUsage);
        if (eku == null || !eku.isCritical()) {
            throw new IllegalArgumentException("a TSA certificate needs a critical extended key usage (RFC 3161 2.3)");
        }
        KeyPurposeId[] purposes = ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages();
        if (purposes.length != 1 || !purposes[0].equals(KeyPurposeId.id_kp_timeStamping)) {
            throw new IllegalArgumentException("a TSA certificate's only extended key usage must be timeStamping (RFC 3161 2.3)");
        }
        KeyUsage keyUsage = KeyUsage.fromExtensions(certificate.getExtensions());
        if (keyUsage != null && !keyUsage.hasUsages(KeyUsage.digitalSignature) && !keyUsage.hasUsages(KeyUsage.nonRepudiation)) {
            throw new IllegalArgumentException("a TSA certificate's key usage must allow digitalSignature or nonRepudiation");
        }
    }

    /** RFC 5816: ESSCertIDv2 with SHA-256 (the default, so its AlgorithmIdentifier is left out) and issuerSerial. */
    private static SigningCertificateV2 signingCertificateV2(X509CertificateHolder certificate) {
        byte[] hash;
        try {
            hash = Fingerprints.digest("SHA-256", certificate.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(certificate.getIssuer())),
                new ASN1Integer(certificate.getSerialNumber()));
        return new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial));
    }

    /** The SignedData certificates field, [0] IMPLICIT CertificateSet, encoded once. */
    private static byte[] certificateSet(List<X509CertificateHolder> certificates) {
        ASN1EncodableVector vector = new ASN1EncodableVector(certificates.size());
        for (X509CertificateHolder each : certificates) {
            vector.add(each.toASN1Structure());
        }
        return der(new DERTaggedObject(false, 0, new DERSet(vector)));
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
