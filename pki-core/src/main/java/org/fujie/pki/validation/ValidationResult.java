package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.fujie.pki.x509.SubjectNames;

/**
 * The verdict of one certificate validation in EN 319 102-1 terms.
 *
 * @param subIndication null exactly when the indication is TOTAL_PASSED
 * @param path the certificates from the validated one to its trust anchor, as far as they were built
 *        (empty when the input could not be read)
 * @param revocation one finding per certificate that was revocation-checked, leaf first
 * @param detail a human sentence saying what decided the verdict
 * @param validationTime the time the certificate was validated at
 */
public record ValidationResult(Indication indication, SubIndication subIndication, List<X509Certificate> path,
        List<RevocationFinding> revocation, String detail, Instant validationTime) {

    public ValidationResult {
        Objects.requireNonNull(indication, "indication");
        if ((indication == Indication.TOTAL_PASSED) != (subIndication == null)) {
            throw new IllegalArgumentException(indication + " with sub-indication " + subIndication);
        }
        path = List.copyOf(path);
        revocation = List.copyOf(revocation);
    }

    public boolean valid() {
        return indication == Indication.TOTAL_PASSED;
    }

    /** The subjects of the path (RFC 4514), leaf first. */
    public List<String> pathSubjects() {
        return path.stream().map(c -> SubjectNames.format(c.getSubjectX500Principal())).toList();
    }

    static ValidationResult passed(List<X509Certificate> path, List<RevocationFinding> revocation, String detail,
            Instant at) {
        return new ValidationResult(Indication.TOTAL_PASSED, null, path, revocation, detail, at);
    }

    static ValidationResult failed(SubIndication sub, List<X509Certificate> path, List<RevocationFinding> revocation,
            String detail, Instant at) {
        return new ValidationResult(sub.indication(), sub, path, revocation, detail, at);
    }

    /** For sub-indications the standard lists under both main indications (EXPIRED, NOT_YET_VALID). */
    static ValidationResult of(Indication indication, SubIndication sub, List<X509Certificate> path,
            List<RevocationFinding> revocation, String detail, Instant at) {
        return new ValidationResult(indication, sub, path, revocation, detail, at);
    }
}
