package org.fujie.ca.ocsp;


import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.revocation.RevocationListener;
import org.fujie.ca.store.CaRecord;
import org.fujie.ca.store.CertificateRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the pre-signed responses true and fresh: re-signs at once what this instance revoked or
 * released, picks up changes other instances made (polling the revocation counter), and pre-signs
 * every unexpired certificate before its response is due for refresh.
 *
 * <p>Pre-signed responses live in each instance's memory, so each instance signs its own: the cost
 * is one signature per certificate per refresh interval, far below what a database round trip per
 * request would cost a responder built to answer from memory.
 */
public final class OcspRefresher implements RevocationListener, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OcspRefresher.class);

    private final OcspService service;
    private final CertificateStatuses statuses;
    private final AuthorityRegistry authorities;
    private volatile long seenMark = -1;

    OcspRefresher(OcspService service, CertificateStatuses statuses, AuthorityRegistry authorities) {
        this.service = service;
        this.statuses = statuses;
        this.authorities = authorities;
    }

    @Override
    public void statusChanged(CertificateRecord certificate) {
        statuses.find(new java.math.BigInteger(certificate.serial(), 16)).ifPresent(service::statusChanged);
    }

    @Scheduled(fixedDelayString = "${fujie.ocsp.change-poll-interval:1s}")
    public void pollChanges() {
        try {
            if (seenMark < 0) {
                seenMark = statuses.mark();
                return;
            }
            CertificateStatuses.Changes changes = statuses.changedSince(seenMark);
            changes.changed().forEach(service::statusChanged);
            seenMark = changes.mark();
        } catch (RuntimeException e) {
            log.warn("OCSP: cannot read status changes; retrying", e);
        }
    }

    /**
     * Before the service reports itself started, every CA has its delegated responder (issuing one is a
     * certificate issuance, which should not happen behind a caller's back later). Pre-signing, which
     * takes a while for a large CA, runs in the background from then on.
     */
    @Override
    public void run(ApplicationArguments arguments) {
        for (CaRecord record : authorities.records()) {
            try {
                service.ensureResponder(record.id());
            } catch (RuntimeException e) {
                log.error("OCSP: no responder for CA {} yet; it is made on first use", record.id(), e);
            }
        }
    }

    @Scheduled(fixedDelayString = "${fujie.ocsp.pre-sign-interval:1m}", initialDelayString = "${fujie.ocsp.pre-sign-initial-delay:1s}")
    public void preSign() {
        for (CaRecord record : authorities.records()) {
            try {
                int signed = service.preSign(record.id());
                if (signed > 0) {
                    log.info("OCSP: pre-signed {} responses for CA {} ({} cached)", signed, record.id(), service.cachedResponses());
                }
            } catch (RuntimeException e) {
                log.error("OCSP: pre-signing for CA {} failed; retrying on the next run", record.id(), e);
            }
        }
    }

}
