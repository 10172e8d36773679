package org.fujie.client.boot.mtls;

import java.security.cert.X509Certificate;
import java.util.Set;

/** The application's roles for a certificate trust-service found valid (names without ROLE_). Define a bean to replace the configured one. */
@FunctionalInterface
public interface CertificateRoleMapper {

    Set<String> roles(X509Certificate certificate);
}
