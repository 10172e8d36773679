package org.fujie.ca.revocation;

import org.fujie.service.problem.CommonProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bouncycastle.cert.X509CRLHolder;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.authority.PublicEndpoints;
import org.fujie.service.problem.FujieException;
import org.fujie.ca.store.CaRecord;
import org.fujie.ca.store.ClusterLock;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.x509.Fingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes complete and delta CRLs (RFC 5280 5, 5.2.4): on a schedule, right after status changes,
 * and on request. Each publication runs under the CA's cluster lock and re-checks there whether it is
 * still needed, so instances sharing a database never issue two CRLs with one number, and numbers
 * have no gaps (they are taken from the newest stored CRL inside the locked transaction).
 */
public final class CrlPublisher implements RevocationListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);
    private static final String ACTOR = "system:crl";

    /** What one publication made: the complete CRL when one was made, and the delta. */
    public record Publication(CrlRecord full, CrlRecord delta, long millis) {
    }

    private final AuthorityRegistry authorities;
    private final CrlStore store;
    private final ClusterLock lock;
    private final AuditedTransactions audited;
    private final PublicEndpoints endpoints;
    private final CrlProperties settings;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "crl-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    public CrlPublisher(AuthorityRegistry authorities, CrlStore store, ClusterLock lock, AuditedTransactions audited,
            PublicEndpoints endpoints, CrlProperties settings, Clock clock) {
        this.authorities = authorities;
        this.store = store;
        this.lock = lock;
        this.audited = audited;
        this.endpoints = endpoints;
        this.settings = settings;
        this.clock = clock;
    }

    /** Publishes now: a complete CRL and a delta against it, or only a delta (a complete one first if there is none). */
    public Publication publishNow(String caId, boolean deltaOnly, String actor) {
        CertificateAuthority ca = authorities.find(caId)
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no CA with id " + caId));
        return lock.callLocked(lockName(caId), () -> publish(ca, !deltaOnly || store.latest(caId, false).isEmpty(), actor));
    }

    /**
     * The first CRLs of a CA that has none yet (just bootstrapped or created, before the schedule's first run), so a
     * relying party never finds the distribution point empty. Once a CA has a complete CRL this does nothing.
     */
    public void ensurePublished(String caId) {
        CertificateAuthority ca = authorities.find(caId)
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no CA with id " + caId));
        lock.callLocked(lockName(caId), () -> store.latest(caId, false).isPresent() ? null : publish(ca, true, ACTOR));
    }

    /** The schedule: for every CA, a complete CRL or a delta when one is due. */
    @Scheduled(fixedDelayString = "${fujie.crl.check-interval:1m}", initialDelayString = "${fujie.crl.initial-delay:2s}")
    public void publishDue() {
        for (CaRecord record : authorities.records()) {
            try {
                publishDue(record.id());
            } catch (RuntimeException e) {
                log.error("CRL publication for CA {} failed; the schedule retries", record.id(), e);
            }
        }
    }

    private void publishDue(String caId) {
        CertificateAuthority ca = authorities.find(caId).orElseThrow();
        if (ca.notAfter().isBefore(clock.instant())) {
            return;
        }
        lock.callLocked(lockName(caId), () -> {
            Instant now = clock.instant();
            CrlRecord full = store.latest(caId, false).orElse(null);
            if (full == null || !now.isBefore(full.thisUpdate().plus(settings.fullInterval()))) {
                return publish(ca, true, ACTOR);
            }
            CrlRecord delta = store.latest(caId, true).orElse(null);
            if (delta == null || !now.isBefore(delta.thisUpdate().plus(settings.deltaInterval()))) {
                return publish(ca, false, ACTOR);
            }
            return null;
        });
    }

    /**
     * After a status change: one background publication per CA, however many changes arrive while it
     * waits, so a burst of revocations costs a few CRLs and no caller waits for one.
     */
    @Override
    public void statusChanged(CertificateRecord certificate) {
        if (settings.onRevocation() == CrlProperties.OnRevocation.NONE || !queued.add(certificate.caId())) {
            return;
        }
        background.execute(() -> {
            queued.remove(certificate.caId());
            try {
                publishAfterChange(certificate.caId());
            } catch (RuntimeException e) {
                log.error("CRL publication after a status change in CA {} failed; the schedule retries", certificate.caId(), e);
            }
        });
    }

    private void publishAfterChange(String caId) {
        CertificateAuthority ca = authorities.find(caId).orElseThrow();
        boolean full = settings.onRevocation() == CrlProperties.OnRevocation.FULL;
        lock.callLocked(lockName(caId), () -> {
            long counter = store.revocationCounter();
            CrlRecord latest = store.latest(caId, true).orElse(null);
            if (latest != null && latest.changeMark() >= counter) {
                return null; // another instance published these changes already
            }
            CrlRecord lastFull = store.latest(caId, false).orElse(null);
            boolean fullDue = lastFull == null
                    || (full && !clock.instant().isBefore(lastFull.thisUpdate().plus(settings.minFullInterval())));
            return publish(ca, fullDue, ACTOR);
        });
    }

    /** Under the CA's lock: optionally a complete CRL, then always a delta against the newest complete one. */
    private Publication publish(CertificateAuthority ca, boolean withFull, String actor) {
        long started = System.nanoTime();
        CrlRecord full = withFull ? generate(ca, null, actor) : null;
        CrlRecord base = full != null ? full : store.latest(ca.id(), false).orElseThrow();
        CrlRecord delta = generate(ca, base, actor);
        if (full != null) {
            store.pruneBefore(ca.id(), full.number());
        }
        return new Publication(full, delta, (System.nanoTime() - started) / 1_000_000);
    }

    private CrlRecord generate(CertificateAuthority ca, CrlRecord base, String actor) {
        long mark = store.revocationCounter();
        long number = store.lastNumber(ca.id()) + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant cutoff = now.minus(settings.keepExpired());
        List<CrlTemplate.Entry> entries = new ArrayList<>();
        if (base == null) {
            store.revokedEntries(ca.id(), cutoff, entries::add);
        } else {
            store.changedEntries(ca.id(), base.changeMark(), cutoff, entries::add);
        }
        Instant nextUpdate = now.plus(base == null ? settings.fullValidity() : settings.deltaValidity());
        CrlTemplate template = new CrlTemplate(BigInteger.valueOf(number), now, nextUpdate,
                base == null ? null : BigInteger.valueOf(base.number()),
                base == null ? endpoints.deltaCrlUrl(ca.id()) : null,
                settings.keepExpired().isZero() ? null : cutoff, entries);
        byte[] der = encoded(ca.signCrl(template));
        CrlRecord record = new CrlRecord(ca.id(), number, base == null ? null : base.number(), mark, now, nextUpdate,
                entries.size(), der);
        store.insert(record);
        audited.appendWithin(AuditEvent.of(actor, base == null ? "crl.publish" : "crl.publish-delta", "crl:" + ca.id(), Map.of(
                "crlNumber", Long.toString(number),
                "baseCrlNumber", base == null ? "none" : Long.toString(base.number()),
                "entries", Integer.toString(entries.size()),
                "sha256", Fingerprints.sha256(der))));
        return record;
    }

    private static byte[] encoded(X509CRLHolder crl) {
        try {
            return crl.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lockName(String caId) {
        return "crl:" + caId;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
