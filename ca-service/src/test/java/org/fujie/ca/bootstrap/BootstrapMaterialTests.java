package org.fujie.ca.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fujie.ca.config.FujieProperties;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

class BootstrapMaterialTests {

    @TempDir
    Path dir;

    @Test
    void caRecordWhenCaKeysRoutedElsewhereThenRecordNamesThatBackend() throws Exception {
        char[] passphrase = "bootstrap-test-passphrase".toCharArray();
        SoftwareKeyBackend elsewhere = new SoftwareKeyBackend(dir.resolve("hsm-keys"), passphrase);  // plays the HSM
        Map<String, KeyBackend> backends = new LinkedHashMap<>();
        backends.put("software", new SoftwareKeyBackend(dir.resolve("keys"), passphrase));
        backends.put("hsm", elsewhere);
        RoutingKeyBackend keys = new RoutingKeyBackend(backends, "software", Map.of("ca", "hsm"));

        new BootstrapMaterial(properties(), dir, keys).ensure();

        assertThat(elsewhere.contains("ca-root")).isTrue();
        assertThat(elsewhere.contains("ca-issuing")).isTrue();
        assertThat(BootstrapMaterial.caRecord(dir, BootstrapMaterial.ROOT, null, keys).keyBackend()).isEqualTo("hsm");
        assertThat(BootstrapMaterial.caRecord(dir, BootstrapMaterial.ISSUING, BootstrapMaterial.ROOT, keys).keyBackend())
                .isEqualTo("hsm");
    }

    @Test
    void caRecordWhenNoRouteThenSoftware() throws Exception {
        RoutingKeyBackend keys = new RoutingKeyBackend(
                Map.of("software", new SoftwareKeyBackend(dir.resolve("keys"), "bootstrap-test-passphrase".toCharArray())),
                "software", Map.of());

        new BootstrapMaterial(properties(), dir, keys).ensure();

        assertThat(BootstrapMaterial.caRecord(dir, BootstrapMaterial.ISSUING, BootstrapMaterial.ROOT, keys).keyBackend())
                .isEqualTo("software");
    }

    /** The service's own settings (the certificate profiles the bootstrap issues with), from its ca-service.yml. */
    private static FujieProperties properties() throws java.io.IOException {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("ca-service.yml"));
        return new Binder(ConfigurationPropertySources.from(sources)).bind("fujie", FujieProperties.class).get();
    }
}
