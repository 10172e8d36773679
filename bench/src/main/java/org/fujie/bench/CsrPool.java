package org.fujie.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * EC-P256 certificate requests made before the run, each with its own key, CN and SAN DNS name, kept
 * as ready-to-send JSON bodies so the load generator spends nothing on them while measuring.
 */
public final class CsrPool {

    /** One request: its public key (for the signing ceiling) and the JSON body of the API call. */
    public record Entry(X500Name subject, String dnsName, SubjectPublicKeyInfo publicKey, String csrPem, byte[] body) {
    }

    private final List<Entry> entries;
    private final AtomicInteger next = new AtomicInteger();

    private CsrPool(List<Entry> entries) {
        this.entries = entries;
    }

    public static CsrPool generate(int size, String profile) {
        CryptoProviders.bouncyCastle();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        List<Entry> entries = IntStream.range(0, size).parallel()
                .mapToObj(i -> entry("h" + i + "-" + run + ".bench.fujie.test", profile))
                .toList();
        return new CsrPool(new ArrayList<>(entries));
    }

    private static Entry entry(String dnsName, String profile) {
        try {
            KeyPair keyPair = KeyAlgorithm.EC_P256.generateKeyPair();
            X500Name subject = new X500Name("CN=" + dnsName + ",O=Fujie Bench");
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(CryptoProviders.BC).build(keyPair.getPrivate()));
            String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(csr.getEncoded())
                    + "\n-----END CERTIFICATE REQUEST-----\n";
            String json = "{\"profile\":\"" + profile + "\",\"csr\":\"" + pem.replace("\n", "\\n") + "\"}";
            return new Entry(subject, dnsName, csr.getSubjectPublicKeyInfo(), pem, json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a CSR", e);
        }
    }

    public int size() {
        return entries.size();
    }

    Entry get(int index) {
        return entries.get(index);
    }

    /** The next request, round robin over the pool; safe from any thread. */
    public Entry next() {
        return entries.get(Math.floorMod(next.getAndIncrement(), entries.size()));
    }
}
