package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.ca.support.matrix.ConsoleMatrixWalk;
import org.fujie.ca.support.matrix.EndpointDiscovery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every console page of the running trust-service, opened or posted (with a valid CSRF token) by a certificate of each
 * role and by a browser without one, answers as {@link TrustConsoleMatrix} says ({@link ConsoleMatrixWalk}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustConsoleRoleMatrixTests {

    private RunningTrustService services;
    private ClientCertificates roles;

    @BeforeAll
    void start() {
        services = RunningTrustService.start(Map.of());
        roles = ClientCertificates.issuedBy(services.ca).grantedIn(services.admin);
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    void matrixWhenComparedWithTheRunningServiceThenEveryConsolePageHasExactlyOneRule() {
        assertThat(TrustConsoleMatrix.TABLE.coverageProblems(EndpointDiscovery.filtered(EndpointDiscovery.of(services.trust), "/console", true),
                "trust-service")).isEmpty();
    }

    /** As for the API, except the verify form, which exists only to post: AUDITOR does not get it. */
    @Test
    void matrixWhenReadThenAuditorReadsEverythingAndChangesNothing() {
        assertThat(TrustConsoleMatrix.TABLE.auditorProblems())
                .containsExactly("TrustConsoleMatrix hides GET /console/verify from AUDITOR, who reads everything");
    }

    @Test
    void everyPageWhenCalledWithEachRoleAndWithoutCredentialThenAllowedOrRefusedAsTheMatrixSays() {
        assertThat(ConsoleMatrixWalk.violations(TrustConsoleMatrix.TABLE, services.trustUrl, roles)).isEmpty();
    }
}
