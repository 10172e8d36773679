package org.fujie.pki.cms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.RevocationSource;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;

/**
 * How a signed document's certificates are validated, whatever the format: the trust anchors, the policy,
 * the fetcher for missing intermediates, and the online revocation sources (whose caches outlive a document),
 * asked after the document's own validation data. Immutable and thread-safe.
 *
 * @param onlineSources asked after the document's own revocation data, in this order
 */
public record DocumentValidation(List<TrustAnchor> anchors, ValidationPolicy policy, HttpFetcher fetcher,
        List<RevocationSource> onlineSources, Clock clock) {

    public DocumentValidation {
        anchors = List.copyOf(anchors);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(fetcher, "fetcher");
        onlineSources = List.copyOf(onlineSources);
        Objects.requireNonNull(clock, "clock");
    }

    /** With OCSP then CRL over the fetcher, caches shared by all documents. */
    public static DocumentValidation online(List<TrustAnchor> anchors, ValidationPolicy policy, HttpFetcher fetcher, Clock clock) {
        return new DocumentValidation(anchors, policy, fetcher, RevocationChecker.onlineSources(fetcher, policy), clock);
    }

    /**
     * A validator for one document: its embedded revocation data first (findings named by {@code url}), then the
     * online sources.
     */
    public CertificateValidator forDocument(ValidationData embedded, String url) {
        List<RevocationSource> sources = new ArrayList<>();
        if (!embedded.crls().isEmpty() || !embedded.ocsps().isEmpty()) {
            sources.add(new EmbeddedRevocationSource(embedded, policy.clockSkew(), url));
        }
        sources.addAll(onlineSources);
        return new CertificateValidator(anchors, policy, fetcher, new RevocationChecker(sources, policy), clock);
    }
}
