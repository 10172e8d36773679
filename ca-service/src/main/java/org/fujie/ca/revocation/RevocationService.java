package org.fujie.ca.revocation;

import org.fujie.service.problem.CommonProblem;
import org.fujie.ca.problem.CaProblem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.FujieException;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.CertificateStore;
import org.fujie.pki.revocation.RevocationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Revokes certificates and releases holds. The row is locked, judged and changed in one audited
 * transaction, so concurrent requests for one certificate see each other and a repeat is a no-op that
 * says so. The cost does not depend on how many certificates are revoked: one row, one counter.
 */
public final class RevocationService {

    private static final Logger log = LoggerFactory.getLogger(RevocationService.class);

    /** The reasons to revoke with (removeFromCRL only ever appears on delta CRLs, for a released hold). */
    public static final List<RevocationReason> REASONS = java.util.Arrays.stream(RevocationReason.values())
            .filter(r -> r != RevocationReason.REMOVE_FROM_CRL).toList();
    public static final List<String> REASON_NAMES = REASONS.stream().map(RevocationReason::rfcName).toList();

    /** The reason of an RFC 5280 name, or the problem that tells the caller which names there are. */
    public static RevocationReason reason(String name) {
        if (name == null || name.isBlank()) {
            throw new FujieException(CaProblem.REVOCATION_REASON_UNKNOWN, "give a reason: one of " + REASON_NAMES);
        }
        return RevocationReason.fromName(name).orElseThrow(() -> new FujieException(
                CaProblem.REVOCATION_REASON_UNKNOWN, "no revocation reason " + name + "; one of " + REASON_NAMES));
    }

    private final CertificateStore store;
    private final AuditedTransactions audited;
    private final Clock clock;
    private final List<RevocationListener> listeners;

