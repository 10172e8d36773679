package org.fujie.ca.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.ca.support.matrix.ConsoleMatrixWalk;
import org.fujie.ca.support.matrix.EndpointDiscovery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every console page of the running ca-service, opened or posted (with a valid CSRF token) by a certificate of each
 * role and by a browser without one, answers as {@link ConsoleMatrix} says ({@link ConsoleMatrixWalk}).
 */
class ConsoleRoleMatrixTests extends EmbeddedCaServiceTest {

    private ClientCertificates roles;

    @BeforeAll
    void issueRoleCertificates() {
        roles = ClientCertificates.issuedBy(ca).grantedIn(ca.admin());
    }

    @Test
    void matrixWhenComparedWithTheRunningServiceThenEveryConsolePageHasExactlyOneRule() {
        assertThat(ConsoleMatrix.TABLE.coverageProblems(EndpointDiscovery.filtered(EndpointDiscovery.of(ca.context()), "/console", true),
                "ca-service")).isEmpty();
    }

    /** As for the API, except the issue form: a page that exists only to act, so AUDITOR does not get it. */
    @Test
    void matrixWhenReadThenAuditorReadsEverythingAndChangesNothing() {
        assertThat(ConsoleMatrix.TABLE.auditorProblems())
                .containsExactly("ConsoleMatrix hides GET /console/certificates/new from AUDITOR, who reads everything");
    }

    @Test
    void everyPageWhenCalledWithEachRoleAndWithoutCredentialThenAllowedOrRefusedAsTheMatrixSays() {
        assertThat(ConsoleMatrixWalk.violations(ConsoleMatrix.TABLE, ca.baseUrl(), roles)).isEmpty();
    }
}
