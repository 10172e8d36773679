package org.fujie.service.tls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.config.ServiceTls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The renewer of the service's own TLS certificate, when the HTTPS connector serves the data folder's key store
 * through the reloading bundle (not when the operator configured another key store) and
 * {@code fujie.tls.renewal.enabled} is not false. Each service supplies its {@link TlsCertificateSource}.
 */
@Configuration
@ConditionalOnProperty(name = "server.ssl.bundle", havingValue = ServiceTls.BUNDLE)
public class TlsRenewalConfiguration {

    @Bean
    @ConditionalOnProperty(name = "fujie.tls.renewal.enabled", havingValue = "true", matchIfMissing = true)
    TlsCertificateRenewer tlsCertificateRenewer(@Value("${spring.application.name}") String service,
            @Value("${fujie.data-dir:data}") Path dataDir, @Value("${fujie.tls.renew-before:30d}") Duration renewBefore,
            TlsCertificateSource source, AuditedTransactions audited, Clock clock) {
        Path data = dataDir.toAbsolutePath().normalize();
        return new TlsCertificateRenewer(service,
                new TlsKeyStoreFile(ServiceTls.keyStore(data, service), ServiceTls.keyStorePassword(data, service), service),
                ServiceTls.renewalLock(data, service), source, audited, renewBefore, clock);
    }
}