    public RevocationService(CertificateStore store, AuditedTransactions audited, Clock clock, List<RevocationListener> listeners) {
        this.store = store;
        this.audited = audited;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    public RevocationOutcome revoke(String serial, RevocationReason reason, Instant invalidityDate, String actor) {
        if (reason == RevocationReason.REMOVE_FROM_CRL) {
            throw new FujieException(CaProblem.REVOCATION_REASON_UNKNOWN,
                    "removeFromCRL is not a reason to revoke; release the hold instead");
        }
        // Whole seconds: CRLs and OCSP carry revocation times to the second (RFC 5280 4.1.2.5.2).
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (invalidityDate != null && invalidityDate.isAfter(now)) {
            throw new FujieException(CaProblem.INVALIDITY_DATE_INVALID, "the invalidity date " + invalidityDate + " is in the future");
        }
        requireExists(serial);
        RevocationOutcome outcome = audited.executeAudited(tx -> {
            CertificateRecord current = locked(tx, serial);
            RevocationOutcome result = decideRevoke(tx, current, reason, invalidityDate, now);
            return new AuditedTransactions.Audited<>(result, event(actor, "certificate.revoke", result, current, now,
                    Map.of("reason", reason.rfcName(), "invalidityDate", String.valueOf(invalidityDate))));
        });
        notifyIfChanged(outcome);
        return outcome;
    }

    public RevocationOutcome release(String serial, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        requireExists(serial);
        RevocationOutcome outcome = audited.executeAudited(tx -> {
            CertificateRecord current = locked(tx, serial);
            RevocationOutcome result = decideRelease(tx, current, now);
            return new AuditedTransactions.Audited<>(result, event(actor, "certificate.release", result, current, now, Map.of()));
        });
        notifyIfChanged(outcome);
        return outcome;
    }

    private static RevocationOutcome decideRevoke(JdbcClient tx, CertificateRecord current, RevocationReason reason,
            Instant invalidityDate, Instant now) {
        switch (current.status()) {
            case CertificateRecord.REVOKED -> {
                return new RevocationOutcome(current, false, "already revoked since " + current.revocation().revokedAt()
                        + " (" + current.revocation().reason().rfcName() + "); nothing changed");
            }
            case CertificateRecord.ON_HOLD -> {
                if (reason == RevocationReason.CERTIFICATE_HOLD) {
                    return new RevocationOutcome(current, false, "already on hold since " + current.revocation().revokedAt());
                }
                // A hold made permanent keeps the date of the hold: relying parties saw it revoked from then on.
                CertificateRecord.Revocation revocation = new CertificateRecord.Revocation(
                        current.revocation().revokedAt(), reason, invalidityDate);
                return changed(tx, current, CertificateRecord.REVOKED, revocation, now, "the hold became a revocation (" + reason.rfcName() + ")");
            }
            default -> {
                String status = reason == RevocationReason.CERTIFICATE_HOLD ? CertificateRecord.ON_HOLD : CertificateRecord.REVOKED;
                String expired = current.notAfter().isBefore(now) ? " (the certificate had expired on " + current.notAfter() + ")" : "";
                return changed(tx, current, status, new CertificateRecord.Revocation(now, reason, invalidityDate), now,
                        (status.equals(CertificateRecord.ON_HOLD) ? "put on hold" : "revoked (" + reason.rfcName() + ")") + expired);
            }
        }
    }

    private static RevocationOutcome decideRelease(JdbcClient tx, CertificateRecord current, Instant now) {
        return switch (current.status()) {
            case CertificateRecord.ON_HOLD -> changed(tx, current, CertificateRecord.VALID, null, now, "hold released");
            case CertificateRecord.REVOKED -> throw new FujieException(CaProblem.REVOCATION_PERMANENT, "certificate "
                    + current.serial() + " is revoked (" + current.revocation().reason().rfcName() + "); only a hold can be released");
            default -> new RevocationOutcome(current, false, "not on hold; nothing changed");
        };
    }

    private static RevocationOutcome changed(JdbcClient tx, CertificateRecord current, String status,
            CertificateRecord.Revocation revocation, Instant at, String detail) {
        CertificateStore.changeStatus(tx, current.serial(), status, revocation, at);
        CertificateRecord after = new CertificateRecord(current.serial(), current.caId(), current.profile(), current.subject(),
                status, current.notBefore(), current.notAfter(), current.fingerprint(), current.der(), current.requestedBy(),
                current.issuedAt(), revocation);
        return new RevocationOutcome(after, true, detail);
    }

    private void requireExists(String serial) {
        // Checked before queueing too: a refused request should not fail the group commit it would join.
        if (store.find(serial).isEmpty()) {
            throw notFound(serial);
        }
    }

    private static CertificateRecord locked(JdbcClient tx, String serial) {
        return CertificateStore.findForUpdate(tx, serial).orElseThrow(() -> notFound(serial));
    }

    private static FujieException notFound(String serial) {
        return new FujieException(CommonProblem.NOT_FOUND, "no certificate with serial " + serial);
    }

    private static AuditEvent event(String actor, String action, RevocationOutcome outcome, CertificateRecord before,
            Instant now, Map<String, String> request) {
        Map<String, String> details = new LinkedHashMap<>(request);
        details.put("ca", before.caId());
        details.put("statusBefore", before.status());
        details.put("statusAfter", outcome.certificate().status());
        details.put("changed", Boolean.toString(outcome.changed()));
        details.put("expired", Boolean.toString(before.notAfter().isBefore(now)));
        return AuditEvent.of(actor, action, "certificate:" + before.serial(), details);
    }

    private void notifyIfChanged(RevocationOutcome outcome) {
        if (outcome.changed()) {
            for (RevocationListener listener : listeners) {
                try {
                    listener.statusChanged(outcome.certificate());
                } catch (RuntimeException e) {
                    // The change is committed; listeners only speed up publication, and their schedules catch up.
                    log.error("after the status change of {}: {} failed", outcome.certificate().serial(), listener, e);
                }
            }
        }
    }
}
