package org.fujie.ca.problem;

import java.net.URI;

import org.fujie.service.problem.ProblemType;

/**
 * ca-service's own problems: requests for certificates, CAs and revocation.
 */
public enum CaProblem implements ProblemType {
    CSR_MALFORMED("csr-malformed", 400, "The CSR cannot be parsed"),
    CSR_TOO_LARGE("csr-too-large", 400, "The CSR is too large"),
    CSR_SIGNATURE_INVALID("csr-signature-invalid", 400, "The CSR's signature does not verify"),
    UNSUPPORTED_KEY("unsupported-key", 400, "The key algorithm or size is not supported"),
    PROFILE_UNKNOWN("profile-unknown", 400, "No such certificate profile"),
    CA_UNKNOWN("ca-unknown", 400, "No such certificate authority"),
    ALGORITHM_NOT_ALLOWED("algorithm-not-allowed", 400, "The profile does not allow this key algorithm"),
    SUBJECT_NOT_ALLOWED("subject-not-allowed", 400, "The subject does not meet the profile"),
    SAN_TYPE_NOT_ALLOWED("san-type-not-allowed", 400, "The profile does not allow this subject alternative name type"),
    SAN_INVALID("san-invalid", 400, "A subject alternative name is invalid"),
    VALIDITY_EXCEEDS_CAP("validity-exceeds-cap", 400, "The requested validity exceeds the profile's maximum"),
    KEY_GENERATION_INVALID("key-generation-invalid", 400, "The key generation request is invalid"),
    CA_INVALID("ca-invalid", 400, "The CA request is invalid"),
    CA_EXISTS("ca-exists", 409, "A CA with this id exists"),
    REVOCATION_REASON_UNKNOWN("revocation-reason-unknown", 400, "No such revocation reason"),
    INVALIDITY_DATE_INVALID("invalidity-date-invalid", 400, "The invalidity date is invalid"),
    REVOCATION_PERMANENT("revocation-permanent", 409, "The certificate is revoked permanently");

    private final String slug;
    private final int status;
    private final String title;

    CaProblem(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    @Override
    public URI uri() {
        return ProblemType.uri(slug);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
