package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CRLHolder;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.validation.RevocationFinding.Status;
import org.fujie.pki.validation.RevocationSource.RevocationUnavailableException;

/**
 * Revocation checking of a built path, done here rather than inside PKIX so the order (OCSP first, CRL
 * when OCSP gives no usable answer) and the caching are ours. Every certificate but the anchor is
 * checked, except those with id-pkix-ocsp-nocheck. Run it only on a path whose signatures verified:
 * the URLs it fetches then come from certificates a trusted CA signed.
 */
public final class RevocationChecker {

    /** The verdict on the path: a failure (sub-indication and detail) or null, and what was found. */
    public record Outcome(SubIndication failure, String detail, List<RevocationFinding> findings) {

        public Outcome {
            findings = List.copyOf(findings);
        }
    }

    /** In rising order of weight: the heaviest verdict of the path decides. */
    private enum Verdict { NOT_REVOKED, UNAVAILABLE, OUT_OF_BOUNDS, REVOKED }

    private record Judged(Verdict verdict, RevocationFinding finding) {
    }

    private final List<RevocationSource> sources;
    private final ValidationPolicy policy;

    /** @param sources asked in this order until one gives an answer that covers the validation time */
    public RevocationChecker(List<RevocationSource> sources, ValidationPolicy policy) {
        this.sources = List.copyOf(sources);
        this.policy = policy;
    }

    /** OCSP, then CRL, over one fetcher, each with its own cache (10,000 answers, 256 CRLs of at most 10 MB). */
    public static RevocationChecker ocspThenCrl(HttpFetcher fetcher, ValidationPolicy policy) {
        return new RevocationChecker(onlineSources(fetcher, policy), policy);
    }

    /** Like {@link #ocspThenCrl}, keeping answers at most maxAge (and never past their nextUpdate). */
    public static RevocationChecker ocspThenCrl(HttpFetcher fetcher, ValidationPolicy policy, Duration maxAge) {
        return new RevocationChecker(onlineSources(fetcher, policy, maxAge), policy);
    }

    /** The online sources it asks, in order (for a document checker that asks the document's own data first). */
    public List<RevocationSource> sources() {
        return sources;
    }

    /** The sources of {@link #ocspThenCrl}, for a checker that asks a document's own data first. */
    public static List<RevocationSource> onlineSources(HttpFetcher fetcher, ValidationPolicy policy) {
        return onlineSources(fetcher, policy, null);
    }

    private static List<RevocationSource> onlineSources(HttpFetcher fetcher, ValidationPolicy policy, Duration maxAge) {
        CrlClient crls = new CrlClient(fetcher, new RevocationCache<X509CRLHolder>(256, maxAge), 10 * 1024 * 1024,
                policy.clockSkew());
        OcspClient ocsp = new OcspClient(fetcher, new RevocationCache<RevocationFinding>(10_000, maxAge),
                new OcspResponderTrust(crls), false, 64 * 1024, policy.clockSkew());
        return List.of(ocsp, crls);
    }

    /**
     * @param path the certificate first, its trust anchor last
     * @param at the validation time
     */
    public Outcome check(List<X509Certificate> path, Instant at, Instant now) {
        List<RevocationFinding> findings = new ArrayList<>();
        Judged worst = null;
        int worstIndex = -1;
        for (int i = 0; i + 1 < path.size(); i++) {
            Judged judged = judge(path.get(i), path.get(i + 1), at, now);
            findings.add(judged.finding());
            if (worst == null || judged.verdict().compareTo(worst.verdict()) > 0) {
                worst = judged;
                worstIndex = i;
            }
        }
        if (worst == null || worst.verdict() == Verdict.NOT_REVOKED) {
            return new Outcome(null, null, findings);
        }
        String who = worstIndex == 0 ? "the certificate" : "CA " + worst.finding().subject();
        return switch (worst.verdict()) {
            case REVOKED -> worstIndex == 0
                    ? new Outcome(SubIndication.REVOKED, who + " was revoked before the validation time: "
                            + worst.finding().detail(), findings)
                    // EN 319 102-1 5.2.6.4: a revoked CA leaves the verdict open; a proof of existence from before the revocation could save it.
                    : new Outcome(SubIndication.REVOKED_CA_NO_POE, who + " was revoked before the validation time: "
                            + worst.finding().detail(), findings);
            case OUT_OF_BOUNDS -> new Outcome(SubIndication.REVOCATION_OUT_OF_BOUNDS_NO_POE,
                    "the revocation information for " + who + " does not cover the validation time: "
                            + worst.finding().detail(), findings);
            default -> new Outcome(SubIndication.TRY_LATER, "no revocation information for " + who + ": "
                    + worst.finding().detail(), findings);
        };
    }

