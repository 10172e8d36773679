package org.fujie.ca.problem;

import org.fujie.service.problem.ProblemType;

/** ca-service's own problems: requests for certificates, CAs and revocation. */
public final class CaProblem {

    private CaProblem() {
    }

    public static final ProblemType CSR_MALFORMED = new ProblemType("csr-malformed", 400, "The CSR cannot be parsed");
    public static final ProblemType CSR_TOO_LARGE = new ProblemType("csr-too-large", 400, "The CSR is too large");
    public static final ProblemType CSR_SIGNATURE_INVALID = new ProblemType("csr-signature-invalid", 400, "The CSR's signature does not verify");
    public static final ProblemType UNSUPPORTED_KEY = new ProblemType("unsupported-key", 400, "The key algorithm or size is not supported");
    public static final ProblemType PROFILE_UNKNOWN = new ProblemType("profile-unknown", 400, "No such certificate profile");
    public static final ProblemType CA_UNKNOWN = new ProblemType("ca-unknown", 400, "No such certificate authority");
    public static final ProblemType ALGORITHM_NOT_ALLOWED = new ProblemType("algorithm-not-allowed", 400, "The profile does not allow this key algorithm");
    public static final ProblemType SUBJECT_NOT_ALLOWED = new ProblemType("subject-not-allowed", 400, "The subject does not meet the profile");
    public static final ProblemType SAN_TYPE_NOT_ALLOWED = new ProblemType("san-type-not-allowed", 400, "The profile does not allow this subject alternative name type");
    public static final ProblemType IDENTITY_INVALID = new ProblemType("identity-invalid", 400, "An identity extension is not allowed or invalid");
    public static final ProblemType SAN_INVALID = new ProblemType("san-invalid", 400, "A subject alternative name is invalid");
    public static final ProblemType VALIDITY_EXCEEDS_CAP = new ProblemType("validity-exceeds-cap", 400, "The requested validity exceeds the profile's maximum");
    public static final ProblemType KEY_GENERATION_INVALID = new ProblemType("key-generation-invalid", 400, "The key generation request is invalid");
    public static final ProblemType CA_INVALID = new ProblemType("ca-invalid", 400, "The CA request is invalid");
    public static final ProblemType KEY_REQUEST_INVALID = new ProblemType("key-request-invalid", 400, "The key request is invalid");
    public static final ProblemType KEY_EXISTS = new ProblemType("key-exists", 409, "A key with this alias exists");
    public static final ProblemType CA_EXISTS = new ProblemType("ca-exists", 409, "A CA with this id exists");
    public static final ProblemType REVOCATION_REASON_UNKNOWN = new ProblemType("revocation-reason-unknown", 400, "No such revocation reason");
    public static final ProblemType INVALIDITY_DATE_INVALID = new ProblemType("invalidity-date-invalid", 400, "The invalidity date is invalid");
    public static final ProblemType REVOCATION_PERMANENT = new ProblemType("revocation-permanent", 409, "The certificate is revoked permanently");
}
