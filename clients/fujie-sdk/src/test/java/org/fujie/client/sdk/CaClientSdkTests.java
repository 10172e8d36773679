package org.fujie.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import java.util.List;
import java.util.Map;

import org.fujie.ca.support.RunningCaService;
import org.fujie.client.sdk.admin.AuditClient;
import org.fujie.client.sdk.admin.AuditVerification;
import org.fujie.client.sdk.admin.Principal;
import org.fujie.client.sdk.admin.PrincipalClient;
import org.fujie.client.sdk.ca.CaKey;
import org.fujie.client.sdk.ca.CertificateAuthority;
import org.fujie.client.sdk.ca.NewAuthority;
import org.fujie.client.sdk.ca.CaClient;
import org.fujie.client.sdk.ca.Certificate;
import org.fujie.client.sdk.ca.CertificatePage;
import org.fujie.client.sdk.ca.CertificateQuery;
import org.fujie.client.sdk.ca.GeneratedKey;
import org.fujie.client.sdk.ca.IssueRequest;
import org.fujie.client.sdk.ca.Revocation;
import org.fujie.client.sdk.ca.RevocationReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CaClient against a real ca-service in this JVM, logged in with the bootstrap ADMIN's PKCS#12. */
class CaClientSdkTests {

    private static RunningCaService service;
    private static FujieConnection connection;
    private static CaClient ca;

    @BeforeAll
    static void start() throws Exception {
        service = RunningCaService.embedded();
        connection = adminConnection();
        ca = new CaClient(connection);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static FujieConnection adminConnection() throws Exception {
        char[] password = Files.readString(service.dataDir().resolve("bootstrap/admin.pass")).strip().toCharArray();
        return FujieConnection.builder(service.baseUrl()).trustChain(service.trustChain())
                .pkcs12(service.dataDir().resolve("bootstrap/admin.p12"), password).userAgent("sdk-tests").build();
    }

    @Test
    void issueFromCsrThenGetSearchAndRevoke() throws Exception {
        KeyPair keys = TestKeys.ecP256();
        Certificate issued = ca.issue(IssueRequest.fromCsr("tls-client", TestKeys.csr(keys, "CN=SDK Client,O=Fujie"))
                .withValidityDays(30));
        assertThat(issued.status()).isEqualTo("VALID");
        assertThat(issued.profile()).isEqualTo("tls-client");
        assertThat(issued.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(issued.notAfter()).isBefore(Instant.now().plus(31, ChronoUnit.DAYS));

        assertThat(ca.certificate(issued.serialNumber()).subject()).isEqualTo(issued.subject());
        CertificatePage page = ca.search(CertificateQuery.all().withSubject(issued.subject()).withProfile("tls-client").page(0, 10));
        assertThat(page.items()).extracting(Certificate::serialNumber).contains(issued.serialNumber());

        Revocation revocation = ca.revoke(issued.serialNumber(), RevocationReason.KEY_COMPROMISE, Instant.now().minusSeconds(60));
        assertThat(revocation.changed()).isTrue();
        assertThat(revocation.certificate().status()).isEqualTo("REVOKED");
        assertThat(ca.certificate(issued.serialNumber()).revocationReason()).isEqualTo("keyCompromise");
        // Revoke is idempotent by contract: a repeat (what a retry sends) changes nothing.
        assertThat(ca.revoke(issued.serialNumber(), RevocationReason.KEY_COMPROMISE).changed()).isFalse();
        assertThat(ca.search(CertificateQuery.all().withSubject(issued.subject()).withStatus("REVOKED")).items())
                .extracting(Certificate::serialNumber).contains(issued.serialNumber());
    }

    @Test
    void holdThenRelease() throws Exception {
        Certificate issued = ca.issue("tls-client", TestKeys.csr(TestKeys.ecP256(), "CN=SDK Hold,O=Fujie"));
        ca.revoke(issued.serialNumber(), RevocationReason.CERTIFICATE_HOLD);
        assertThat(ca.release(issued.serialNumber()).certificate().status()).isEqualTo("VALID");
    }

    @Test
    void generateReturnsPkcs12ThatKeyStoreOpens() throws Exception {
        GeneratedKey generated = ca.generate(IssueRequest.withGeneratedKey("tls-client", "CN=SDK Generated,O=Fujie",
                "EC-P256", "sdk-secret"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(generated.pkcs12()), "sdk-secret".toCharArray());
        String alias = store.aliases().nextElement();
        assertThat(store.getKey(alias, "sdk-secret".toCharArray())).isInstanceOf(PrivateKey.class);
        assertThat(((java.security.cert.X509Certificate) store.getCertificate(alias)).getSerialNumber().toString(16))
                .isEqualTo(generated.certificate().serialNumber());
    }

    @Test
    void listsTheBootstrapAuthorities() {
        assertThat(ca.authorities()).extracting(a -> a.id()).contains("root", "issuing");
        assertThat(ca.authority("issuing").parentId()).isEqualTo("root");
    }

    @Test
    void unknownSerialIsNotFoundWithItsSlug() {
        assertThatThrownBy(() -> ca.certificate("abcdef0123456789")).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.slug()).isEqualTo("not-found");
            assertThat(e.detail()).contains("abcdef0123456789");
        });
    }

