package org.fujie.seal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.fujie.ca.config.ConfigurationReference;
import org.junit.jupiter.api.Test;

/** deploy/reference/configuration.md lists every setting of seal-service (see ca-service's ConfigurationReferenceTests). */
class SealConfigurationReferenceTests {

    private static final Path REFERENCE = Path.of("../deploy/reference/configuration.md");

    @Test
    void documentsEverySetting() {
        Set<String> bound = ConfigurationReference.properties(SealProperties.class);
        Set<String> read = ConfigurationReference.propertiesInSources(Path.of("src/main/java"));

        assertThat(bound).contains("fujie.seal.ca-url", "fujie.seal.vendor-id");
        assertThat(read).contains("fujie.seal.expiry-check-period");
        Set<String> known = new TreeSet<>(bound);
        known.addAll(read);
        known.addAll(ConfigurationReference.variablesInSources(Path.of("src/main/java")));
        assertThat(ConfigurationReference.undocumented(REFERENCE, known)).as("undocumented in " + REFERENCE).isEmpty();
    }
}
