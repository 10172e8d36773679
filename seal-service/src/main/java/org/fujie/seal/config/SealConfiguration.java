package org.fujie.seal.config;

import java.nio.file.Path;
import java.time.Clock;

import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.service.keys.KeyBackends;
import org.fujie.seal.eseal.ElectronicSeals;
import org.fujie.seal.eseal.SealMakerCredential;
import org.fujie.seal.seal.SealExpiry;
import org.fujie.seal.seal.SealExpiryWarner;
import org.fujie.seal.seal.SealKeepers;
import org.fujie.seal.seal.SealService;
import org.fujie.seal.seal.SealStore;
import org.fujie.seal.stamp.SealStamper;
import org.fujie.seal.stamp.SesStamping;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.bootstrap.BootstrapAdmin;
import org.fujie.service.ca.CaClient;
import org.fujie.service.ca.CaClientTlsCertificates;
import org.fujie.service.ca.CaConnection;
import org.fujie.service.config.ServiceSupportConfiguration;
import org.fujie.service.security.PrincipalStore;
import org.fujie.service.tls.TlsCertificateSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wiring only. */
@Configuration
@Import(ServiceSupportConfiguration.class)
public class SealConfiguration {

    @Bean
    Path dataDir(@Value("${fujie.data-dir:data}") Path dataDir) {
        return dataDir.toAbsolutePath().normalize();
    }

    /** Seal keys (and the audit key) live here and never leave it: ca-service sees only CSRs. */
    @Bean
    RoutingKeyBackend keyBackend(Path dataDir, org.springframework.core.env.Environment environment) {
        return KeyBackends.open(environment, dataDir, dataDir.resolve("seal-service").resolve("keys"));
    }

    @Bean
    CaClient caClient(SealProperties settings) {
        return new CaClient(new CaConnection(settings.caUrl(), settings.caCredential(), settings.caCredentialPasswordFile(),
                settings.caTrust()));
    }

    /** What seal-service's own TLS certificate is renewed with (fujie.tls.renew-before). */
    @Bean
    TlsCertificateSource tlsCertificateSource(CaClient ca) {
        return new CaClientTlsCertificates(ca);
    }

    @Bean
    SealStore sealStore(JdbcClient jdbc) {
        return new SealStore(jdbc);
    }

    @Bean
    SealExpiry sealExpiry(SealProperties settings, Clock clock) {
        return new SealExpiry(settings.expiryWarning(), clock);
    }

    @Bean
    SealService sealService(SealStore store, KeyBackend keys, CaClient ca, AuditedTransactions audited, SealExpiry expiry, Clock clock) {
        return new SealService(store, keys, ca, audited, expiry, clock);
    }

    @Bean
    SealKeepers sealKeepers(AuditedTransactions audited, Clock clock) {
        return new SealKeepers(audited, clock);
    }

    /** Scheduled every {@code fujie.seal.expiry-check-period} (1h), first {@code fujie.seal.expiry-check-initial-delay} (1m) after start. */
    @Bean
    SealExpiryWarner sealExpiryWarner(SealStore store, AuditedTransactions audited, SealExpiry expiry, Clock clock) {
        return new SealExpiryWarner(store, audited, expiry, clock);
    }

    @Bean
    SealMakerCredential sealMakerCredential(KeyBackend keys, CaClient ca, AuditedTransactions audited, JdbcClient jdbc,
            SealProperties settings, Clock clock) {
        return new SealMakerCredential(keys, ca, audited, jdbc, settings.makerSubject(), clock);
    }

    @Bean
    ElectronicSeals electronicSeals(SealStore store, SealMakerCredential maker, AuditedTransactions audited, JdbcClient jdbc,
            SealProperties settings, Clock clock) {
        return new ElectronicSeals(store, maker, audited, jdbc, settings.vendorId(), clock);
    }

    @Bean
    SealStamper sealStamper(org.fujie.pki.pades.PadesSigner signer, org.fujie.pki.xades.XadesSigner xmlSigner,
            SesStamping sesStamping, SealStore store, KeyBackend keys, AuditedTransactions audited, JdbcClient jdbc, Clock clock) {
        return new SealStamper(signer, xmlSigner, sesStamping, store, keys, audited, jdbc, clock);
    }

    /** The installation's ADMIN is ADMIN here too (CONTRACT.md). */
    @Bean
    SmartInitializingSingleton bootstrapAdmin(Path dataDir, PrincipalStore principals, AuditedTransactions audited, Clock clock) {
        return () -> BootstrapAdmin.seed(dataDir, principals, audited, clock);
    }
}
