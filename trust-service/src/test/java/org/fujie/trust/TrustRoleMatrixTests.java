package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.ca.support.matrix.CredentialKind;
import org.fujie.ca.support.matrix.EndpointDiscovery;
import org.fujie.ca.support.matrix.RoleMatrixWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint of the running trust-service, called with every role (by client certificate and by bearer token from
 * its own log-in) and with none, answers as {@link TrustMatrix} says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustRoleMatrixTests {

    private RunningTrustService services;
    /** The credential kinds the table is walked with; each new kind is one more entry. */
    private List<CredentialKind> credentials;

    @BeforeAll
    void start() {
        services = RunningTrustService.start(Map.of());
        credentials = List.of(ClientCertificates.issuedBy(services.ca).grantedIn(services.admin), new LoginTokens(services));
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    void matrixWhenComparedWithTheRunningServiceThenEveryEndpointHasExactlyOneRule() {
        assertThat(TrustMatrix.TABLE.coverageProblems(EndpointDiscovery.filtered(EndpointDiscovery.of(services.trust), "/console", false),
                "trust-service")).isEmpty();
    }

    @Test
    void matrixWhenReadThenAuditorReadsEverythingAndChangesNothing() {
        assertThat(TrustMatrix.TABLE.auditorProblems()).isEmpty();
    }

    @Test
    void everyEndpointWhenCalledWithEachRoleAndWithoutCredentialThenAllowedOrDeniedAsTheMatrixSays() {
        FujieTestClient anonymous = FujieTestClient.anonymous(services.trustUrl, services.ca.trustChain());
        assertThat(RoleMatrixWalk.violations(TrustMatrix.TABLE, services.trustUrl, anonymous, credentials)).isEmpty();
    }

    @Test
    void plainHttpPortWhenEveryRowIsCalledThenOnlyTheTsaAnswers() {
        FujieTestClient plain = FujieTestClient.anonymous(services.publicUrl(), services.ca.trustChain());
        assertThat(RoleMatrixWalk.plainHttpViolations(TrustMatrix.TABLE, plain, List.of("/tsa"))).isEmpty();
    }
}
