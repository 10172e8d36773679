package org.fujie.ca.ocsp;

import java.time.Instant;

/**
 * An encoded OCSPResponse and, for a pre-signed one, its validity and entity tag (RFC 5019 6: what
 * HTTP caches may rely on). thisUpdate is null for replies that must not be cached. statusChange is
 * the revocation counter value of the certificate state the reply states.
 */
public record OcspReply(byte[] body, Instant thisUpdate, Instant nextUpdate, String etag, long statusChange) {

    static OcspReply uncacheable(byte[] body) {
        return new OcspReply(body, null, null, null, 0);
    }

    public boolean cacheable() {
        return thisUpdate != null;
    }
}
