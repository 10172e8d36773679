package org.fujie.pki.operator.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackendException;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Extensions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Transit backend over HTTPS: it trusts the CA in the configured PEM file, and says so when TLS fails. */
class VaultTransitTlsTests {

    private static final String TOKEN = "hvs.tls-" + UUID.randomUUID();

    @TempDir
    static Path dir;
    private static Path caFile;
    private static Path otherCaFile;
    private static VaultTransitStandIn vault;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.Issued ca = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Stand-in Vault TLS CA,O=Fujie Test");
        TestCertificates.Issued server = TestCertificates.issue(ca, KeyAlgorithm.EC_P256, "CN=127.0.0.1,O=Fujie Test", List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature)),
                Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
                Extensions.nonCritical(Extension.subjectAlternativeName,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))));
        caFile = Files.writeString(dir.resolve("vault-ca.pem"), ca.pem());
        otherCaFile = Files.writeString(dir.resolve("other-ca.pem"),
                TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Some Other CA,O=Fujie Test").pem());

        // The JDK's TLS server wants a JDK key object, not Bouncy Castle's.
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(server.keyPair().getPrivate().getEncoded()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, "pw".toCharArray(), new Certificate[] {server.x509(), ca.x509()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "pw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        vault = VaultTransitStandIn.startTls(TOKEN, tls);
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    @Test
    void signWhenCaFileTrustedThenCertificateVerifies() throws Exception {
        VaultTransitKeyBackend backend = VaultTransitKeyBackend.open(
                VaultSettings.builder(vault.address(), VaultSettings.token(TOKEN)).caFile(caFile).build());
        SigningKey key = backend.generate("over-tls", KeyAlgorithm.EC_P256);
        VaultTransitKeyBackendTests.selfSigned(key).verify(vault.publicKey("transit", "fujie-over-tls", 1));
        assertThat(vault.address()).startsWith("https://");
    }

    @Test
    void callsWhenServerCertificateNotTrustedThenTlsErrorNamesTheCaFile() {
        VaultTransitKeyBackend wrongCa = VaultTransitKeyBackend.open(
                VaultSettings.builder(vault.address(), VaultSettings.token(TOKEN)).caFile(otherCaFile).build());
        assertThatThrownBy(() -> wrongCa.contains("any")).isInstanceOf(KeyBackendException.class)
                .hasMessageStartingWith("TLS with vault at " + vault.address() + " failed: ")
                .hasMessageContaining("(trusting " + otherCaFile + ")").hasMessageNotContaining(TOKEN);
        VaultTransitKeyBackend jdkTrust = VaultTransitKeyBackend.open(
                VaultSettings.builder(vault.address(), VaultSettings.token(TOKEN)).build());
        assertThatThrownBy(() -> jdkTrust.contains("any")).isInstanceOf(KeyBackendException.class)
                .hasMessageStartingWith("TLS with vault at " + vault.address() + " failed: ");
    }
}
