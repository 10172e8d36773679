package org.fujie.seal.seal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Warns, once per certificate, that an ACTIVE seal's certificate expires within the warning window: a WARN log line
 * naming the seal and an audit entry {@code seal.expiry-warning}. Which certificate was warned about is stored with it,
 * so a restart (or another instance on the same database) does not warn again; a renewed seal's new certificate is
 * warned about in its turn.
 */
public final class SealExpiryWarner {

    static final String ACTOR = "system:seal-expiry";

    private static final Logger log = LoggerFactory.getLogger(SealExpiryWarner.class);

    private final SealStore store;
    private final AuditedTransactions audited;
    private final SealExpiry expiry;
    private final Clock clock;

    public SealExpiryWarner(SealStore store, AuditedTransactions audited, SealExpiry expiry, Clock clock) {
        this.store = store;
        this.audited = audited;
        this.expiry = expiry;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fujie.seal.expiry-check-period:1h}", initialDelayString = "${fujie.seal.expiry-check-initial-delay:1m}")
    public void scheduled() {
        try {
            warnExpiring();
        } catch (RuntimeException e) {
            log.error("the seal expiry check failed; the schedule retries", e);
        }
    }

    /** Warns about each seal expiring soon that has not been warned about for its current certificate; returns those warned now. */
    public synchronized List<ExpiryWarning> warnExpiring() {
        List<ExpiryWarning> warned = new ArrayList<>();
        for (Seal seal : store.expiringUnwarned(expiry.horizon())) {
            ExpiryWarning warning = new ExpiryWarning(seal.id(), seal.name(), seal.serialNumber(), seal.notAfter());
            try {
                if (warn(warning)) {
                    warned.add(warning);
                }
            } catch (RuntimeException e) {
                log.error("seal {}: the expiry warning could not be recorded; the next check retries", seal.id(), e);
            }
        }
        return warned;
    }

    private boolean warn(ExpiryWarning warning) {
        Instant now = clock.instant();
        try {
            audited.execute(AuditEvent.of(ACTOR, "seal.expiry-warning", "seal:" + warning.sealId(), Map.of("serial",
                    warning.serialNumber(), "notAfter", warning.notAfter().toString())), tx -> {
                        if (SealStore.expiryWarned(tx, warning.sealId(), warning.serialNumber(), now) == 0) {
                            throw new AlreadyWarned(); // by another instance, or renewed meanwhile: no entry
                        }
                        return null;
                    });
        } catch (AlreadyWarned e) {
            return false;
        }
        log.warn("seal {} ({}): its certificate {} expires at {}; renew it with POST /api/v1/seals/{}/renew", warning.sealId(),
                warning.name(), warning.serialNumber(), warning.notAfter(), warning.sealId());
        return true;
    }

    /** Rolls the warning's transaction back, audit entry and all. */
    private static final class AlreadyWarned extends RuntimeException {
        AlreadyWarned() {
            super(null, null, false, false);
        }
    }
}
