package org.fujie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.operator.Pkcs11KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.fujie.pki.x509.Pem;

/**
 * The CA a benchmark issues from, per key algorithm: for EC-P256 the service's own issuing CA (id {@code issuing},
 * from the bootstrap); for SM2 an SM2 root ({@value #SM2_ROOT}, path length 1) and an SM2 issuing CA
 * ({@value #SM2_ISSUING}, its child) that the benchmark creates through {@code POST /api/v1/cas} on the service it
 * measures. The service keeps CA keys in DATA/keys under {@code ca-<id>}, so the in-process ceilings sign with the very
 * key the service signs with.
 *
 * @param id the CA's id in the API ({@code caId}), {@code issuing} for the default CA
 * @param certificate the issuing CA's certificate
 */
public record BenchCa(KeyAlgorithm algorithm, String id, X509CertificateHolder certificate) {

    public static final String DEFAULT_ID = "issuing";
    public static final String SM2_ROOT = "bench-sm2-root";
    public static final String SM2_ISSUING = "bench-sm2-issuing";

    /** The CA for {@code algorithm}; an SM2 hierarchy is created on the service first (it must not exist yet). */
    public static BenchCa of(KeyAlgorithm algorithm, TlsMaterial tls, Transport transport) throws Exception {
        if (algorithm == KeyAlgorithm.EC_P256) {
            X509CertificateHolder issuing = holder(tls.issuingCa());
            KeyAlgorithm found = KeyAlgorithm.of(issuing.getSubjectPublicKeyInfo()).orElse(null);
            if (found != KeyAlgorithm.EC_P256) {
                throw new IllegalStateException("the service's default issuing CA is " + found + ", not EC-P256");
            }
            return new BenchCa(algorithm, DEFAULT_ID, issuing);
        }
        if (algorithm != KeyAlgorithm.SM2) {
            throw new IllegalArgumentException("benchmark CAs are EC-P256 or SM2, not " + algorithm.id());
        }
        try (Transport.Connection connection = transport.open()) {
            X509CertificateHolder root = create(connection, "{\"id\":\"" + SM2_ROOT + "\",\"subject\":\"CN=Fujie Bench SM2 Root,"
                    + "O=Fujie Bench\",\"algorithm\":\"SM2\",\"pathLength\":1}");
            X509CertificateHolder issuing = create(connection, "{\"id\":\"" + SM2_ISSUING + "\",\"subject\":\"CN=Fujie Bench SM2"
                    + " Issuing CA,O=Fujie Bench\",\"algorithm\":\"SM2\",\"parentId\":\"" + SM2_ROOT + "\",\"pathLength\":0}");
            // Verifiers takes SM2 keys through Sm2 (the deployment's user ID): a wrong ID in the service fails here.
            if (KeyAlgorithm.of(issuing.getSubjectPublicKeyInfo()).orElse(null) != KeyAlgorithm.SM2
                    || !issuing.isSignatureValid(Verifiers.of(root.getSubjectPublicKeyInfo()))) {
                throw new IllegalStateException(SM2_ISSUING + " is not an SM2 CA whose SM3withSM2 signature verifies under " + SM2_ROOT);
            }
            return new BenchCa(algorithm, idFor(algorithm), issuing);
        }
    }

    /** The {@code caId} request bodies carry, or null for the service's default CA (bodies as before SM2). */
    public String caIdForRequests() {
        return DEFAULT_ID.equals(id) ? null : id;
    }

    /** The CA key, read from DATA/keys with the passphrase in DATA/secrets/key-passphrase, as the service reads it. */
    public SigningKey key(Path dataDir) throws IOException {
        SigningKey key = key(dataDir, id);
        if (!key.publicKeyInfo().equals(certificate.getSubjectPublicKeyInfo())) {
            throw new IllegalStateException("the key ca-" + id + " does not belong to " + certificate.getSubject());
        }
        return key;
    }

    /**
     * The key of the CA {@code id} in DATA/keys ({@code ca-<id>}), with the passphrase in DATA/secrets/key-passphrase; or,
     * when BENCH_CA_PKCS11_SLOT is set (run-issuance.sh --ca-backend pkcs11), the key {@code ca-<id>} in the PKCS#11 token
     * of that slot (library BENCH_CA_PKCS11_LIBRARY, default SoftHSM2's; PIN in the file BENCH_CA_PKCS11_PIN_FILE).
     */
    public static SigningKey key(Path dataDir, String id) throws IOException {
        String slot = System.getenv("BENCH_CA_PKCS11_SLOT");
        if (slot != null && !slot.isBlank()) {
            Path library = Path.of(System.getenv().getOrDefault("BENCH_CA_PKCS11_LIBRARY", "/usr/lib/softhsm/libsofthsm2.so"));
            char[] pin = Files.readString(Path.of(System.getenv("BENCH_CA_PKCS11_PIN_FILE")), StandardCharsets.UTF_8).strip().toCharArray();
            return Pkcs11KeyBackend.open(library, Long.parseLong(slot.strip()), pin).get("ca-" + id);
        }
        char[] passphrase = Files.readString(dataDir.resolve("secrets/key-passphrase"), StandardCharsets.UTF_8)
                .strip().toCharArray();
        return new SoftwareKeyBackend(dataDir.resolve("keys"), passphrase).get("ca-" + id);
    }

    /** The id of the CA {@link #of} gives for {@code algorithm}. */
    public static String idFor(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.SM2 ? SM2_ISSUING : DEFAULT_ID;
    }

    private static X509CertificateHolder create(Transport.Connection connection, String json) throws IOException {
        Transport.Response response = connection.post("/api/v1/cas", json.getBytes(StandardCharsets.UTF_8));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != 201) {
            throw new IOException("POST /api/v1/cas got HTTP " + response.status() + " (a fresh service is needed): " + body);
        }
        String pem = SmokeCheck.field(body, "certificatePem").replace("\\n", "\n").replace("\\r", "");
        return new X509CertificateHolder(Pem.decode(pem, "CERTIFICATE"));
    }

    private static X509CertificateHolder holder(X509Certificate certificate) throws Exception {
        return new X509CertificateHolder(certificate.getEncoded());
    }
}
