package org.fujie.seal.seal;

import java.util.List;
import java.util.Set;

import org.fujie.seal.problem.SealProblem;
import org.fujie.service.problem.FujieException;
import org.fujie.service.security.Role;
import org.fujie.service.web.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a caller whose only seal-service role is SEAL_KEEPER may see: the seals that name it as a keeper, nothing of
 * the others (DESIGN.md: stamp with the seals granted to them, nothing else). The URL rules let keepers in; this
 * narrows them to their seals. SEAL_ADMINs, auditors and administrators see every seal.
 */
public final class KeeperScope {

    private static final Set<String> SEE_EVERY_SEAL = Set.of(authority(Role.SEAL_ADMIN), authority(Role.AUDITOR),
            authority(Role.ADMIN));

    private KeeperScope() {
    }

    /** The seal, if the caller may read it. @throws FujieException 403 seal-not-granted for another keeper's seal */
    public static Seal readable(Seal seal, Authentication caller) {
        if (limitedToGranted(caller) && !grantedTo(seal, caller)) {
            throw new FujieException(SealProblem.NOT_GRANTED, "the seal " + seal.id() + " is not granted to " + Caller.identity(caller));
        }
        return seal;
    }

    /** The seals of the list the caller may read. */
    public static List<Seal> readable(List<Seal> seals, Authentication caller) {
        if (!limitedToGranted(caller)) {
            return seals;
        }
        return seals.stream().filter(seal -> grantedTo(seal, caller)).toList();
    }

    private static boolean limitedToGranted(Authentication caller) {
        return caller == null || caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(SEE_EVERY_SEAL::contains);
    }

    private static boolean grantedTo(Seal seal, Authentication caller) {
        return seal.keepers().contains(Caller.identity(caller));
    }

    private static String authority(Role role) {
        return "ROLE_" + role.name();
    }
}
