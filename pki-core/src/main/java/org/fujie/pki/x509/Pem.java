package org.fujie.pki.x509;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.fujie.pki.crypto.CryptoProviders;

/** PEM (RFC 7468) encoding and decoding of single objects and certificate chains. */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    public static String certificate(byte[] der) {
        return encode("CERTIFICATE", der);
    }

    /** The DER of the first block with the label; throws IllegalArgumentException when there is none. */
    public static byte[] decode(String pem, String label) {
        List<byte[]> blocks = decodeAll(pem, label);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no PEM block labelled " + label);
        }
        return blocks.get(0);
    }

    public static List<byte[]> decodeAll(String pem, String label) {
        List<byte[]> result = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                result.add(Base64.getMimeDecoder().decode(matcher.group(2)));
            }
        }
        return result;
    }

    public static X509Certificate parseCertificate(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            // The JDK rejects keys on curves it does not know (SM2); Bouncy Castle reads them.
            try {
                return new JcaX509CertificateConverter().setProvider(CryptoProviders.bouncyCastle())
                        .getCertificate(new X509CertificateHolder(der));
            } catch (IOException | CertificateException | RuntimeException notForBouncyCastleEither) {
                throw new IllegalArgumentException("not an X.509 certificate", e);
            }
        }
    }

    public static List<X509Certificate> parseCertificates(String pem) {
        return decodeAll(pem, "CERTIFICATE").stream().map(Pem::parseCertificate).toList();
    }
}
