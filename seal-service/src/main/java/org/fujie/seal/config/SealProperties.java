package org.fujie.seal.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Binding of {@code fujie.seal.*}: how seal-service reaches ca-service for seal certificates, and when it warns that
 * they expire. (How often it checks, {@code fujie.seal.expiry-check-period}, is read by the schedule itself.)
 *
 * @param caUrl ca-service's API
 * @param caCredential PKCS#12 client credential for ca-service (an RA_OFFICER or ADMIN there)
 * @param caCredentialPasswordFile its password, in a file
 * @param caTrust PEM of the CAs that issued ca-service's TLS certificate
 * @param expiryWarning how long before an ACTIVE seal's certificate expires it counts as expiring soon (and is warned about)
 * @param tsaUrl the RFC 3161 TSA of B-T and higher stamps (trust-service's)
 * @param trustAnchors PEM whose self-signed certificates anchor the validation of seal and TSA certificates before a
 *        B-LT stamp embeds their revocation data
 * @param makerSubject the GB/T 38540 seal maker's certificate subject (its SM2 key signs every SESeal)
 * @param vendorId SES_Header's vendor identifier in the SESeals seal-service makes
 */
@ConfigurationProperties("fujie.seal")
public record SealProperties(String caUrl, Path caCredential, Path caCredentialPasswordFile, Path caTrust,
        @DefaultValue("30d") Duration expiryWarning, java.net.URI tsaUrl, Path trustAnchors,
        @DefaultValue("CN=Fujie 电子印章制作系统,O=Fujie") String makerSubject, @DefaultValue("FUJIE") String vendorId) {
}
