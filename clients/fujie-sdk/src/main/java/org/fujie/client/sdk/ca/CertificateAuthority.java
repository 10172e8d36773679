package org.fujie.client.sdk.ca;

import java.time.Instant;

/** A CA of ca-service ({@code root}, {@code issuing}, ...); keyStatus is available or unavailable as of its last signature. */
public record CertificateAuthority(String id, String subject, String algorithm, String parentId, String keyBackend,
        String keyAlias, String keyStatus, String keyUnavailableReason, Instant notBefore, Instant notAfter,
        String certificatePem) {
}
