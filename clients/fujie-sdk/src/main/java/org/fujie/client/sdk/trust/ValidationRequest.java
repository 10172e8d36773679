package org.fujie.client.sdk.trust;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code POST /api/v1/certificates/validate}: chainPem (intermediates) is optional, at defaults to now, purpose is
 * DOCUMENT_SIGNING, TLS_SERVER, TLS_CLIENT, TIME_STAMPING or none.
 */
public record ValidationRequest(String certificatePem, String chainPem, Instant at, String purpose) {

    public ValidationRequest {
        Objects.requireNonNull(certificatePem, "certificatePem");
    }

    public static ValidationRequest of(String certificatePem) {
        return new ValidationRequest(certificatePem, null, null, null);
    }

    public ValidationRequest withChain(String pem) {
        return new ValidationRequest(certificatePem, pem, at, purpose);
    }

    public ValidationRequest at(Instant time) {
        return new ValidationRequest(certificatePem, chainPem, time, purpose);
    }

    public ValidationRequest forPurpose(String value) {
        return new ValidationRequest(certificatePem, chainPem, at, value);
    }
}
