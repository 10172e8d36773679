package org.fujie.trust.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Binding of {@code fujie.tsa.*}: the time-stamp policy and where the TSA certificate comes from.
 *
 * @param policy the TSA policy OID (RFC 3161 2.4.2)
 * @param accuracy the accuracy stated in every token
 * @param caUrl ca-service's API
 * @param caCredential PKCS#12 client credential for ca-service (an RA_OFFICER or ADMIN)
 * @param caCredentialPasswordFile its password, in a file
 * @param caTrust PEM of the CAs that issued ca-service's TLS certificate
 * @param subject the TSA certificate's subject
 * @param algorithm the TSA key's algorithm (Fujie names: EC-P256, RSA-3072, SM2, ...)
 */
@ConfigurationProperties("fujie.tsa")
public record TsaProperties(String policy, Duration accuracy, String caUrl, Path caCredential, Path caCredentialPasswordFile,
        Path caTrust, String subject, String algorithm) {
}
