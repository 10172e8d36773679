package org.fujie.trust.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.fujie.ca.config.ConfigurationReference;
import org.fujie.trust.auth.AuthProperties;
import org.junit.jupiter.api.Test;

/** deploy/reference/configuration.md lists every setting of trust-service (see ca-service's ConfigurationReferenceTests). */
class TrustConfigurationReferenceTests {

    private static final Path REFERENCE = Path.of("../deploy/reference/configuration.md");

    @Test
    void documentsEverySetting() {
        Set<String> bound = ConfigurationReference.properties(TsaProperties.class, AuthProperties.class);
        Set<String> read = ConfigurationReference.propertiesInSources(Path.of("src/main/java"));

        assertThat(bound).contains("fujie.tsa.policy", "fujie.auth.certificate-cache-size");
        assertThat(read).contains("fujie.tsa.check-interval", "fujie.validation.ca-issuers-hosts");
        Set<String> known = new TreeSet<>(bound);
        known.addAll(read);
        known.addAll(ConfigurationReference.variablesInSources(Path.of("src/main/java")));
        assertThat(ConfigurationReference.undocumented(REFERENCE, known)).as("undocumented in " + REFERENCE).isEmpty();
    }
}
