package org.fujie.trust.anchor;

import java.nio.file.Path;
import java.time.Clock;

import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.security.PrincipalStore;
import org.fujie.trust.bootstrap.TrustBootstrap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wiring of the trust anchors and of what the bootstrap gives them. */
@Configuration
public class AnchorConfiguration {

    @Bean
    AnchorService anchorService(JdbcClient jdbc, AuditedTransactions audited, Clock clock) {
        return new AnchorService(new AnchorStore(jdbc), audited, clock);
    }

    @Bean
    TrustBootstrap trustBootstrap(Path dataDir, AnchorService anchors, PrincipalStore principals, AuditedTransactions audited,
            Clock clock) {
        return new TrustBootstrap(dataDir, anchors, principals, audited, clock);
    }
}
