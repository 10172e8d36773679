package org.fujie.ca.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.fujie.ca.ocsp.OcspProperties;
import org.fujie.ca.revocation.CrlProperties;
import org.fujie.service.keys.KeyBackendSettings;
import org.junit.jupiter.api.Test;

/**
 * deploy/reference/configuration.md lists every setting of ca-service and service-support (every service's shared
 * settings), and every variable of ./fujie: a property added without documentation fails here.
 */
class ConfigurationReferenceTests {

    static final Path REFERENCE = Path.of("../deploy/reference/configuration.md");

    /** ${VAR:-default} in the script; CLI_* are its own option variables, not environment. */
    private static final Pattern SCRIPT_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):[-+]");
    private static final Set<String> SCRIPT_INTERNAL = Set.of("CLI_CERT", "CLI_PASSWORD");
    /** The command line (clients/fujie-cli) names its variables as string literals: FUJIE_..., <SERVICE>_PORT. */
    private static final Pattern CLI_VARIABLE = Pattern.compile("\"((?:FUJIE|[A-Z]+_SERVICE)_[A-Z0-9_]+)\"");

    @Test
    void documentsEveryBoundProperty() {
        Set<String> known = new TreeSet<>(ConfigurationReference.properties(FujieProperties.class, CrlProperties.class,
                OcspProperties.class));
        known.addAll(ConfigurationReference.properties(KeyBackendSettings.PREFIX, KeyBackendSettings.class));

        assertThat(known).contains("fujie.crl.full-interval", "fujie.ca.profiles.<name>.key-usages",
                "fujie.bootstrap.tls-names", "fujie.keys.backends.<name>.pin-env", "fujie.keys.routes.<name>");
        assertThat(ConfigurationReference.undocumented(REFERENCE, known)).as("undocumented in " + REFERENCE).isEmpty();
    }

    @Test
    void documentsEveryPropertyTheSourcesRead() {
        Set<String> known = ConfigurationReference.propertiesInSources(Path.of("src/main/java"),
                Path.of("../service-support/src/main/java"));

        assertThat(known).contains("fujie.tls.renew-before", "fujie.sm2.user-id", "fujie.tls.protocols");
        assertThat(ConfigurationReference.undocumented(REFERENCE, known)).as("undocumented in " + REFERENCE).isEmpty();
    }

    @Test
    void documentsEveryEnvironmentVariable() {
        Set<String> known = ConfigurationReference.variablesInSources(Path.of("src/main/java"),
                Path.of("../service-support/src/main/java"));
        known.addAll(ConfigurationReference.matches(SCRIPT_VARIABLE, ConfigurationReference.read(Path.of("../fujie"))));
        known.removeAll(SCRIPT_INTERNAL);
        known.addAll(ConfigurationReference.matches(CLI_VARIABLE, ConfigurationReference.sources(Path.of("../clients/fujie-cli/src/main/java"))));

        assertThat(known).contains("FUJIE_KEY_PASSPHRASE", "FUJIE_DATA_DIR", "TRUST_SERVICE_PORT", "FUJIE_CERT", "FUJIE_TSA_URL");
        assertThat(ConfigurationReference.undocumented(REFERENCE, known)).as("undocumented in " + REFERENCE).isEmpty();
    }

    /** The defaults of the secrets' variable names are documented as variables too. */
    @Test
    void documentsTheDefaultSecretVariables() {
        KeyBackendSettings.Definition definition = new KeyBackendSettings.Definition();

        assertThat(ConfigurationReference.undocumented(REFERENCE,
                Set.of(definition.getPinEnv(), definition.getTokenEnv(), definition.getSecretIdEnv()))).isEmpty();
    }
}
