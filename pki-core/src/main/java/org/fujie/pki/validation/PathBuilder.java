package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Builds a path from a certificate up to a trust anchor (RFC 4158, depth first): issuers are looked
 * for by name and key identifier among the anchors first, then the given intermediates, then what the
 * caIssuers URLs offer. A first pass takes only links whose signature verifies; when it finds nothing,
 * a second pass ignores signatures, so that a path broken by a bad signature is still found and PKIX
 * can report the signature (rather than "no chain").
 */
final class PathBuilder {

    /** Shared by every builder of the JVM: a signature that verified once verifies again (see VerifiedSignatures). */
    static final VerifiedSignatures SIGNATURES = new VerifiedSignatures(20_000);

    /** A path from the certificate to the anchor's certificate, or why none was found. */
    record Built(List<X509Certificate> path, TrustAnchor anchor, List<String> problems) {

        boolean found() {
            return anchor != null;
        }
    }

    private final int maxLength;
    private final CaIssuersFetcher caIssuers;

    PathBuilder(int maxLength, CaIssuersFetcher caIssuers) {
        this.maxLength = maxLength;
        this.caIssuers = caIssuers;
    }

    Built build(X509Certificate target, List<X509Certificate> intermediates, List<TrustAnchor> anchors) {
        for (TrustAnchor anchor : anchors) {
            if (anchor.certificate().equals(target)) {
                return new Built(List.of(target), anchor, List.of());
            }
        }
        Search search = new Search(intermediates, anchors);
        for (boolean checkSignatures : new boolean[] {true, false}) {
            List<X509Certificate> path = new ArrayList<>(List.of(target));
            TrustAnchor anchor = search.extend(path, checkSignatures);
            if (anchor != null) {
                return new Built(path, anchor, List.of());
            }
        }
        List<String> problems = new ArrayList<>(search.problems);
        problems.add(0, "no issuer chain from " + CertificateFields.subject(target) + " to a trust anchor"
                + (search.deepest.size() > 1 ? " (it ends at " + CertificateFields.subject(search.deepest.get(search.deepest.size() - 1)) + ")" : ""));
        return new Built(search.deepest, null, problems);
    }

    private final class Search {

        private final List<X509Certificate> pool;
        private final List<TrustAnchor> anchors;
        private final Map<X509Certificate, List<X509Certificate>> fetched = new HashMap<>();
        private final Set<String> problems = new LinkedHashSet<>();
        private List<X509Certificate> deepest = List.of();

        Search(List<X509Certificate> intermediates, List<TrustAnchor> anchors) {
            this.pool = intermediates;
            this.anchors = anchors;
        }

        /** Extends the path (last element first) to an anchor and returns it, or null with the path unchanged. */
        TrustAnchor extend(List<X509Certificate> path, boolean checkSignatures) {
            X509Certificate current = path.get(path.size() - 1);
            if (path.size() > deepest.size()) {
                deepest = List.copyOf(path);
            }
            for (TrustAnchor anchor : anchors) {
                if (links(anchor.certificate(), current, checkSignatures)) {
                    path.add(anchor.certificate());
                    return anchor;
                }
            }
            if (path.size() + 1 >= maxLength || CertificateFields.selfIssued(current) && path.size() > 1) {
                return null;
            }
            for (X509Certificate candidate : candidates(current)) {
                if (path.contains(candidate) || !links(candidate, current, checkSignatures)) {
                    continue;
                }
                path.add(candidate);
                TrustAnchor anchor = extend(path, checkSignatures);
                if (anchor != null) {
                    return anchor;
                }
                path.remove(path.size() - 1);
            }
            return null;
        }

        private List<X509Certificate> candidates(X509Certificate current) {
            List<X509Certificate> candidates = new ArrayList<>();
            for (X509Certificate certificate : pool) {
                if (CertificateFields.mayHaveIssued(certificate, current)) {
                    candidates.add(certificate);
                }
            }
            if (candidates.isEmpty() && caIssuers != null) {
                List<String> found = new ArrayList<>();
                candidates.addAll(fetched.computeIfAbsent(current, c -> caIssuers.fetch(c, found)));
                problems.addAll(found);
            }
            return candidates;
        }

        private boolean links(X509Certificate issuer, X509Certificate certificate, boolean checkSignature) {
            return CertificateFields.mayHaveIssued(issuer, certificate)
                    && (!checkSignature || SIGNATURES.signedBy(certificate, issuer.getPublicKey()));
        }
    }
}
