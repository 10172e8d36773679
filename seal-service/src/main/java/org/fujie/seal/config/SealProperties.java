package org.fujie.seal.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Binding of {@code fujie.seal.*}: how seal-service reaches ca-service for seal certificates.
 *
 * @param caUrl ca-service's API
 * @param caCredential PKCS#12 client credential for ca-service (an RA_OFFICER or ADMIN there)
 * @param caCredentialPasswordFile its password, in a file
 * @param caTrust PEM of the CAs that issued ca-service's TLS certificate
 */
@ConfigurationProperties("fujie.seal")
public record SealProperties(String caUrl, Path caCredential, Path caCredentialPasswordFile, Path caTrust) {
}
