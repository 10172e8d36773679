package org.fujie.ca.profile;

import java.util.Locale;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/** Names of key usages (RFC 5280 4.2.1.3) and extended key usages (4.2.1.12) as profiles spell them. */
final class Usages {

    static final Map<String, Integer> KEY_USAGES = Map.of(
            "digitalSignature", KeyUsage.digitalSignature,
            "nonRepudiation", KeyUsage.nonRepudiation,
            "contentCommitment", KeyUsage.nonRepudiation,
            "keyEncipherment", KeyUsage.keyEncipherment,
            "dataEncipherment", KeyUsage.dataEncipherment,
            "keyAgreement", KeyUsage.keyAgreement,
            "keyCertSign", KeyUsage.keyCertSign,
            "cRLSign", KeyUsage.cRLSign);

    /** id-kp-documentSigning, RFC 9336. */
    static final ASN1ObjectIdentifier DOCUMENT_SIGNING = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36");

    private static final Map<String, ASN1ObjectIdentifier> EXTENDED = Map.of(
            "serverauth", KeyPurposeId.id_kp_serverAuth.toOID(),
            "clientauth", KeyPurposeId.id_kp_clientAuth.toOID(),
            "codesigning", KeyPurposeId.id_kp_codeSigning.toOID(),
            "emailprotection", KeyPurposeId.id_kp_emailProtection.toOID(),
            "timestamping", KeyPurposeId.id_kp_timeStamping.toOID(),
            "ocspsigning", KeyPurposeId.id_kp_OCSPSigning.toOID(),
            "documentsigning", DOCUMENT_SIGNING);

    private Usages() {
    }

    static int keyUsageBit(String name) {
        Integer bit = KEY_USAGES.get(name);
        if (bit == null) {
            throw new IllegalArgumentException("unknown key usage " + name + "; known: " + KEY_USAGES.keySet());
        }
        return bit;
    }

    /** An extended key usage by name or dotted OID. */
    static ASN1ObjectIdentifier extendedKeyUsage(String name) {
        ASN1ObjectIdentifier oid = EXTENDED.get(name.toLowerCase(Locale.ROOT));
        if (oid != null) {
            return oid;
        }
        try {
            return new ASN1ObjectIdentifier(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown extended key usage " + name + "; known: " + EXTENDED.keySet());
        }
    }
}
