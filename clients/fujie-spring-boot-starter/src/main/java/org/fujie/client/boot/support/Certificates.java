package org.fujie.client.boot.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** What the starter reads off a certificate, in the forms Fujie's contract uses (lower-case hex, RFC 4514). */
public final class Certificates {

    private Certificates() {
    }

    /** SHA-256 of the DER encoding, lower-case hex: Fujie's fingerprint. */
    public static String fingerprint(X509Certificate certificate) {
        return HexFormat.of().formatHex(sha256(der(certificate)));
    }

    /** The serial number, lower-case hex without separators. */
    public static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** The subject as an RFC 4514 string, as Fujie's services write it. */
    public static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** The first O (organization) of a distinguished name, parsed as RDNs; null when it has none. */
    public static String organization(String rfc4514) {
        if (rfc4514 == null || rfc4514.isBlank()) {
            return null;
        }
        try {
            List<Rdn> rdns = new LdapName(rfc4514).getRdns();
            // LdapName lists the RDNs from the last written to the first; the first written O wins.
            for (int i = rdns.size() - 1; i >= 0; i--) {
                Rdn rdn = rdns.get(i);
                if (rdn.getType().toUpperCase(Locale.ROOT).equals("O") && rdn.getValue() instanceof String value) {
                    return value;
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    /** The canonical form of a DN, so that equal names written differently compare equal. */
    public static String canonical(String rfc4514) {
        return new X500Principal(rfc4514).getName(X500Principal.CANONICAL);
    }

    public static String pem(X509Certificate certificate) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der(certificate))
                + "\n-----END CERTIFICATE-----\n";
    }

    public static String pem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(certificate -> pem.append(pem(certificate)));
        return pem.toString();
    }

    /** Every certificate in a PEM (or DER) stream. */
    public static List<X509Certificate> read(InputStream in) throws IOException {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(certificate -> certificates.add((X509Certificate) certificate));
            return certificates;
        } catch (CertificateException e) {
            throw new IOException("not a certificate: " + e.getMessage(), e);
        }
    }

    public static List<X509Certificate> read(String pem) throws IOException {
        return read(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
