package org.fujie.pki.cms;

import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.encoders.Hex;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.SubIndication;

/**
 * CAdES archive-time-stamp-v3 (ETSI EN 319 122-1 5.5.3): each token's ats-hash-index-v3 must name only data
 * still in the signature (certificates, revocation data, unsigned attribute values: later additions are fine,
 * removals are not), and its message imprint must be over eContentType, the hash of the signed content, the
 * signed fields of the SignerInfo and the index itself, all as encoded; then the token is checked like any other.
 */
final class ArchiveTimestamps {

    static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 = new ASN1ObjectIdentifier("0.4.0.1733.2.4");
    static final ASN1ObjectIdentifier ATS_HASH_INDEX_V3 = new ASN1ObjectIdentifier("0.4.0.19122.1.5");

    private ArchiveTimestamps() {
    }

    static List<VerifiedTimestamp> verify(CMSSignedData cms, SignerInformation signer, CmsObjects.Content content,
            List<X509Certificate> helpers, CertificateValidator validator) {
        List<VerifiedTimestamp> found = new ArrayList<>();
        if (signer.getUnsignedAttributes() == null) {
            return found;
        }
        for (Attribute attribute : signer.getUnsignedAttributes().toASN1Structure().getAttributes()) {
            if (!ARCHIVE_TIMESTAMP_V3.equals(attribute.getAttrType())) {
                continue;
            }
            for (ASN1Encodable value : attribute.getAttrValues()) {
                found.add(verifyOne(cms, signer, value, content, helpers, validator));
            }
        }
        return found;
    }

    private static VerifiedTimestamp verifyOne(CMSSignedData cms, SignerInformation signer, ASN1Encodable value,
            CmsObjects.Content content, List<X509Certificate> helpers, CertificateValidator validator) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(value.toASN1Primitive().getEncoded(ASN1Encoding.DER)));
        } catch (Exception e) {
            return VerifiedTimestamp.failed(null, null, SubIndication.FORMAT_FAILURE, "the archive time-stamp cannot be read");
        }
        java.time.Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        Attribute index = token.getUnsignedAttributes() == null ? null : token.getUnsignedAttributes().get(ATS_HASH_INDEX_V3);
        if (index == null || index.getAttrValues().size() != 1) {
            return VerifiedTimestamp.failed(genTime, null, SubIndication.FORMAT_FAILURE,
                    "the archive time-stamp has no ats-hash-index-v3");
        }
        byte[] imprintInput;
        try {
            ASN1Sequence hashIndex = ASN1Sequence.getInstance(index.getAttrValues().getObjectAt(0));
            String missing = missingFromSignature(cms, signer, hashIndex);
            if (missing != null) {
                return VerifiedTimestamp.failed(genTime, null, SubIndication.HASH_FAILURE,
                        "the archive time-stamp covers " + missing + " no longer in the signature");
            }
            imprintInput = imprintInput(cms, signer, content, token, hashIndex);
        } catch (Exception e) {
            return VerifiedTimestamp.failed(genTime, null, SubIndication.FORMAT_FAILURE,
                    "the archive time-stamp's hash index cannot be read: " + e.getMessage());
        }
        return TimeStampCheck.verify(token, CmsObjects.Content.of(imprintInput), helpers, validator);
    }

    /** Null when every hash of the index names something still there, else what is missing. */
    private static String missingFromSignature(CMSSignedData cms, SignerInformation signer, ASN1Sequence hashIndex)
            throws Exception {
        int offset = hashIndex.size() == 4 ? 1 : 0;
        AlgorithmIdentifier algorithm = offset == 1 ? AlgorithmIdentifier.getInstance(hashIndex.getObjectAt(0))
                : new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
        SignedData signedData = SignedData.getInstance(cms.toASN1Structure().getContent());
        Set<String> certificates = hashes(algorithm, signedData.getCertificates());
        Set<String> crls = hashes(algorithm, signedData.getCRLs());
        Set<String> attributes = new HashSet<>();
        if (signer.getUnsignedAttributes() != null) {
            for (Attribute attribute : signer.getUnsignedAttributes().toASN1Structure().getAttributes()) {
                byte[] type = attribute.getAttrType().getEncoded(ASN1Encoding.DER);
                for (ASN1Encodable v : attribute.getAttrValues()) {
                    byte[] encoded = concat(type, v.toASN1Primitive().getEncoded(ASN1Encoding.DER));
                    attributes.add(Hex.toHexString(CmsObjects.digest(algorithm, CmsObjects.Content.of(encoded))));
                }
            }
        }
        if (!allIn(hashIndex.getObjectAt(offset), certificates)) {
            return "a certificate";
        }
        if (!allIn(hashIndex.getObjectAt(offset + 1), crls)) {
            return "revocation data";
        }
        if (!allIn(hashIndex.getObjectAt(offset + 2), attributes)) {
            return "an unsigned attribute";
        }
        return null;
    }

    private static byte[] imprintInput(CMSSignedData cms, SignerInformation signer, CmsObjects.Content content,
            TimeStampToken token, ASN1Sequence hashIndex) throws Exception {
        SignedData signedData = SignedData.getInstance(cms.toASN1Structure().getContent());
        SignerInfo info = signer.toASN1Structure();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(signedData.getEncapContentInfo().getContentType().getEncoded(ASN1Encoding.DER));
        out.write(CmsObjects.digest(token.getTimeStampInfo().getHashAlgorithm(), content));
        out.write(info.getVersion().getEncoded(ASN1Encoding.DER));
        out.write(info.getSID().getEncoded(ASN1Encoding.DER));
        out.write(info.getDigestAlgorithm().getEncoded(ASN1Encoding.DER));
        byte[] signedAttributes = signer.getEncodedSignedAttributes();
        if (signedAttributes != null) {
            signedAttributes = signedAttributes.clone();
            signedAttributes[0] = (byte) 0xA0; // [0] IMPLICIT SET OF Attribute, as in the SignerInfo
            out.write(signedAttributes);
        }
        out.write(info.getDigestEncryptionAlgorithm().getEncoded(ASN1Encoding.DER));
        out.write(info.getEncryptedDigest().getEncoded(ASN1Encoding.DER));
        out.write(hashIndex.getEncoded(ASN1Encoding.DER));
        return out.toByteArray();
    }

    private static Set<String> hashes(AlgorithmIdentifier algorithm, ASN1Set items) throws Exception {
        Set<String> hashes = new HashSet<>();
        if (items != null) {
            for (ASN1Encodable item : items) {
                hashes.add(Hex.toHexString(CmsObjects.digest(algorithm,
                        CmsObjects.Content.of(item.toASN1Primitive().getEncoded(ASN1Encoding.DER)))));
            }
        }
        return hashes;
    }

    private static boolean allIn(ASN1Encodable listed, Set<String> present) {
        for (ASN1Encodable hash : ASN1Sequence.getInstance(listed)) {
            if (!present.contains(Hex.toHexString(ASN1OctetString.getInstance(hash).getOctets()))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
