package org.fujie.service.problem;

import java.net.URI;

/**
 * A stable problem type (RFC 7807 {@code type}): {@code urn:fujie:problem:<slug>}, with its HTTP status
 * and title. Clients switch on these URIs; a slug never changes once published. Each service lists its
 * own as constants ({@link CommonProblem} for those all share).
 */
public record ProblemType(String slug, int status, String title) {

    public URI uri() {
        return URI.create("urn:fujie:problem:" + slug);
    }
}
