package org.fujie.service.problem;

import java.net.URI;

/**
 * A stable problem type (RFC 7807 {@code type}): {@code urn:fujie:problem:<slug>}. Clients switch on
 * these URIs; a slug never changes once published. Each service lists its own in an enum.
 */
public interface ProblemType {

    URI uri();

    int status();

    String title();

    static URI uri(String slug) {
        return URI.create("urn:fujie:problem:" + slug);
    }
}
