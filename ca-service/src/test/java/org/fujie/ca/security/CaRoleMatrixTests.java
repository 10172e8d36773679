package org.fujie.ca.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.ca.support.matrix.CredentialKind;
import org.fujie.ca.support.matrix.EndpointDiscovery;
import org.fujie.ca.support.matrix.RoleMatrixWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the running ca-service, called with every role and with none, answers as {@link CaMatrix} says. The
 * console's pages (a browser's answers: log-in redirects and refusal pages) have their own table, ConsoleMatrix.
 */
class CaRoleMatrixTests extends EmbeddedCaServiceTest {

    /** The credential kinds the table is walked with; each new kind is one more entry. */
    private List<CredentialKind> credentials;

    @BeforeAll
    void issueRoleCertificates() {
        credentials = List.of(ClientCertificates.issuedBy(ca).grantedIn(ca.admin()));
    }

    @Test
    void matrixWhenComparedWithTheRunningServiceThenEveryEndpointHasExactlyOneRule() {
        assertThat(CaMatrix.TABLE.coverageProblems(EndpointDiscovery.filtered(EndpointDiscovery.of(ca.context()), "/console", false),
                "ca-service")).isEmpty();
    }

    @Test
    void matrixWhenReadThenAuditorReadsEverythingAndChangesNothing() {
        assertThat(CaMatrix.TABLE.auditorProblems()).isEmpty();
    }

    @Test
    void everyEndpointWhenCalledWithEachRoleAndWithoutCredentialThenAllowedOrDeniedAsTheMatrixSays() {
        assertThat(RoleMatrixWalk.violations(CaMatrix.TABLE, ca.baseUrl(), ca.anonymous(), credentials)).isEmpty();
    }

    @Test
    void plainHttpPortWhenEveryRowIsCalledThenOnlyThePublicPkiEndpointsAnswer() {
        FujieTestClient plain = FujieTestClient.anonymous(ca.publicBaseUrl(), ca.trustChain());
        assertThat(RoleMatrixWalk.plainHttpViolations(CaMatrix.TABLE, plain, List.of("/pki/"))).isEmpty();
    }
}
