package org.fujie.seal.problem;

import org.fujie.service.problem.ProblemType;

/** seal-service's own problems. */
public final class SealProblem {

    private SealProblem() {
    }

    public static final ProblemType SEAL_INVALID = new ProblemType("seal-invalid", 400, "The seal request is invalid");
    public static final ProblemType SEAL_NOT_FOUND = new ProblemType("seal-not-found", 404, "No such seal");
    public static final ProblemType SEAL_STATE = new ProblemType("seal-state", 409, "The seal's status does not allow this");
    public static final ProblemType FOUR_EYES = new ProblemType("seal-four-eyes", 403,
            "A seal is approved by another SEAL_ADMIN than the one who made it");
    public static final ProblemType NOT_GRANTED = new ProblemType("seal-not-granted", 403, "The seal is not granted to this keeper");
    public static final ProblemType STAMP_INVALID = new ProblemType("stamp-invalid", 400, "The document or the placement cannot be stamped");
    public static final ProblemType STAMP_UNAVAILABLE = new ProblemType("stamp-unavailable", 503,
            "The time-stamp authority or the revocation services a B-T or higher stamp needs did not answer as needed");
    public static final ProblemType CA_UNAVAILABLE = new ProblemType("ca-unavailable", 502,
            "ca-service did not issue or revoke the seal certificate");
}
