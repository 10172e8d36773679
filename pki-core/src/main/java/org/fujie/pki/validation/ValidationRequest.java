package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to validate: a certificate, intermediates that may help build its path (untrusted, in any
 * order, extra ones ignored), the time at which it must be valid and, optionally, the purpose.
 *
 * @param at the validation time; null means now
 * @param purpose the extended key usage the certificate must carry and its anchor must be trusted
 *        for; null for none (any anchor, no key purpose check)
 */
public record ValidationRequest(X509Certificate certificate, List<X509Certificate> intermediates, Instant at,
        Purpose purpose) {

    public ValidationRequest {
        Objects.requireNonNull(certificate, "certificate");
        intermediates = List.copyOf(intermediates);
    }

    public static ValidationRequest of(X509Certificate certificate) {
        return new ValidationRequest(certificate, List.of(), null, null);
    }

    public ValidationRequest withIntermediates(List<X509Certificate> more) {
        return new ValidationRequest(certificate, more, at, purpose);
    }

    public ValidationRequest at(Instant time) {
        return new ValidationRequest(certificate, intermediates, time, purpose);
    }

    public ValidationRequest forPurpose(Purpose wanted) {
        return new ValidationRequest(certificate, intermediates, at, wanted);
    }
}
