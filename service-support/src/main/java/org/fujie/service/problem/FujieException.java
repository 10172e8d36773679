package org.fujie.service.problem;

/** A request Fujie refuses, with the problem type the API reports and a detail safe to show callers. */
public class FujieException extends RuntimeException {

    private final ProblemType type;

    public FujieException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
