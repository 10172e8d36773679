package org.fujie.client.boot.mtls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.fujie.client.boot.FujieClientProperties.RoleGrant;
import org.fujie.client.boot.support.Certificates;

/**
 * Roles from {@code fujie.client.mtls.role-grants}: a grant applies when every field it gives matches (subject
 * compared as a parsed DN, organization exactly, fingerprint ignoring case). No grant, no roles.
 */
public final class ConfiguredCertificateRoleMapper implements CertificateRoleMapper {

    private record Grant(String canonicalSubject, String organization, String fingerprint, List<String> roles) {
    }

    private final List<Grant> grants;

    public ConfiguredCertificateRoleMapper(List<RoleGrant> grants) {
        this.grants = grants.stream().map(ConfiguredCertificateRoleMapper::compile).toList();
    }

    private static Grant compile(RoleGrant grant) {
        if (grant.subject() == null && grant.organization() == null && grant.fingerprint() == null) {
            throw new IllegalArgumentException("a fujie.client.mtls.role-grants entry needs a subject, organization or fingerprint");
        }
        String subject;
        try {
            subject = grant.subject() == null ? null : Certificates.canonical(grant.subject());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fujie.client.mtls.role-grants: not a distinguished name: " + grant.subject(), e);
        }
        return new Grant(subject, grant.organization(),
                grant.fingerprint() == null ? null : grant.fingerprint().toLowerCase(Locale.ROOT), grant.roles());
    }

    @Override
    public Set<String> roles(X509Certificate certificate) {
        String subject = Certificates.subject(certificate);
        String canonicalSubject = Certificates.canonical(subject);
        String organization = Certificates.organization(subject);
        String fingerprint = Certificates.fingerprint(certificate);
        Set<String> roles = new TreeSet<>();
        for (Grant grant : grants) {
            if ((grant.canonicalSubject() == null || grant.canonicalSubject().equals(canonicalSubject))
                    && (grant.organization() == null || grant.organization().equals(organization))
                    && (grant.fingerprint() == null || grant.fingerprint().equals(fingerprint))) {
                roles.addAll(grant.roles());
            }
        }
        return roles;
    }
}
