package org.fujie.pki.operator.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.UUID;

import org.fujie.pki.OpenSsl;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackendException;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Transit backend against a real Vault, when {@code VAULT_ADDR} is set: {@code VAULT_TOKEN} logs in, optional
 * {@code VAULT_NAMESPACE}, {@code VAULT_CACERT} (a PEM CA file) and {@code FUJIE_VAULT_TRANSIT_MOUNT} (default
 * {@code transit}) say where. Each run makes new keys {@code fujie-test-<random>}: the policy in deploy/vault gives no
 * delete, so remove them by hand or run against a dev server (deploy/vault/README.md says how).
 */
@EnabledIfEnvironmentVariable(named = "VAULT_ADDR", matches = ".+")
class VaultTransitRealServerTests {

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048"})
    void generateThenSignThenVerifyWithOpensslAndTheJdk(KeyAlgorithm algorithm, @TempDir Path dir) throws Exception {
        VaultSettings.Builder settings = VaultSettings.builder(System.getenv("VAULT_ADDR"),
                        VaultSettings.token(System.getenv("VAULT_TOKEN")))
                .namespace(System.getenv("VAULT_NAMESPACE"))
                .transitMount(environment("FUJIE_VAULT_TRANSIT_MOUNT", "transit"))
                .keyNamePrefix("fujie-test-");
        if (System.getenv("VAULT_CACERT") != null && !System.getenv("VAULT_CACERT").isBlank()) {
            settings.caFile(Path.of(System.getenv("VAULT_CACERT")));
        }
        VaultTransitKeyBackend backend = VaultTransitKeyBackend.open(settings.build());
        String alias = algorithm.id().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);

        SigningKey key = backend.generate(alias, algorithm);
        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(backend.contains(alias)).isTrue();
        X509Certificate certificate = VaultTransitKeyBackendTests.selfSigned(key);
        certificate.verify(certificate.getPublicKey());
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("ca.pem", Pem.certificate(certificate.getEncoded()));
        assertThat(openssl.run("verify", "-x509_strict", "-check_ss_sig", "-CAfile", "ca.pem", "ca.pem")).contains("ca.pem: OK");

        SigningKey again = VaultTransitKeyBackend.open(settings.build()).get(alias);
        assertThat(again.publicKeyInfo()).isEqualTo(key.publicKeyInfo());
        VaultTransitKeyBackendTests.selfSigned(again).verify(certificate.getPublicKey());
        assertThatThrownBy(() -> backend.generate(alias, algorithm)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> backend.get("never-made-" + UUID.randomUUID())).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("no key with alias");
    }

    private static String environment(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
