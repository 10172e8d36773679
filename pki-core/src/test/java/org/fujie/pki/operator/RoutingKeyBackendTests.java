package org.fujie.pki.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingKeyBackendTests {

    private static final char[] PASSPHRASE = "routing-test-passphrase".toCharArray();

    @TempDir
    Path directory;

    private SoftwareKeyBackend files;
    private SoftwareKeyBackend hsm;
    private SoftwareKeyBackend vault;

    @BeforeEach
    void backends() {
        files = new SoftwareKeyBackend(directory.resolve("software"), PASSPHRASE);
        hsm = new SoftwareKeyBackend(directory.resolve("hsm"), PASSPHRASE);
        vault = new SoftwareKeyBackend(directory.resolve("vault"), PASSPHRASE);
    }

    private RoutingKeyBackend routing(Map<String, String> routes) {
        Map<String, KeyBackend> named = new LinkedHashMap<>();
        named.put("software", files);
        named.put("hsm", hsm);
        named.put("vault", vault);
        return new RoutingKeyBackend(named, "software", routes);
    }

    @Test
    void generateWhenRoutedByPurposeThenKeyIsMadeInThatBackend() {
        RoutingKeyBackend keys = routing(Map.of("ca", "hsm", "ca-issuing", "vault"));

        keys.generate("ca-root", KeyAlgorithm.EC_P256);
        keys.generate("ca-issuing", KeyAlgorithm.EC_P256);
        keys.generate("ocsp-issuing-1", KeyAlgorithm.EC_P256);
        keys.generate("cab-1", KeyAlgorithm.EC_P256);

        assertThat(hsm.contains("ca-root")).isTrue();
        assertThat(vault.contains("ca-issuing")).isTrue();
        assertThat(files.contains("ocsp-issuing-1")).isTrue();
        // A route names a purpose up to a dash, never a bare prefix of another word.
        assertThat(files.contains("cab-1")).isTrue();
        assertThat(keys.backendOf("ca-root")).isEqualTo("hsm");
        assertThat(keys.backendOf("ca-issuing")).isEqualTo("vault");
        assertThat(keys.backendOf("ca-not-yet-made")).isEqualTo("hsm");
    }

    @Test
    void getWhenRouteChangedAfterGenerationThenKeyIsFoundWhereItLives() {
        routing(Map.of()).generate("ca-root", KeyAlgorithm.EC_P256);

        RoutingKeyBackend rerouted = routing(Map.of("ca", "hsm"));

        assertThat(rerouted.contains("ca-root")).isTrue();
        assertThat(rerouted.get("ca-root").publicKeyInfo()).isEqualTo(files.get("ca-root").publicKeyInfo());
        assertThat(rerouted.backendOf("ca-root")).isEqualTo("software");
    }

    @Test
    void getWhenKeyFoundOnceThenLaterLookupsAskNoBackendWhetherItHoldsIt() {
        AtomicInteger asked = new AtomicInteger();
        KeyBackend counting = new KeyBackend() {
            public String name() {
                return "hsm";
            }

            public boolean contains(String alias) {
                asked.incrementAndGet();
                return hsm.contains(alias);
            }

            public SigningKey generate(String alias, KeyAlgorithm algorithm) {
                return hsm.generate(alias, algorithm);
            }

            public SigningKey get(String alias) {
                return hsm.get(alias);
            }
        };
        hsm.generate("seal-1", KeyAlgorithm.EC_P256);
        Map<String, KeyBackend> named = new LinkedHashMap<>();
        named.put("software", files);
        named.put("hsm", counting);
        RoutingKeyBackend keys = new RoutingKeyBackend(named, "software", Map.of());

        SigningKey first = keys.get("seal-1");
        int afterFirst = asked.get();
        for (int i = 0; i < 5; i++) {
            assertThat(keys.get("seal-1").publicKeyInfo()).isEqualTo(first.publicKeyInfo());
        }

        assertThat(afterFirst).isEqualTo(1);
        assertThat(asked).hasValue(1);
        assertThat(keys.backendOf("seal-1")).isEqualTo("hsm");
    }

    @Test
    void generateWhenAliasExistsInAnotherBackendThenRefused() {
        hsm.generate("ca-root", KeyAlgorithm.EC_P256);

        assertThatThrownBy(() -> routing(Map.of()).generate("ca-root", KeyAlgorithm.EC_P256))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("exists already (in backend hsm)");
        assertThat(files.contains("ca-root")).isFalse();
    }

    @Test
    void constructWhenRouteNamesUnknownBackendThenRefusedNamingIt() {
        assertThatThrownBy(() -> routing(Map.of("seal", "hsm2")))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("route seal names key backend 'hsm2'")
                .hasMessageContaining("software, hsm, vault");
    }

    @Test
    void getWhenRoutedBackendUnavailableThenItsReasonIsGiven() {
        Map<String, KeyBackend> named = new LinkedHashMap<>();
        named.put("software", files);
        named.put("hsm", new ResilientKeyBackend("hsm", () -> {
            throw new KeyBackendException("cannot log in to PKCS#11 slot 7: CKR_PIN_INCORRECT");
        }, Backoff.standard()));
        RoutingKeyBackend keys = new RoutingKeyBackend(named, "software", Map.of("ca", "hsm"));

        // Keys elsewhere still work while one backend is down.
        assertThat(keys.generate("ocsp-1", KeyAlgorithm.EC_P256).alias()).isEqualTo("ocsp-1");
        assertThatThrownBy(() -> keys.get("ca-root")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("key backend hsm is unavailable").hasMessageContaining("CKR_PIN_INCORRECT");
    }
}
