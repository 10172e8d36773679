package org.fujie.service.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.fujie.service.audit.AuditReader;
import org.fujie.service.audit.AuditVerification;

/**
 * The audit page's chain verification, kept a short while: verifying reads and hashes every entry, so an auditor
 * paging or filtering through a large log would otherwise wait for the whole chain at every click. The page shows
 * when the result was made and offers to verify again; the API's {@code GET /api/v1/audit/verify} always verifies.
 */
final class RecentVerification {

    static final Duration KEPT = Duration.ofMinutes(1);

    record Result(AuditVerification verification, Instant at) {
    }

    private final AuditReader reader;
    private final Clock clock;
    private final AtomicReference<Result> last = new AtomicReference<>();

    RecentVerification(AuditReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** The last result if younger than {@link #KEPT} and not refused by the caller, else a new verification. */
    synchronized Result get(boolean fresh) {   // one verification when the kept one expires, not one per request
        Result kept = last.get();
        Instant now = clock.instant();
        if (!fresh && kept != null && now.isBefore(kept.at().plus(KEPT))) {
            return kept;
        }
        Result made = new Result(reader.verify(), now);
        last.set(made);
        return made;
    }
}