    private Judged judge(X509Certificate certificate, X509Certificate issuer, Instant at, Instant now) {
        String subject = CertificateFields.subject(certificate);
        if (CertificateFields.hasOcspNoCheck(certificate)) {
            return new Judged(Verdict.NOT_REVOKED, RevocationFinding.none(subject, certificate.getSerialNumber(),
                    "not checked: id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1)"));
        }
        Judged best = null;
        List<String> problems = new ArrayList<>();
        for (RevocationSource source : sources) {
            RevocationFinding finding;
            try {
                finding = source.check(certificate, issuer, now);
            } catch (RevocationUnavailableException e) {
                problems.add(e.getMessage());
                continue;
            }
            Judged judged = judge(finding, at);
            if (judged.verdict() == Verdict.NOT_REVOKED || judged.verdict() == Verdict.REVOKED) {
                return judged;
            }
            problems.add(judged.finding().detail());
            // Out-of-bounds information says more than an "unknown" answer; keep the first of the better kind.
            if (best == null || judged.verdict() == Verdict.OUT_OF_BOUNDS && best.verdict() != Verdict.OUT_OF_BOUNDS) {
                best = judged;
            }
        }
        String why = problems.isEmpty() ? "no revocation source" : String.join("; ", problems);
        if (best != null) {
            return new Judged(best.verdict(), best.finding().withDetail(why));
        }
        return new Judged(Verdict.UNAVAILABLE, RevocationFinding.none(subject, certificate.getSerialNumber(), why));
    }

    /** What one authentic answer means for the validation time. */
    private Judged judge(RevocationFinding finding, Instant at) {
        if (finding.status() == Status.UNKNOWN) {
            return new Judged(Verdict.UNAVAILABLE, finding);
        }
        boolean hold = finding.reason() == RevocationReason.CERTIFICATE_HOLD;
        if (finding.status() == Status.REVOKED && !finding.revokedAt().isAfter(at) && !hold) {
            // A revocation is final (RFC 5280 3.3), so even information that no longer covers the time proves it.
            return new Judged(Verdict.REVOKED, finding);
        }
        if (!covers(finding, at)) {
            return new Judged(Verdict.OUT_OF_BOUNDS, finding.withDetail(finding.detail() + ", valid only until "
                    + (finding.nextUpdate() != null ? finding.nextUpdate() : finding.thisUpdate())));
        }
        if (finding.status() == Status.REVOKED && !finding.revokedAt().isAfter(at)) {
            return new Judged(Verdict.REVOKED, finding);
        }
        if (finding.status() == Status.REVOKED) {
            return new Judged(Verdict.NOT_REVOKED, finding.withDetail(finding.detail() + ", revoked at "
                    + finding.revokedAt() + ", after the validation time"));
        }
        return new Judged(Verdict.NOT_REVOKED, finding);
    }

    /**
     * Whether the information speaks for the validation time: the time is not past its nextUpdate.
     * Information issued after the time covers it too (not revoked then means not revoked before), which
     * is what EN 319 102-1 asks for fresh revocation data. Without nextUpdate, thisUpdate plus the
     * policy's grace counts.
     */
    private boolean covers(RevocationFinding finding, Instant at) {
        Instant until = finding.nextUpdate() != null ? finding.nextUpdate()
                : finding.thisUpdate().plus(policy.maxAgeWithoutNextUpdate());
        return !at.isAfter(until);
    }
}
