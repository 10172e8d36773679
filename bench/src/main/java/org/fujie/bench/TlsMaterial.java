package org.fujie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of mutual TLS, read from the service's bootstrap directory: the ADMIN client
 * certificate (admin.p12 with the password in admin.pass) and the trust anchors (trust-chain.pem).
 */
public final class TlsMaterial {

    private final SSLContext sslContext;
    private final SSLContext anonymous;
    private final List<X509Certificate> trustChain;

    private TlsMaterial(SSLContext sslContext, SSLContext anonymous, List<X509Certificate> trustChain) {
        this.sslContext = sslContext;
        this.anonymous = anonymous;
        this.trustChain = trustChain;
    }

    public static TlsMaterial load(Path dataDir) throws IOException, GeneralSecurityException {
        Path bootstrap = dataDir.resolve("bootstrap");
        char[] password = Files.readString(bootstrap.resolve("admin.pass"), StandardCharsets.UTF_8).strip().toCharArray();
        KeyStore client = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(bootstrap.resolve("admin.p12"))) {
            client.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(client, password);

        List<X509Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(bootstrap.resolve("trust-chain.pem"))) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) certificate);
            }
        }
        if (chain.isEmpty()) {
            throw new IOException("no certificate in " + bootstrap.resolve("trust-chain.pem"));
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        for (int i = 0; i < chain.size(); i++) {
            anchors.setCertificateEntry("ca-" + i, chain.get(i));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        SSLContext anonymous = SSLContext.getInstance("TLS");
        anonymous.init(null, trust.getTrustManagers(), null);
        return new TlsMaterial(context, anonymous, List.copyOf(chain));
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** The same trust anchors, no client certificate: a caller the service does not know (e.g. one logging in). */
    public SSLContext anonymousSslContext() {
        return anonymous;
    }

    /** The certificate of the CA that issues by default: the one in the chain that is not self-signed. */
    public X509Certificate issuingCa() {
        return trustChain.stream()
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .findFirst()
                .orElse(trustChain.get(0));
    }
}
