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
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.Sm2;

/**
 * Certificate requests made before the run, each with its own key (EC-P256 by default, or SM2), CN and SAN DNS
 * name, kept as ready-to-send JSON bodies so the load generator spends nothing on them while measuring. SM2 CSRs
 * are signed through {@link Sm2#contentSigner} (SM3withSM2 with the deployment's user ID, by default GM/T 0009's
 * 1234567812345678), the ID the service checks the proof of possession under; their bodies name the CA to issue
 * from ({@code "caId"}), as SM2 CAs are not the service's default.
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

    /** EC-P256 requests for the service's default CA. */
    public static CsrPool generate(int size, String profile) {
        return generate(size, profile, KeyAlgorithm.EC_P256, null);
    }

    /**
     * @param algorithm the requests' key algorithm: EC-P256 or SM2
     * @param caId the CA to issue from, or null for the service's default
     */
    public static CsrPool generate(int size, String profile, KeyAlgorithm algorithm, String caId) {
        if (algorithm != KeyAlgorithm.EC_P256 && algorithm != KeyAlgorithm.SM2) {
            throw new IllegalArgumentException("CSRs are EC-P256 or SM2, not " + algorithm.id());
        }
        CryptoProviders.bouncyCastle();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String prefix = algorithm == KeyAlgorithm.SM2 ? "s" : "h";
        List<Entry> entries = IntStream.range(0, size).parallel()
                .mapToObj(i -> entry(prefix + i + "-" + run + ".bench.fujie.test", profile, algorithm, caId))
                .toList();
        return new CsrPool(new ArrayList<>(entries));
    }

    private static Entry entry(String dnsName, String profile, KeyAlgorithm algorithm, String caId) {
        try {
            KeyPair keyPair = algorithm.generateKeyPair();
            X500Name subject = new X500Name("CN=" + dnsName + ",O=Fujie Bench");
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(signer(algorithm, keyPair));
            String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(csr.getEncoded())
                    + "\n-----END CERTIFICATE REQUEST-----\n";
            String json = "{\"profile\":\"" + profile + "\"" + (caId == null ? "" : ",\"caId\":\"" + caId + "\"")
                    + ",\"csr\":\"" + pem.replace("\n", "\\n") + "\"}";
            return new Entry(subject, dnsName, csr.getSubjectPublicKeyInfo(), pem, json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a CSR", e);
        }
    }

    private static ContentSigner signer(KeyAlgorithm algorithm, KeyPair keyPair) throws Exception {
        return algorithm == KeyAlgorithm.SM2 ? Sm2.contentSigner(keyPair.getPrivate())
                : new JcaContentSignerBuilder("SHA256withECDSA").setProvider(CryptoProviders.BC).build(keyPair.getPrivate());
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
