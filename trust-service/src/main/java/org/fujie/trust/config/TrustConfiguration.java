package org.fujie.trust.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.service.keys.KeyBackends;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.service.ca.CaClient;
import org.fujie.service.ca.CaClientTlsCertificates;
import org.fujie.service.ca.CaConnection;
import org.fujie.service.config.ServiceSupportConfiguration;
import org.fujie.service.tls.TlsCertificateSource;
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
    RoutingKeyBackend keyBackend(Path dataDir, org.springframework.core.env.Environment environment) {
        return KeyBackends.open(environment, dataDir, dataDir.resolve("trust-service").resolve("keys"));
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

    /**
     * One checker for the service: it holds the revocation caches. An answer is reused for at most
     * fujie.validation.revocation-max-age, not until its nextUpdate (an hour for ca-service's OCSP): a relying party
     * that checks a document right after its signer was revoked must hear so within that time.
     */
    @Bean
    RevocationChecker revocationChecker(JdkHttpFetcher fetcher, ValidationPolicy policy,
            @Value("${fujie.validation.revocation-max-age:60s}") Duration maxAge) {
        return RevocationChecker.ocspThenCrl(fetcher, policy, maxAge);
    }

    /** ca-service's API, with the credential of fujie.tsa.ca-*: for the TSA's certificate and the service's TLS certificate. */
    @Bean
    CaClient caClient(TsaProperties settings) {
        return new CaClient(new CaConnection(settings.caUrl(), settings.caCredential(), settings.caCredentialPasswordFile(),
                settings.caTrust()));
    }

    /** What trust-service's own TLS certificate is renewed with (fujie.tls.renew-before). */
    @Bean
    TlsCertificateSource tlsCertificateSource(CaClient ca) {
        return new CaClientTlsCertificates(ca);
    }
}
