package org.fujie.trust.tsa;

import java.time.Clock;

import org.fujie.pki.operator.KeyBackend;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.ca.CaClient;
import org.fujie.trust.config.TsaProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** Wiring of the time-stamp authority, and the schedule that gets and renews its certificate. */
@Configuration
public class TsaConfiguration {

    @Bean
    TsaSigners tsaSigners(KeyBackend keys, CaClient ca, JdbcClient jdbc, AuditedTransactions audited, TsaProperties settings,
            Clock clock) {
        return new TsaSigners(keys, ca, jdbc, audited, settings, clock);
    }

    @Bean
    ServletRegistrationBean<TsaServlet> tsaServlet(TsaSigners signers) {
        ServletRegistrationBean<TsaServlet> registration = new ServletRegistrationBean<>(new TsaServlet(signers), TsaServlet.PATH);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    TsaRenewal tsaRenewal(TsaSigners signers) {
        return new TsaRenewal(signers);
    }

    /** Right after start, then every fujie.tsa.check-interval: until ca-service answers, and for renewal. */
    static final class TsaRenewal {

        private final TsaSigners signers;

        TsaRenewal(TsaSigners signers) {
            this.signers = signers;
        }

        @Scheduled(initialDelay = 0, fixedDelayString = "${fujie.tsa.check-interval:10s}")
        void ensure() {
            signers.ensure();
        }
    }
}
