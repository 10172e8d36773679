package org.fujie.ca.ocsp;

import java.time.Clock;

import javax.sql.DataSource;

import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.issuance.CertificateIssuer;
import org.fujie.ca.store.ClusterLock;
import org.fujie.pki.operator.KeyBackend;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wiring of the OCSP responder. */
@Configuration
public class OcspConfiguration {

    @Bean
    CertificateStatuses certificateStatuses(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(5_000);
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        return new CertificateStatuses(jdbc, streaming, readOnly);
    }

    @Bean
    DelegatedResponders delegatedResponders(AuthorityRegistry authorities, CertificateIssuer issuer, KeyBackend keys,
            ClusterLock lock, JdbcClient jdbc, OcspProperties settings, Clock clock) {
        return new DelegatedResponders(authorities, issuer, keys, lock, jdbc, settings.responderAlgorithm(), clock);
    }

    @Bean
    OcspService ocspService(AuthorityRegistry authorities, DelegatedResponders responders, CertificateStatuses statuses,
            OcspProperties settings, Clock clock) {
        return new OcspService(authorities, responders, statuses, settings, clock);
    }

    @Bean
    OcspRefresher ocspRefresher(OcspService service, CertificateStatuses statuses, AuthorityRegistry authorities) {
        return new OcspRefresher(service, statuses, authorities);
    }

    @Bean
    ServletRegistrationBean<OcspServlet> ocspServlet(OcspService service, OcspProperties settings, Clock clock) {
        ServletRegistrationBean<OcspServlet> registration = new ServletRegistrationBean<>(
                new OcspServlet(service, settings.maxRequestBytes(), clock), OcspServlet.PATH, OcspServlet.PATH + "/*");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * OCSP needs no login (RFC 6960 answers are public and signed) and is the busiest endpoint: the
     * security filter chain is skipped for it rather than run only to permit everything.
     */
    @Bean
    WebSecurityCustomizer ocspWithoutSecurityFilters() {
        return web -> web.httpFirewall(new OcspFirewall()).ignoring().requestMatchers(OcspServlet.PATH, OcspServlet.PATH + "/**");
    }
}
