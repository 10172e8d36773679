package org.fujie.pki.operator.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.github.jopenlibs.vault.json.Json;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackendException;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Transit backend against {@link VaultTransitStandIn} (written from Vault's API documentation, not Vault). */
class VaultTransitKeyBackendTests {

    private static final String ROOT_TOKEN = "hvs.root-" + UUID.randomUUID();
    private static final String ROLE_ID = "role-" + UUID.randomUUID();
    private static final String SECRET_ID = "secret-" + UUID.randomUUID();

    private VaultTransitStandIn vault;

    @BeforeEach
    void start() throws Exception {
        vault = VaultTransitStandIn.start(ROOT_TOKEN);
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048"})
    void generateWhenSupportedAlgorithmThenCertificateVerifiesWithOpensslAndTheJdk(KeyAlgorithm algorithm, @TempDir Path dir)
            throws Exception {
        VaultTransitKeyBackend backend = backend(settings().build());
        String alias = "ca-" + algorithm.id().toLowerCase();
        SigningKey key = backend.generate(alias, algorithm);
        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(backend.contains(alias)).isTrue();
        assertThat(backend.name()).isEqualTo("vault");

        X509Certificate certificate = selfSigned(key);
        assertThat(certificate.getSigAlgOID()).isEqualTo(new DefaultSignatureAlgorithmIdentifierFinder()
                .find(algorithm.signatureAlgorithm()).getAlgorithm().getId());
        certificate.verify(certificate.getPublicKey());
        certificate.verify(vault.publicKey("transit", "fujie-" + alias, 1));
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("ca.pem", Pem.certificate(certificate.getEncoded()));
        assertThat(openssl.run("verify", "-x509_strict", "-check_ss_sig", "-CAfile", "ca.pem", "ca.pem")).contains("ca.pem: OK");

        VaultTransitStandIn.Request sign = last(vault.requests(), "transit/sign/");
        assertThat(sign.path()).isEqualTo("transit/sign/fujie-" + alias + "/" + (algorithm == KeyAlgorithm.EC_P384 ? "sha2-384" : "sha2-256"));
        assertThat(sign.body()).contains("\"prehashed\":true", "\"key_version\":1")
                .contains(algorithm.isRsa() ? "\"signature_algorithm\":\"pkcs1v15\"" : "\"marshaling_algorithm\":\"asn1\"");
        VaultTransitStandIn.Request create = vault.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("transit/keys/fujie-" + alias)).findFirst().orElseThrow();
        assertThat(create.body()).contains("\"exportable\":false", "\"allow_plaintext_backup\":false");
    }

    @Test
    void generateWhenAliasExistsOrAlgorithmUnsupportedThenRefused() {
        VaultTransitKeyBackend backend = backend(settings().build());
        backend.generate("taken", KeyAlgorithm.EC_P256);
        assertThatThrownBy(() -> backend.generate("taken", KeyAlgorithm.EC_P384)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("key taken exists already in vault (transit/keys/fujie-taken)");
        for (KeyAlgorithm unsupported : List.of(KeyAlgorithm.SM2, KeyAlgorithm.ED25519)) {
            assertThatThrownBy(() -> backend.generate("other", unsupported)).isInstanceOf(KeyBackendException.class)
                    .hasMessageContaining(unsupported.id() + " keys are not supported by the vault backend")
                    .hasMessageContaining("EC-P256, EC-P384, RSA-2048, RSA-3072 and RSA-4096");
        }
        assertThatThrownBy(() -> backend.get("../sys")).isInstanceOf(KeyBackendException.class).hasMessageContaining("invalid key alias");
        assertThat(backend.contains("other")).isFalse();
    }

    @Test
    void getWhenAnotherBackendMadeTheKeyThenSamePublicKeyAndMissingAliasIsClear() {
        SigningKey made = backend(settings().build()).generate("shared", KeyAlgorithm.EC_P256);
        VaultTransitKeyBackend other = backend(settings().build());
        assertThat(other.get("shared").publicKeyInfo()).isEqualTo(made.publicKeyInfo());
        assertThatThrownBy(() -> other.get("never-made")).isInstanceOf(KeyBackendException.class)
                .hasMessage("no key with alias never-made in vault (transit/keys/fujie-never-made)");
    }

    @Test
    void loginWhenAppRoleThenIssuedTokenIsSentAndLoginRepeatsOnceWhenTokenIsRevoked() throws Exception {
        vault.addAppRole("approle", ROLE_ID, SECRET_ID);
        VaultTransitKeyBackend backend = backend(VaultSettings.builder(vault.address(),
                VaultSettings.appRole(ROLE_ID, SECRET_ID)).build());
        SigningKey key = backend.generate("approle-key", KeyAlgorithm.EC_P256);
        List<VaultTransitStandIn.Request> seen = vault.requests();
        assertThat(seen.get(0).path()).isEqualTo("auth/approle/login");
        assertThat(seen.get(0).token()).isNull();
        String issued = seen.get(1).token();
        assertThat(issued).startsWith("hvs.standin-");
        assertThat(seen.subList(1, seen.size())).allSatisfy(r -> assertThat(r.token()).isEqualTo(issued));

        vault.revokeIssuedTokens();
        selfSigned(key).verify(vault.publicKey("transit", "fujie-approle-key", 1));
        assertThat(vault.requests().stream().filter(r -> r.path().equals("auth/approle/login")).count()).isEqualTo(2);
        assertThat(last(vault.requests(), "transit/sign/").token()).isNotEqualTo(issued).startsWith("hvs.standin-");
    }

    @Test
    void loginWhenAppRoleAtOtherMountIsWrongThenClearErrorWithoutSecrets() {
        vault.addAppRole("fujie-approle", ROLE_ID, SECRET_ID);
        VaultTransitKeyBackend backend = backend(VaultSettings.builder(vault.address(),
                VaultSettings.appRole(ROLE_ID, SECRET_ID + "-wrong", "fujie-approle")).build());
        assertThatThrownBy(() -> backend.get("any")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("refused the AppRole login at auth/fujie-approle (400)")
                .satisfies(VaultTransitKeyBackendTests::noCredentials);
        VaultTransitKeyBackend right = backend(VaultSettings.builder(vault.address(),
                VaultSettings.appRole(ROLE_ID, SECRET_ID, "fujie-approle")).build());
        assertThat(right.contains("any")).isFalse();
    }

    @Test
    void requestsWhenNamespaceMountAndPrefixSetThenAllUseThem() {
        vault.enableTransit("pki/transit");
        vault.addAppRole("approle", ROLE_ID, SECRET_ID);
        VaultTransitKeyBackend backend = backend(VaultSettings.builder(vault.address(), VaultSettings.appRole(ROLE_ID, SECRET_ID))
                .namespace("team-pki/fujie").transitMount("pki/transit").keyNamePrefix("ca-").build());
        selfSigned(backend.generate("root", KeyAlgorithm.EC_P256));
        assertThat(vault.requests()).allSatisfy(r -> assertThat(r.namespace()).isEqualTo("team-pki/fujie"));
        assertThat(vault.requests()).extracting(VaultTransitStandIn.Request::path)
                .contains("pki/transit/keys/ca-root", "pki/transit/sign/ca-root/sha2-256");
    }

    @Test
    void signWhenKeyRotatedThenNewVersionSignsAfterRefreshAndOldObjectsKeepTheirVersion() throws Exception {
        VaultTransitKeyBackend backend = backend(settings().build());
        backend.generate("rotating", KeyAlgorithm.EC_P256);
        operator("POST", "transit/keys/fujie-rotating/rotate", "{}");
        PublicKey v1 = vault.publicKey("transit", "fujie-rotating", 1);
        PublicKey v2 = vault.publicKey("transit", "fujie-rotating", 2);

        SigningKey cached = backend.get("rotating");  // within the TTL: still version 1, and consistent
        X509Certificate before = selfSigned(cached);
        before.verify(v1);
        assertThat(last(vault.requests(), "transit/sign/").body()).contains("\"key_version\":1");

        SigningKey refreshed = backend.refresh("rotating");
        assertThat(refreshed.publicKeyInfo().getEncoded()).isEqualTo(v2.getEncoded());
        X509Certificate after = selfSigned(refreshed);
        after.verify(v2);
        assertThatThrownBy(() -> after.verify(v1)).isInstanceOf(SignatureException.class);
        assertThat(last(vault.requests(), "transit/sign/").body()).contains("\"key_version\":2");
        selfSigned(cached).verify(v1);  // an object loaded before the rotation still signs with its own version
    }

    @Test
    void getWhenCacheTtlPassedThenRotatedVersionIsPickedUp() throws Exception {
        MovableClock clock = new MovableClock();
        VaultTransitKeyBackend backend = VaultTransitKeyBackend.open(settings().keyCacheTtl(Duration.ofSeconds(60)).build(), clock);
        backend.generate("ttl", KeyAlgorithm.EC_P384);
        operator("POST", "transit/keys/fujie-ttl/rotate", "{}");
        int before = vault.requestCount();
        assertThat(((VaultTransitSigningKey) backend.get("ttl")).version()).isEqualTo(1);
        assertThat(vault.requestCount()).as("served from the cache").isEqualTo(before);
        clock.now = clock.now.plusSeconds(61);
        SigningKey later = backend.get("ttl");
        assertThat(((VaultTransitSigningKey) later).version()).isEqualTo(2);
        selfSigned(later).verify(vault.publicKey("transit", "fujie-ttl", 2));
    }

    @Test
    void signWhenKeyDeletedThenNoKeyWithAlias() throws Exception {
        VaultTransitKeyBackend backend = backend(settings().build());
        SigningKey key = backend.generate("doomed", KeyAlgorithm.RSA_2048);
        operator("POST", "transit/keys/fujie-doomed/config", "{\"deletion_allowed\":true}");
        assertThat(operator("DELETE", "transit/keys/fujie-doomed", null).statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> selfSigned(key)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("no key with alias doomed in vault (transit/keys/fujie-doomed)")
                .satisfies(VaultTransitKeyBackendTests::noCredentials);
        assertThatThrownBy(() -> backend.refresh("doomed")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("no key with alias doomed");
    }

    @Test
    void getWhenKeyMadeExportableThenRefused() throws Exception {
        VaultTransitKeyBackend backend = backend(settings().build());
        backend.generate("leaky", KeyAlgorithm.EC_P256);
        operator("POST", "transit/keys/fujie-leaky/config", "{\"exportable\":true}");
        assertThatThrownBy(() -> backend.refresh("leaky")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("is exportable or allows plaintext backup");
    }

    @Test
    void callsWhenSealedOrDeniedThenClearErrorsWithoutCredentials() {
        VaultTransitKeyBackend backend = backend(settings().build());
        SigningKey key = backend.generate("guarded", KeyAlgorithm.EC_P256);
        vault.sealed(true);
        assertThatThrownBy(() -> selfSigned(key)).isInstanceOf(KeyBackendException.class)
                .hasMessage("vault at " + vault.address() + " is sealed (503): unseal it, then try again");
        assertThatThrownBy(() -> backend.refresh("guarded")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("is sealed").satisfies(VaultTransitKeyBackendTests::noCredentials);
        vault.sealed(false);
        vault.denyAll(true);
        assertThatThrownBy(() -> selfSigned(key)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("vault refused access to key guarded version 1 (transit/keys/fujie-guarded) (403): check the policy")
                .hasMessageContaining("permission denied").satisfies(VaultTransitKeyBackendTests::noCredentials);
        assertThatThrownBy(() -> backend.contains("guarded")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("vault refused access to key guarded (transit/keys/fujie-guarded) (403)");
        vault.addAppRole("approle", ROLE_ID, SECRET_ID);
        VaultTransitKeyBackend appRole = backend(VaultSettings.builder(vault.address(), VaultSettings.appRole(ROLE_ID, SECRET_ID)).build());
        assertThatThrownBy(() -> appRole.get("guarded")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("(403): check the policy").satisfies(VaultTransitKeyBackendTests::noCredentials);
    }

    @Test
    void callsWhenAddressUnreachableThenClearErrorWithoutCredentials() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String address = "http://127.0.0.1:" + closedPort;
        VaultTransitKeyBackend backend = backend(VaultSettings.builder(address, VaultSettings.token(ROOT_TOKEN)).build());
        assertThatThrownBy(() -> backend.get("anything")).isInstanceOf(KeyBackendException.class)
                .hasMessageStartingWith("vault at " + address + " is unreachable: ")
                .satisfies(VaultTransitKeyBackendTests::noCredentials);
        VaultTransitKeyBackend appRole = backend(VaultSettings.builder(address, VaultSettings.appRole(ROLE_ID, SECRET_ID)).build());
        assertThatThrownBy(() -> appRole.generate("anything", KeyAlgorithm.EC_P256)).isInstanceOf(KeyBackendException.class)
                .hasMessageStartingWith("vault at " + address + " is unreachable: ")
                .satisfies(VaultTransitKeyBackendTests::noCredentials);
    }

    @Test
    void settingsWhenPrintedThenNoCredentialsAndBadValuesAreRefused() {
        VaultSettings token = settings().namespace("ns1").build();
        VaultSettings appRole = VaultSettings.builder("https://vault.example:8200", VaultSettings.appRole(ROLE_ID, SECRET_ID)).build();
        for (Object printed : List.of(token, appRole, backend(token), token.authentication(), appRole.authentication())) {
            assertThat(printed.toString()).doesNotContain(ROOT_TOKEN, ROLE_ID, SECRET_ID);
        }
        assertThat(appRole.toString()).contains("https://vault.example:8200", "auth/approle", "transit/keys/fujie-*");
        assertThat(appRole.transitMount()).isEqualTo("transit");
        assertThat(appRole.keyCacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> VaultSettings.builder("ftp://vault", VaultSettings.token("t")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> VaultSettings.builder("http://vault:8200", VaultSettings.token("t"))
                .caFile(Path.of("/etc/hosts")).build()).hasMessageContaining("needs an https vault address");
        assertThatThrownBy(() -> VaultSettings.token(" ")).hasMessageContaining("token is missing");
        assertThatThrownBy(() -> settings().transitMount("../sys").build()).hasMessageContaining("invalid vault transit mount");
    }

    @Test
    void standInWhenRsaPssAskedThenSignsAsVaultDocumentsIt() throws Exception {
        operator("POST", "transit/keys/pss-key", "{\"type\":\"rsa-2048\"}");
        byte[] data = "signed with PSS".getBytes(StandardCharsets.UTF_8);
        String answer = operator("POST", "transit/sign/pss-key/sha2-256", "{\"input\":\""
                + Base64.getEncoder().encodeToString(data) + "\",\"signature_algorithm\":\"pss\"}").body();
        String signature = Json.parse(answer).asObject().get("data").asObject().getString("signature", "");
        assertThat(signature).startsWith("vault:v1:");
        Signature pss = Signature.getInstance("RSASSA-PSS");
        // Vault signs PSS with the longest salt the key allows: 256 - 32 - 2 octets for RSA-2048 and SHA-256.
        pss.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, 222, 1));
        pss.initVerify(vault.publicKey("transit", "pss-key", 1));
        pss.update(data);
        assertThat(pss.verify(Base64.getDecoder().decode(signature.substring("vault:v1:".length())))).isTrue();
    }

    private VaultSettings.Builder settings() {
        return VaultSettings.builder(vault.address(), VaultSettings.token(ROOT_TOKEN));
    }

    private static VaultTransitKeyBackend backend(VaultSettings settings) {
        return VaultTransitKeyBackend.open(settings);
    }

    /** A self-signed CA certificate built by Bouncy Castle and signed by the key's ContentSigner. */
    static X509Certificate selfSigned(SigningKey key) {
        try {
            X500Name name = new X500Name("CN=Vault Transit " + key.alias() + ",O=Fujie Test");
            Instant now = Instant.now();
            X509CertificateHolder holder = new X509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(30))), name, key.publicKeyInfo())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(key.newContentSigner());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (KeyBackendException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static VaultTransitStandIn.Request last(List<VaultTransitStandIn.Request> requests, String pathStart) {
        return requests.stream().filter(r -> r.path().startsWith(pathStart)).reduce((a, b) -> b).orElseThrow();
    }

    /** What an operator does with the vault CLI, here over the stand-in's HTTP API with the root token. */
    private HttpResponse<String> operator(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + path)).header("X-Vault-Token", ROOT_TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response;
    }

    private static void noCredentials(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(ROOT_TOKEN, ROLE_ID, SECRET_ID);
        }
    }

    private static final class MovableClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
