package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;

import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.ca.support.matrix.ConsoleMatrixWalk;
import org.fujie.ca.support.matrix.EndpointDiscovery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every console page of the running seal-service, opened or posted (with a valid CSRF token) by a certificate of each
 * role and by a browser without one, answers as {@link SealConsoleMatrix} says ({@link ConsoleMatrixWalk}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealConsoleRoleMatrixTests {

    private RunningSealService service;
    private ClientCertificates roles;

    @BeforeAll
    void start() {
        service = RunningSealService.start();
        roles = ClientCertificates.issuedBy(service.ca()).grantedIn(service.admin());
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void matrixWhenComparedWithTheRunningServiceThenEveryConsolePageHasExactlyOneRule() {
        assertThat(SealConsoleMatrix.TABLE.coverageProblems(EndpointDiscovery.filtered(EndpointDiscovery.of(service.context()), "/console", true),
                "seal-service")).isEmpty();
    }

    /** As for the API, except the forms that exist only to act (making, its preview, stamping): AUDITOR does not get them. */
    @Test
    void matrixWhenReadThenAuditorReadsEverythingAndChangesNothing() {
        assertThat(SealConsoleMatrix.TABLE.auditorProblems()).containsExactlyInAnyOrder(
                "SealConsoleMatrix hides GET /console/seals/new from AUDITOR, who reads everything",
                "SealConsoleMatrix hides GET /console/seals/preview.png from AUDITOR, who reads everything",
                "SealConsoleMatrix hides GET /console/stamp from AUDITOR, who reads everything");
    }

    @Test
    void everyPageWhenCalledWithEachRoleAndWithoutCredentialThenAllowedOrRefusedAsTheMatrixSays() {
        assertThat(ConsoleMatrixWalk.violations(SealConsoleMatrix.TABLE, service.url(), roles)).isEmpty();
    }
}
