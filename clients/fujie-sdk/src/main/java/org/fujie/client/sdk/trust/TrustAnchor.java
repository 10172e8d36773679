package org.fujie.client.sdk.trust;

import java.util.List;

/** A certificate trust-service trusts, and for what (DOCUMENT_SIGNING, TLS_SERVER, TLS_CLIENT, TIME_STAMPING). */
public record TrustAnchor(String id, String subject, String fingerprint, List<String> purposes, String createdAt,
        String certificatePem) {
}
