package org.fujie.seal.seal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fujie.seal.problem.SealProblem;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.FujieException;

/**
 * Who keeps a seal after it was made: the whole list replaced at once (a PUT, so sending it again changes nothing
 * more), in one transaction with its {@code seal.keepers} audit entry, which holds the old list and the new. A removed
 * keeper's next stamp is refused (403 seal-not-granted), as KeeperScope reads the keepers of each request's seal.
 */
public final class SealKeepers {

    private final AuditedTransactions audited;
    private final Clock clock;

    public SealKeepers(AuditedTransactions audited, Clock clock) {
        this.audited = audited;
        this.clock = clock;
    }

    public Seal replace(String id, List<String> keepers, Actor caller) {
        if (keepers == null || keepers.isEmpty()) {
            throw new FujieException(SealProblem.SEAL_INVALID, "keepers must name at least one keeper");
        }
        List<String> replacing = SealService.keepers(keepers);
        Instant now = clock.instant();
        return audited.executeAudited(tx -> {
            Seal seal = SealStore.findForUpdate(tx, id)
                    .orElseThrow(() -> new FujieException(SealProblem.SEAL_NOT_FOUND, "no seal " + id));
            if (seal.status() == SealStatus.REVOKED) {
                throw new FujieException(SealProblem.SEAL_STATE, "the seal is REVOKED: nobody keeps it any more");
            }
            SealStore.keepers(tx, id, replacing, now);
            return new AuditedTransactions.Audited<>(seal.withKeepers(replacing, now), AuditEvent.of(caller.audit(), "seal.keepers",
                    "seal:" + id, Map.of("old", String.join("; ", seal.keepers()), "new", String.join("; ", replacing))));
        });
    }
}
