package org.fujie.pki.validation;

import java.net.URI;

/**
 * Plain HTTP for the public PKI endpoints (AIA caIssuers, CRL distribution points, OCSP, RFC 5280 and
 * RFC 6960). Implementations enforce timeouts, refuse bodies above the limit and follow no redirect.
 */
public interface HttpFetcher {

    /** The body of a 200 answer to a GET; anything else is a FetchException. */
    byte[] get(URI uri, int maxBytes) throws FetchException;

    /** The body of a 200 answer to a POST of the body with the content type. */
    byte[] post(URI uri, String contentType, byte[] body, int maxBytes) throws FetchException;

    /** Why a fetch gave no body: unreachable, timed out, not 200, too large, not http. */
    final class FetchException extends Exception {

        private static final long serialVersionUID = 1L;

        public FetchException(String message) {
            super(message);
        }

        public FetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
