package org.fujie.service.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.fujie.pki.operator.KeyBackend;
import org.fujie.service.audit.AuditCheckpointer;
import org.fujie.service.audit.AuditReader;
import org.fujie.service.audit.AuditShutdownCheckpoint;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.publication.PublicHttpConfiguration;
import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.service.security.PrincipalService;
import org.fujie.service.security.PrincipalStore;
import org.fujie.service.security.token.TokenAuthenticationConverter;
import org.fujie.service.security.token.TokenClaims;
import org.fujie.service.security.token.TokenDecoders;
import org.fujie.service.security.token.TrustChainRetriever;
import org.fujie.service.tls.TlsRenewalConfiguration;
import org.fujie.service.web.DeniedAccessAudit;
import org.fujie.service.web.RequestSizeLimitFilter;
import org.fujie.service.web.SecurityHeadersFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every Fujie service wires the same way: the clock, the audited transactions and their
 * checkpoints, principals and their roles, the request size limit. Each service supplies its
 * {@link KeyBackend} (the audit key lives there) and its own security rules.
 */
@Configuration
@EnableScheduling
@Import({PublicHttpConfiguration.class, TlsRenewalConfiguration.class})
public class ServiceSupportConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    AuditedTransactions auditedTransactions(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager,
            Clock clock) {
        return new AuditedTransactions(jdbc, jdbcTemplate, new TransactionTemplate(transactionManager), clock);
    }

    @Bean
    AuditCheckpointer auditCheckpointer(JdbcClient jdbc, KeyBackend keys, Clock clock, PlatformTransactionManager transactionManager) {
        return new AuditCheckpointer(jdbc, keys, clock, new TransactionTemplate(transactionManager));
    }

    @Bean
    AuditShutdownCheckpoint auditShutdownCheckpoint(AuditCheckpointer checkpointer) {
        return new AuditShutdownCheckpoint(checkpointer);
    }

    @Bean
    AuditReader auditReader(JdbcClient jdbc, AuditCheckpointer checkpointer, Clock clock,
            @Value("${fujie.audit.checkpoint-interval:60s}") Duration checkpointInterval,
            @Value("${fujie.audit.checkpoint-grace:60s}") Duration checkpointGrace) {
        return new AuditReader(jdbc, checkpointer, clock, checkpointInterval, checkpointGrace);
    }

    /** 403s are audited (the security filter chain finds this handler by type). */
    @Bean
    DeniedAccessAudit deniedAccessAudit(ObjectProvider<AuditedTransactions> audited) {
        return new DeniedAccessAudit(audited);
    }

    @Bean
    PrincipalStore principalStore(JdbcClient jdbc) {
        return new PrincipalStore(jdbc);
    }

    @Bean
    CertificateRoleResolver certificateRoleResolver(PrincipalStore store,
            @Value("${fujie.security.role-cache-ttl:5s}") Duration roleCacheTtl, Clock clock) {
        return new CertificateRoleResolver(store, roleCacheTtl, clock);
    }

    @Bean
    PrincipalService principalService(PrincipalStore store, AuditedTransactions audited, CertificateRoleResolver resolver, Clock clock) {
        return new PrincipalService(store, audited, resolver, clock);
    }

    /** Bearer tokens: their roles and the roles this service grants their subject. */
    @Bean
    TokenAuthenticationConverter tokenAuthenticationConverter(CertificateRoleResolver resolver,
            @Value("${fujie.auth.accept-token-roles:true}") boolean acceptTokenRoles) {
        return new TokenAuthenticationConverter(resolver, acceptTokenRoles);
    }

    /** Services other than trust-service check tokens against trust-service's published keys. */
    @Bean
    @ConditionalOnProperty(prefix = "fujie.auth", name = "jwks-uri")
    JwtDecoder remoteTokenDecoder(@Value("${fujie.auth.jwks-uri}") URI jwksUri,
            @Value("${fujie.auth.jwks-trust:${fujie.data-dir:data}/bootstrap/trust-chain.pem}") Path trust,
            @Value("${fujie.auth.issuer:https://127.0.0.1:8445}") String issuer,
            @Value("${fujie.auth.audience:" + TokenClaims.DEFAULT_AUDIENCE + "}") String audience) {
        return TokenDecoders.remote(jwksUri, new TrustChainRetriever(trust.toAbsolutePath()), issuer, audience);
    }

    /** First of all filters, and on error dispatches too: every answer carries the headers, whoever writes it. */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(@Value("${fujie.max-request-bytes:1048576}") long maxBytes) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
