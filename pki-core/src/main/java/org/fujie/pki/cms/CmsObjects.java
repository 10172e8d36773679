package org.fujie.pki.cms;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.x509.Pem;

/** Small conversions every CMS check needs: digests over streamed content, certificates in and out of BC holders. */
public final class CmsObjects {

    private CmsObjects() {
    }

    /** Bytes written to a digest without holding them all: a PDF's byte range, a detached document. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;

        static Content of(byte[] bytes) {
            return out -> out.write(bytes);
        }
    }

    /** @throws Exception when the algorithm is not supported (the caller says so in its own terms) */
    public static byte[] digest(AlgorithmIdentifier algorithm, Content content) throws Exception {
        DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProviders.bouncyCastle())
                .build().get(new AlgorithmIdentifier(algorithm.getAlgorithm()));
        try (OutputStream out = calculator.getOutputStream()) {
            content.writeTo(out);
        }
        return calculator.getDigest();
    }

    public static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The readable ones; an unreadable certificate cannot help build a path. */
    public static List<X509Certificate> certificates(Collection<X509CertificateHolder> holders) {
        List<X509Certificate> list = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            try {
                list.add(Pem.parseCertificate(holder.getEncoded()));
            } catch (IOException | RuntimeException e) {
                // skipped
            }
        }
        return list;
    }
}
