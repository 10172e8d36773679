package org.fujie.ca.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.fujie.service.audit.AuditedTransactions;
import org.fujie.ca.authority.AuthorityFactory;
import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.AuthorityTemplates;
import org.fujie.ca.authority.PublicEndpoints;
import org.fujie.ca.bootstrap.BootstrapRecorder;
import org.fujie.ca.issuance.CertificateIssuer;
import org.fujie.ca.issuance.IssuancePolicy;
import org.fujie.ca.issuance.LocalTlsCertificates;
import org.fujie.ca.profile.ProfileRegistry;
import org.fujie.ca.revocation.CrlProperties;
import org.fujie.ca.revocation.CrlPublisher;
import org.fujie.ca.revocation.CrlStore;
import org.fujie.ca.revocation.RevocationListener;
import org.fujie.ca.revocation.RevocationService;
import org.fujie.ca.store.CaStore;
import org.fujie.ca.store.ClusterLock;
import org.fujie.ca.store.CertificateStore;
import org.fujie.pki.csr.CsrParser;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.ca.keys.KeyCeremony;
import org.fujie.service.keys.KeyBackends;
import org.fujie.service.tls.TlsCertificateSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.fujie.service.config.ServiceSupportConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wiring only: which implementation plays which part. */
@Configuration
@Import(ServiceSupportConfiguration.class)
public class CaConfiguration {

    @Bean
    Path dataDir(FujieProperties properties) {
        return properties.getDataDir().toAbsolutePath().normalize();
    }

    @Bean
    RoutingKeyBackend keyBackend(Path dataDir, org.springframework.core.env.Environment environment) {
        return KeyBackends.open(environment, dataDir, dataDir.resolve("keys"));
    }

    @Bean
    KeyCeremony keyCeremony(RoutingKeyBackend keys, CaStore cas, AuditedTransactions audited) {
        return new KeyCeremony(keys, cas, audited);
    }

    @Bean
    PublicEndpoints publicEndpoints(FujieProperties properties) {
        return new PublicEndpoints(properties.getPublicBaseUrl());
    }

    @Bean
    CaStore caStore(JdbcClient jdbc) {
        return new CaStore(jdbc);
    }

    @Bean
    CertificateStore certificateStore(JdbcClient jdbc) {
        return new CertificateStore(jdbc);
    }

    @Bean
    AuthorityRegistry authorityRegistry(CaStore store, KeyBackend keys, PublicEndpoints endpoints, AuditedTransactions audited) {
        return new AuthorityRegistry(store, new AuthorityFactory(keys, new AuthorityTemplates(endpoints)), audited);
    }

    @Bean
    ClusterLock clusterLock(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        // The lock's transaction is its own even when the caller already runs in one.
        own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        return new ClusterLock(jdbc, own);
    }

    @Bean
    CrlStore crlStore(JdbcClient jdbc, DataSource dataSource) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        // PostgreSQL streams rows in a transaction only with a fetch size; a 100,000-entry CRL is never all in the driver.
        streaming.setFetchSize(5_000);
        return new CrlStore(jdbc, streaming);
    }

    @Bean(destroyMethod = "close")
    CrlPublisher crlPublisher(AuthorityRegistry authorities, CrlStore store, ClusterLock lock, AuditedTransactions audited,
            PublicEndpoints endpoints, CrlProperties settings, Clock clock) {
        return new CrlPublisher(authorities, store, lock, audited, endpoints, settings, clock);
    }

    @Bean
    RevocationService revocationService(CertificateStore store, AuditedTransactions audited, Clock clock,
            List<RevocationListener> listeners) {
        return new RevocationService(store, audited, clock, listeners);
    }

    @Bean
    ProfileRegistry profileRegistry(FujieProperties properties) {
        return new ProfileRegistry(properties.getCa().getProfiles());
    }

    @Bean
    CertificateIssuer certificateIssuer(FujieProperties properties, ProfileRegistry profiles, AuthorityRegistry authorities,
            PublicEndpoints endpoints, AuditedTransactions audited, Clock clock) {
        return new CertificateIssuer(profiles, authorities, properties.getCa().getDefaultCa(),
                new CsrParser(properties.getCa().getMaxCsrLength()),
                new IssuancePolicy(endpoints, properties.getCa().getBackdate(), clock), audited, clock);
    }

    /** What ca-service's own TLS certificate is renewed with (fujie.tls.renew-before). */
    @Bean
    TlsCertificateSource tlsCertificateSource(CertificateIssuer issuer) {
        return new LocalTlsCertificates(issuer);
    }

    @Bean
    BootstrapRecorder bootstrapRecorder(Path dataDir, AuthorityRegistry authorities, CertificateStore certificates,
            AuditedTransactions audited, Clock clock, KeyBackend keys, ClusterLock lock) {
        return new BootstrapRecorder(dataDir, authorities, certificates, audited, clock, keys, lock);
    }
}
