package org.fujie.client.sdk;

import java.net.URI;

/**
 * A service refused with RFC 7807 problem JSON. The slug (from {@code urn:fujie:problem:<slug>}) is the stable part
 * to branch on, e.g. {@code csr-signature-invalid}; title and detail are for people. The subclasses name the HTTP
 * status classes an application usually treats differently; other statuses (413, 415, 500...) are this class.
 */
public class FujieProblemException extends FujieException {

    /** Prefix of every Fujie problem type (CONTRACT.md). */
    public static final String TYPE_PREFIX = "urn:fujie:problem:";

    private final URI uri;
    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    public FujieProblemException(Problem problem) {
        super(message(problem), null);
        this.uri = problem.uri();
        this.status = problem.status();
        this.type = problem.type();
        this.title = problem.title();
        this.detail = problem.detail();
    }

    /** What the service answered, as read from the problem JSON (or from the status alone when the body was none). */
    public record Problem(URI uri, int status, String type, String title, String detail) {
    }

    private static String message(Problem p) {
        String slug = slugOf(p.type());
        return p.status() + (slug == null ? "" : " " + slug) + (p.detail() == null ? (p.title() == null ? "" : ": " + p.title())
                : ": " + p.detail()) + " (" + p.uri() + ")";
    }

    static String slugOf(String type) {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : null;
    }

    /** The request the service refused. */
    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    /** The problem type as sent, e.g. {@code urn:fujie:problem:not-found}; null when the body was not problem JSON. */
    public String type() {
        return type;
    }

    /** The Fujie slug, e.g. {@code not-found}; null when the type is not a Fujie one. */
    public String slug() {
        return slugOf(type);
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
