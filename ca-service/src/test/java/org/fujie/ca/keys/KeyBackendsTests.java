package org.fujie.ca.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackendException;
import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.service.keys.KeyBackends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** fujie.keys.* as an operator writes it: each mistake is named where it is, and nothing secret is echoed. */
class KeyBackendsTests {

    @TempDir
    Path data;

    private RoutingKeyBackend open(Map<String, String> settings) {
        return KeyBackends.open(new Binder(new MapConfigurationPropertySource(settings)), data, data.resolve("keys"));
    }

    private static String reasonOf(RoutingKeyBackend keys, String backend) {
        return keys.states().stream().filter(state -> state.name().equals(backend)).findFirst().orElseThrow().reason();
    }

    @Test
    void openWhenNothingConfiguredThenSoftwareOnly() {
        RoutingKeyBackend keys = open(Map.of());

        assertThat(keys.backends()).containsOnlyKeys("software");
        assertThat(keys.generate("ca-x", KeyAlgorithm.EC_P256).alias()).isEqualTo("ca-x");
        assertThat(Files.exists(data.resolve("keys").resolve("ca-x.key.pem"))).isTrue();
    }

    @Test
    void openWhenBackendMisconfiguredThenServiceStartsAndTheKeyUseNamesTheSetting() {
        Map<String, String> settings = new HashMap<>();
        settings.put("fujie.keys.backends.hsm.type", "pkcs11");
        settings.put("fujie.keys.backends.hsm.library", "/usr/lib/softhsm/libsofthsm2.so");
        settings.put("fujie.keys.backends.hsm.slot", "0");
        settings.put("fujie.keys.backends.hsm.pin-env", "FUJIE_TEST_PIN_THAT_IS_NOT_SET");
        settings.put("fujie.keys.backends.nolib.type", "pkcs11");
        settings.put("fujie.keys.backends.vault.type", "vault");
        settings.put("fujie.keys.backends.odd.type", "tpm");
        settings.put("fujie.keys.routes.ca", "hsm");
        RoutingKeyBackend keys = open(settings);

        assertThatThrownBy(() -> keys.generate("ca-root", KeyAlgorithm.EC_P256)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("set the environment variable FUJIE_TEST_PIN_THAT_IS_NOT_SET or fujie.keys.backends.hsm.pin-file");
        assertThatThrownBy(() -> keys.backend("nolib").contains("x")).hasMessageContaining("fujie.keys.backends.nolib.library is not set");
        assertThatThrownBy(() -> keys.backend("vault").contains("x")).hasMessageContaining("fujie.keys.backends.vault.address is not set");
        assertThatThrownBy(() -> keys.backend("odd").contains("x")).hasMessageContaining("type must be pkcs11 or vault (is 'tpm')");
        assertThat(reasonOf(keys, "hsm")).contains("FUJIE_TEST_PIN_THAT_IS_NOT_SET");
        // Keys elsewhere are unaffected.
        assertThat(keys.generate("ocsp-1", KeyAlgorithm.EC_P256).alias()).isEqualTo("ocsp-1");
    }

    @Test
    void openWhenSecretFilesGivenThenTheirContentNeverAppearsInErrors() throws Exception {
        Path token = Files.writeString(data.resolve("token"), "s.very-secret-token\n");
        RoutingKeyBackend keys = open(Map.of("fujie.keys.backends.vault.type", "vault",
                "fujie.keys.backends.vault.address", "http://127.0.0.1:1", "fujie.keys.backends.vault.token-file", token.toString(),
                "fujie.keys.backends.vault.mount", "../sys"));

        assertThatThrownBy(() -> keys.backend("vault").contains("ca-x")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("transit mount").hasMessageNotContaining("very-secret");
    }

    @Test
    void openWhenRouteOrDefaultNamesUnknownBackendOrSoftwareRedefinedThenRefused() {
        assertThatThrownBy(() -> open(Map.of("fujie.keys.routes.seal", "hsm")))
                .hasMessageContaining("route seal names key backend 'hsm', which is not configured");
        assertThatThrownBy(() -> open(Map.of("fujie.keys.backend", "vault")))
                .hasMessageContaining("the default key backend names key backend 'vault'");
        assertThatThrownBy(() -> open(Map.of("fujie.keys.backends.software.type", "pkcs11")))
                .hasMessageContaining("fujie.keys.backends.software is built in");
    }
}
