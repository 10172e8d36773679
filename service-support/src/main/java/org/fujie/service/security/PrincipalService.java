package org.fujie.service.security;

import org.fujie.service.problem.CommonProblem;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.FujieException;
import org.fujie.pki.x509.SubjectNames;

/** Grants and withdraws roles; every change is audited and clears the role cache. */
public final class PrincipalService {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private final PrincipalStore store;
    private final AuditedTransactions audited;
    private final CertificateRoleResolver resolver;
    private final Clock clock;

    public PrincipalService(PrincipalStore store, AuditedTransactions audited, CertificateRoleResolver resolver, Clock clock) {
        this.store = store;
        this.audited = audited;
        this.resolver = resolver;
        this.clock = clock;
    }

    public List<PrincipalRecord> all() {
        return store.all();
    }

    /** Creates the grant, or replaces the roles of the existing grant for the same subject or fingerprint. */
    public PrincipalRecord put(String subject, String fingerprint, List<String> roleNames, String actor) {
        if ((subject == null) == (fingerprint == null)) {
            throw new FujieException(CommonProblem.PRINCIPAL_INVALID, "give exactly one of subject and fingerprint");
        }
        String normalisedSubject = null;
        if (subject != null) {
            try {
                normalisedSubject = SubjectNames.format(SubjectNames.parse(subject));
            } catch (IllegalArgumentException e) {
                throw new FujieException(CommonProblem.PRINCIPAL_INVALID, "the subject is not an RFC 4514 name");
            }
        }
        String normalisedFingerprint = fingerprint == null ? null : fingerprint.toLowerCase(Locale.ROOT).replace(":", "");
        if (normalisedFingerprint != null && !FINGERPRINT.matcher(normalisedFingerprint).matches()) {
            throw new FujieException(CommonProblem.PRINCIPAL_INVALID, "the fingerprint must be 64 hex digits (SHA-256)");
        }
        Set<Role> roles = roles(roleNames);
        String who = normalisedSubject != null ? normalisedSubject : normalisedFingerprint;
        String subjectKey = normalisedSubject;
        String fingerprintKey = normalisedFingerprint;
        PrincipalRecord result = audited.execute(
                AuditEvent.of(actor, "principal.put", "principal:" + who, Map.of("roles", roles.toString())),
                jdbc -> {
                    var existing = PrincipalStore.findExisting(jdbc, subjectKey, fingerprintKey);
                    if (existing.isPresent()) {
                        PrincipalStore.updateRoles(jdbc, existing.get().id(), roles);
                        return new PrincipalRecord(existing.get().id(), subjectKey, fingerprintKey, roles, existing.get().createdAt());
                    }
                    PrincipalRecord created = new PrincipalRecord(UUID.randomUUID().toString(), subjectKey, fingerprintKey, roles, clock.instant());
                    PrincipalStore.insert(jdbc, created);
                    return created;
                });
        resolver.forgetAll();
        return result;
    }

    public void delete(String id, String actor) {
        int deleted = audited.execute(AuditEvent.of(actor, "principal.delete", "principal:" + id, Map.of()),
                jdbc -> {
                    int rows = PrincipalStore.delete(jdbc, id);
                    if (rows == 0) {
                        throw new FujieException(CommonProblem.NOT_FOUND, "no principal with id " + id);
                    }
                    return rows;
                });
        resolver.forgetAll();
        if (deleted == 0) {
            throw new FujieException(CommonProblem.NOT_FOUND, "no principal with id " + id);
        }
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new FujieException(CommonProblem.PRINCIPAL_INVALID, "give at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new FujieException(CommonProblem.PRINCIPAL_INVALID, "unknown role " + name + "; known: " + List.of(Role.values()));
            }
        }
        return roles;
    }
}
