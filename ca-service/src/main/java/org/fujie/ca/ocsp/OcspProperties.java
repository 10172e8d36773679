package org.fujie.ca.ocsp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Binding of {@code fujie.ocsp.*}.
 *
 * @param validity nextUpdate of a response, after its thisUpdate (RFC 5019 requires nextUpdate)
 * @param refreshAfter a cached response is re-signed once it is this old, well before nextUpdate
 * @param maxRequestBytes larger requests get malformedRequest without being parsed
 * @param maxCertificates most certificates one request may ask about
 * @param maxCachedResponses pre-signed responses kept in memory; beyond this, responses are signed per request
 * @param changePollInterval how often changes made by other instances are looked for
 * @param responderAlgorithm key algorithm of the delegated responders; empty: the CA's own
 */
@ConfigurationProperties("fujie.ocsp")
public record OcspProperties(
        @DefaultValue("1h") Duration validity,
        @DefaultValue("30m") Duration refreshAfter,
        @DefaultValue("16384") int maxRequestBytes,
        @DefaultValue("20") int maxCertificates,
        @DefaultValue("1000000") int maxCachedResponses,
        @DefaultValue("1s") Duration changePollInterval,
        @DefaultValue("") String responderAlgorithm) {

    public OcspProperties {
        if (refreshAfter.compareTo(validity) >= 0) {
            throw new IllegalArgumentException("fujie.ocsp.refresh-after must be shorter than fujie.ocsp.validity");
        }
    }
}
