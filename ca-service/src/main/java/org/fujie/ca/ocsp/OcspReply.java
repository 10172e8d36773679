package org.fujie.ca.ocsp;

import java.time.Instant;

/**
 * An encoded OCSPResponse and, for a pre-signed one, its validity and entity tag (RFC 5019 6: what
 * HTTP caches may rely on). thisUpdate is null for replies that must not be cached.
 */
public record OcspReply(byte[] body, Instant thisUpdate, Instant nextUpdate, String etag) {

    static OcspReply uncacheable(byte[] body) {
        return new OcspReply(body, null, null, null);
    }

    public boolean cacheable() {
        return thisUpdate != null;
    }
}
