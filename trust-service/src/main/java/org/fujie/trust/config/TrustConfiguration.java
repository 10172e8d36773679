package org.fujie.trust.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.service.config.KeyPassphrase;
import org.fujie.service.config.ServiceSupportConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wiring only. */
@Configuration
@Import(ServiceSupportConfiguration.class)
public class TrustConfiguration {

    @Bean
    Path dataDir(@Value("${fujie.data-dir:data}") Path dataDir) {
        return dataDir.toAbsolutePath().normalize();
    }

    @Bean
    KeyBackend keyBackend(Path dataDir) {
        return new SoftwareKeyBackend(dataDir.resolve("trust-service").resolve("keys"), KeyPassphrase.resolve(dataDir));
    }

    @Bean
    JdkHttpFetcher httpFetcher() {
        return JdkHttpFetcher.withDefaults();
    }

    /** Intermediates missing from a request are fetched (AIA caIssuers) only from these hosts. */
    @Bean
    ValidationPolicy validationPolicy(@Value("${fujie.validation.ca-issuers-hosts:}") List<String> caIssuersHosts) {
        return ValidationPolicy.defaults().withCaIssuersHosts(Set.copyOf(caIssuersHosts));
    }

    /** One checker for the service: it holds the revocation caches. */
    @Bean
    RevocationChecker revocationChecker(JdkHttpFetcher fetcher, ValidationPolicy policy) {
        return RevocationChecker.ocspThenCrl(fetcher, policy);
    }

}
