package org.fujie.client.boot.mtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.List;

import org.fujie.client.boot.FujieClientProperties.RoleGrant;
import org.fujie.client.boot.TestCertificates;
import org.fujie.client.boot.support.Certificates;
import org.junit.jupiter.api.Test;

class ConfiguredCertificateRoleMapperTests {

    private final X509Certificate alice = TestCertificates.alice();

    @Test
    void rolesWhenGrantsMatchBySubjectOrganizationOrFingerprintThenAllOfThem() {
        ConfiguredCertificateRoleMapper mapper = new ConfiguredCertificateRoleMapper(List.of(
                new RoleGrant("cn=Alice Zhang, ou=Registration, o=Example Bureau, c=CN", null, null, List.of("EDITOR")),
                new RoleGrant(null, "Example Bureau", null, List.of("STAFF")),
                new RoleGrant(null, null, Certificates.fingerprint(alice).toUpperCase(), List.of("AUDITOR")),
                new RoleGrant(null, "Another Bureau", null, List.of("OUTSIDER"))));

        assertThat(mapper.roles(alice)).containsExactly("AUDITOR", "EDITOR", "STAFF");
    }

    @Test
    void rolesWhenGrantNamesSubjectAndAnotherOrganizationThenBothMustMatch() {
        ConfiguredCertificateRoleMapper mapper = new ConfiguredCertificateRoleMapper(List.of(
                new RoleGrant("CN=Alice Zhang,OU=Registration,O=Example Bureau,C=CN", "Another Bureau", null, List.of("EDITOR"))));

        assertThat(mapper.roles(alice)).isEmpty();
    }

    @Test
    void rolesWhenNoGrantsThenNone() {
        assertThat(new ConfiguredCertificateRoleMapper(List.of()).roles(alice)).isEmpty();
    }

    @Test
    void constructWhenGrantMatchesEveryoneOrSubjectIsNoDnThenRefused() {
        assertThatThrownBy(() -> new ConfiguredCertificateRoleMapper(List.of(new RoleGrant(null, null, null, List.of("ADMIN")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a subject");
        assertThatThrownBy(() -> new ConfiguredCertificateRoleMapper(List.of(new RoleGrant("not a dn", null, null, List.of("ADMIN")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a distinguished name");
    }
}
