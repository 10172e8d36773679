package org.fujie.ca.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.fujie.ca.audit.AuditCheckpointer;
import org.fujie.ca.audit.AuditReader;
import org.fujie.ca.audit.AuditedTransactions;
import org.fujie.ca.authority.AuthorityFactory;
import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.AuthorityTemplates;
import org.fujie.ca.authority.PublicEndpoints;
import org.fujie.ca.bootstrap.BootstrapRecorder;
import org.fujie.ca.issuance.CertificateIssuer;
import org.fujie.ca.issuance.IssuancePolicy;
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
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.fujie.ca.api.RequestSizeLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wiring only: which implementation plays which part. */
@Configuration
@EnableScheduling
public class CaConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Path dataDir(FujieProperties properties) {
        return properties.getDataDir().toAbsolutePath().normalize();
    }

    @Bean
    KeyBackend keyBackend(Path dataDir) {
        return new SoftwareKeyBackend(dataDir.resolve("keys"), KeyPassphrase.resolve(dataDir));
    }

    @Bean
    PublicEndpoints publicEndpoints(FujieProperties properties) {
        return new PublicEndpoints(properties.getPublicBaseUrl());
    }

    @Bean(destroyMethod = "close")
    AuditedTransactions auditedTransactions(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager,
            Clock clock) {
        return new AuditedTransactions(jdbc, jdbcTemplate, new TransactionTemplate(transactionManager), clock);
    }

    @Bean
    AuditCheckpointer auditCheckpointer(JdbcClient jdbc, KeyBackend keys, Clock clock) {
        return new AuditCheckpointer(jdbc, keys, clock);
    }

    @Bean
    AuditReader auditReader(JdbcClient jdbc, AuditCheckpointer checkpointer) {
        return new AuditReader(jdbc, checkpointer);
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

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(FujieProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.getMaxRequestBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    BootstrapRecorder bootstrapRecorder(Path dataDir, AuthorityRegistry authorities, CertificateStore certificates,
            AuditedTransactions audited, Clock clock) {
        return new BootstrapRecorder(dataDir, authorities, certificates, audited, clock);
    }
}
