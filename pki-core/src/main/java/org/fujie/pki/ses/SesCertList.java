package org.fujie.pki.ses;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The keepers' (签章者) certificates a seal lists. GB/T 38540: SES_CertList ::= CHOICE { certs CertInfoList (SEQUENCE OF
 * OCTET STRING, each a DER certificate), certDigestList CertDigestList (SEQUENCE OF CertDigestObj ::= SEQUENCE { type
 * PrintableString, value OCTET STRING }) }, chosen by certListType 1 or 2 beside it. GM/T 0031-2014 has only
 * certList SEQUENCE OF OCTET STRING (certificates), no certListType. Read by the elements' form, so a list whose
 * certListType disagrees with its content is still read as what it is.
 */
public final class SesCertList extends ASN1Object {

    /** certListType of GB/T 38540. */
    public enum Kind {
        CERTIFICATES(1), DIGESTS(2);

        private final int type;

        Kind(int type) {
            this.type = type;
        }

        public int type() {
            return type;
        }
    }

    /**
     * A certificate's digest. The standard leaves {@code type} "自定义" (writer-defined); Fujie writes "SM3" and reads SM3 or
     * SHA-256 by name or OID, and tries SM3 for a name it does not know.
     */
    public record CertDigest(String type, byte[] value) {
        public CertDigest {
            Objects.requireNonNull(type, "type");
            value = value.clone();
            if (!DERPrintableString.isPrintableString(type)) {
                throw new IllegalArgumentException("a digest type must be PrintableString text");
            }
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public static CertDigest sm3(byte[] certificate) {
            return new CertDigest("SM3", digest(new SM3Digest(), certificate));
        }

        boolean matches(byte[] certificate) {
            String name = type.toUpperCase(Locale.ROOT).replace("-", "");
            Digest digest = switch (name) {
                case "SHA256", "2.16.840.1.101.3.4.2.1" -> new SHA256Digest();
                default -> new SM3Digest();
            };
            return MessageDigest.isEqual(value, digest(digest, certificate));
        }

        private static byte[] digest(Digest digest, byte[] data) {
            digest.update(data, 0, data.length);
            byte[] out = new byte[digest.getDigestSize()];
            digest.doFinal(out, 0);
            return out;
        }
    }

    private final Kind kind;
    private final List<byte[]> certificates;
    private final List<CertDigest> digests;

    private SesCertList(Kind kind, List<byte[]> certificates, List<CertDigest> digests) {
        this.kind = kind;
        this.certificates = certificates.stream().map(byte[]::clone).toList();
        this.digests = List.copyOf(digests);
    }

    public static SesCertList ofCertificates(List<byte[]> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a seal lists at least one keeper");
        }
        return new SesCertList(Kind.CERTIFICATES, certificates, List.of());
    }

    public static SesCertList ofDigests(List<CertDigest> digests) {
        if (digests.isEmpty()) {
            throw new IllegalArgumentException("a seal lists at least one keeper");
        }
        return new SesCertList(Kind.DIGESTS, List.of(), digests);
    }

    public static SesCertList getInstance(Object object) {
        if (object instanceof SesCertList list) {
            return list;
        }
        ASN1Sequence sequence = SesDer.sequence(object, "the certificate list");
        if (sequence.size() == 0) {
            throw new SesFormatException("the certificate list is empty");
        }
        List<byte[]> certificates = new ArrayList<>();
        List<CertDigest> digests = new ArrayList<>();
        for (ASN1Encodable element : sequence) {
            ASN1Primitive primitive = element.toASN1Primitive();
            if (primitive instanceof ASN1OctetString octets) {
                certificates.add(octets.getOctets());
            } else if (primitive instanceof ASN1Sequence digest && digest.size() == 2
                    && digest.getObjectAt(0) instanceof ASN1PrintableString type) {
                try {
                    digests.add(new CertDigest(type.getString(), SesDer.octets(digest.getObjectAt(1), "CertDigestObj.value")));
                } catch (IllegalArgumentException e) {
                    throw new SesFormatException("CertDigestObj: " + e.getMessage());
                }
            } else {
                throw new SesFormatException("a certificate list entry is neither a certificate nor a CertDigestObj");
            }
        }
        if (!certificates.isEmpty() && !digests.isEmpty()) {
            throw new SesFormatException("the certificate list mixes certificates and digests");
        }
        return certificates.isEmpty() ? ofDigests(digests) : ofCertificates(certificates);
    }

    public Kind kind() {
        return kind;
    }

    /** The DER certificates listed; empty for a digest list. */
    public List<byte[]> certificates() {
        return certificates.stream().map(byte[]::clone).toList();
    }

    public List<CertDigest> digests() {
        return digests;
    }

    /** Whether the certificate (DER) is listed, itself or by its digest. */
    public boolean lists(byte[] certificate) {
        if (kind == Kind.CERTIFICATES) {
            return certificates.stream().anyMatch(c -> MessageDigest.isEqual(c, certificate));
        }
        return digests.stream().anyMatch(d -> d.matches(certificate));
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector();
        if (kind == Kind.CERTIFICATES) {
            certificates.forEach(c -> v.add(new DEROctetString(c)));
        } else {
            digests.forEach(d -> v.add(new DERSequence(new ASN1Encodable[] {new DERPrintableString(d.type()),
                    new DEROctetString(d.value())})));
        }
        return new DERSequence(v);
    }
}