    @Test
    void csrWithBrokenSignatureIsAnInvalidRequest() throws Exception {
        String pem = TestKeys.csr(TestKeys.ecP256(), "CN=SDK Broken,O=Fujie");
        String tampered = tamperSignature(pem);
        assertThatThrownBy(() -> ca.issue("tls-client", tampered)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.slug()).isIn("csr-signature-invalid", "csr-malformed");
        });
        assertThatThrownBy(() -> ca.issue("no-such-profile", pem)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.slug()).isEqualTo("profile-unknown"));
    }

    @Test
    void withoutClientCertificateIsUnauthorized() {
        FujieConnection anonymous = FujieConnection.builder(service.baseUrl()).trustChain(service.trustChain()).build();
        assertThatThrownBy(() -> new CaClient(anonymous).authorities()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void wrongTrustChainIsATransportFailure() throws Exception {
        FujieConnection stranger = FujieConnection.builder(service.baseUrl())
                .trustChain(TestKeys.strangerCaPem().getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> new CaClient(stranger).authorities()).isInstanceOf(FujieTransportException.class)
                .hasMessageContaining("TLS handshake failed");
    }

    @Test
    void keyCeremonyThenACaFromThatKey() {
        CaKey key = ca.generateKey("ca-sdk-ceremony", "EC-P256", null);
        assertThat(key.publicKeySha256()).matches("[0-9a-f]{64}");
        assertThat(key.usedByCa()).isNull();
        CertificateAuthority made = ca.createAuthority(new NewAuthority("sdk-ceremony", "CN=SDK Ceremony Root,O=Fujie", null,
                "ca-sdk-ceremony", null, 365, 0));
        assertThat(made.keyAlias()).isEqualTo("ca-sdk-ceremony");
        assertThat(made.parentId()).isNull();
        assertThat(ca.key("ca-sdk-ceremony").usedByCa()).isEqualTo("sdk-ceremony");
    }

    @Test
    void grantListAndRemoveAPrincipal() {
        PrincipalClient principals = new PrincipalClient(connection);
        Principal granted = principals.grant("CN=SDK Auditor,O=Fujie", null, List.of("AUDITOR"));
        assertThat(granted.roles()).containsExactly("AUDITOR");
        assertThat(principals.list()).extracting(Principal::id).contains(granted.id());
        principals.remove(granted.id());
        assertThat(principals.list()).extracting(Principal::id).doesNotContain(granted.id());
    }

    @Test
    void theAuditChainVerifiesAndExportsAsJsonLines() {
        AuditClient audit = new AuditClient(connection);
        AuditVerification verification = audit.verify();
        assertThat(verification.valid()).as(verification.reason()).isTrue();
        assertThat(verification.entriesChecked()).isPositive();
        Map<String, String> filters = new java.util.HashMap<>();
        filters.put("action", null);
        String lines = new String(audit.export(filters), StandardCharsets.UTF_8);
        assertThat(lines.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{").contains("\"hash\""));
    }

    /** Flips a bit in the last bytes of the DER: the signature, so the CSR still parses but no longer verifies. */
    private static String tamperSignature(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = java.util.Base64.getDecoder().decode(base64);
        der[der.length - 3] ^= 0x01;
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }
}
