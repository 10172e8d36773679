package org.fujie.seal.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.x509.SubjectNames;
import org.fujie.seal.image.InvalidPngException;
import org.fujie.seal.image.PngImages;
import org.fujie.seal.image.SealImageRenderer;
import org.fujie.seal.image.SealShape;
import org.fujie.seal.problem.SealProblem;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.ca.CaClient;
import org.fujie.service.problem.FujieException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A seal's lifecycle: made by one SEAL_ADMIN, approved by another (four eyes), which gets its key made in
 * seal-service's backend and its certificate from ca-service; then suspended, resumed, renewed (a new key and
 * certificate) or revoked (which revokes its certificates at ca-service first). Each change commits with its audit entry.
 */
public final class SealService {

    /** The key algorithms a seal may have: those ca-service's seal profile allows (the console offers them). */
    public static final Set<String> ALGORITHMS = Set.of("RSA-2048", "RSA-3072", "EC-P256", "EC-P384", "SM2");

    private static final Logger log = LoggerFactory.getLogger(SealService.class);
    private static final SealImageRenderer RENDERER = new SealImageRenderer();

    private final SealStore store;
    private final KeyBackend keys;
    private final CaClient ca;
    private final AuditedTransactions audited;
    private final SealExpiry expiry;
    private final Clock clock;

    public SealService(SealStore store, KeyBackend keys, CaClient ca, AuditedTransactions audited, SealExpiry expiry, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.ca = ca;
        this.audited = audited;
        this.expiry = expiry;
        this.clock = clock;
    }

    public Seal make(NewSeal request, Actor maker) {
        String name = text(request.name(), "name", 64);
        String organization = text(request.organization(), "organization", 128);
        SealType type = type(request.type());
        String algorithm = request.algorithm() == null ? "EC-P256" : request.algorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw new FujieException(SealProblem.SEAL_INVALID, "algorithm must be one of " + new java.util.TreeSet<>(ALGORITHMS));
        }
        List<String> keepers = keepers(request.keepers());
        byte[] image = request.imagePng() != null ? checked(request.imagePng()) : drawn(organization, name, type);
        Instant now = clock.instant();
        Seal seal = new Seal(UUID.randomUUID().toString(), name, organization, type, algorithm, SealStatus.PENDING, maker.identity(), null,
                null, null, null, null, null, keepers, now, now);
        audited.execute(AuditEvent.of(maker.audit(), "seal.make", "seal:" + seal.id(), Map.of("name", name, "organization", organization,
                "type", type.name(), "algorithm", algorithm, "keepers", String.join("; ", keepers))), tx -> {
                    SealStore.insert(tx, seal, image);
                    return null;
                });
        return seal;
    }

    /** Four eyes: the approver is another SEAL_ADMIN than the maker. */
    public Seal approve(String id, Actor approver) {
        Seal pending = required(id);
        if (pending.status() != SealStatus.PENDING) {
            throw new FujieException(SealProblem.SEAL_STATE, "the seal is " + pending.status() + ", not PENDING");
        }
        if (pending.madeBy().equals(approver.identity())) {
            throw new FujieException(SealProblem.FOUR_EYES, "the seal was made by " + approver.identity()
                    + "; another SEAL_ADMIN approves it");
        }
        // The key is made under a name of the seal's, so a retry after a crash here takes the same key again.
        CaClient.Enrolled enrolled = enrol(pending, "seal-" + id);
        Map<String, String> details = certificateDetails(enrolled);
        details.put("serial", serial(enrolled));
        return install(id, enrolled, AuditEvent.of(approver.audit(), "seal.approve", "seal:" + id, details), current -> {
            if (current.status() != SealStatus.PENDING) {
                throw new FujieException(SealProblem.SEAL_STATE, "the seal became " + current.status() + " meanwhile");
            }
            return current.withStatus(SealStatus.ACTIVE, current.updatedAt()).withApprover(approver.identity());
        });
    }

    /**
     * A new key in seal-service's backend and a new certificate for the same subject from ca-service, for an ACTIVE or
     * SUSPENDED seal, which keeps its status. The old certificate is not revoked: documents stamped with it stay valid.
     */
    public Seal renew(String id, Actor caller) {
        Seal seal = required(id);
        renewable(seal);
        // The n-th certificate's key is seal-{id}-{n}: a retry after a crash before the commit takes the same key again.
        CaClient.Enrolled enrolled = enrol(seal, "seal-" + id + "-" + (store.certificateCount(id) + 1));
        Map<String, String> details = certificateDetails(enrolled);
        details.put("oldSerial", seal.serialNumber());
        details.put("newSerial", serial(enrolled));
        return install(id, enrolled, AuditEvent.of(caller.audit(), "seal.renew", "seal:" + id, details), current -> {
            renewable(current);
            if (!current.serialNumber().equals(seal.serialNumber())) {
                throw new FujieException(SealProblem.SEAL_STATE, "the seal was renewed meanwhile");
            }
            return current;
        });
    }

    public List<SealCertificate> certificates(String id) {
        required(id);
        return store.certificates(id);
    }

    public Seal suspend(String id, Actor caller) {
        return move(id, caller, "seal.suspend", SealStatus.ACTIVE, SealStatus.SUSPENDED);
    }

    public Seal resume(String id, Actor caller) {
        return move(id, caller, "seal.resume", SealStatus.SUSPENDED, SealStatus.ACTIVE);
    }

    /**
     * Revokes the seal's certificates at ca-service first (idempotent there): the current one and those renewal replaced
     * that have not expired, so a revoked seal never has a valid certificate.
     */
    public Seal revoke(String id, String reasonName, Actor caller) {
        RevocationReason reason = reasonName == null ? RevocationReason.CESSATION_OF_OPERATION
                : RevocationReason.fromName(reasonName).orElseThrow(() -> new FujieException(SealProblem.SEAL_INVALID,
                        "unknown revocation reason " + reasonName));
        if (reason == RevocationReason.CERTIFICATE_HOLD) {
            throw new FujieException(SealProblem.SEAL_INVALID, "a seal is suspended, not put on hold: use /suspend");
        }
        Seal seal = required(id);
        if (seal.status() == SealStatus.REVOKED) {
            return seal;
        }
        Instant now = clock.instant();
        List<String> revoked = new ArrayList<>();
        for (SealCertificate certificate : store.certificates(id)) {
            if (certificate.current() || certificate.notAfter().isAfter(now)) {
                try {
                    ca.revoke(certificate.serialNumber(), reason.rfcName());
                } catch (IllegalStateException e) {
                    throw new FujieException(SealProblem.CA_UNAVAILABLE, e.getMessage());
                }
                revoked.add(certificate.serialNumber());
            }
        }
        return audited.execute(AuditEvent.of(caller.audit(), "seal.revoke", "seal:" + id, Map.of("reason", reason.rfcName(),
                "serial", String.valueOf(seal.serialNumber()), "revokedSerials", String.join(" ", revoked))), tx -> {
                    SealStore.status(tx, id, SealStatus.REVOKED, now);
                    return locked(tx, id).withStatus(SealStatus.REVOKED, now);
                });
    }

    public Seal get(String id) {
        return required(id);
    }

    /** The seals (of the status, when given; only those expiring soon, when asked). */
    public List<Seal> list(SealStatus status, boolean expiringOnly) {
        List<Seal> seals = store.list(status);
        return expiringOnly ? seals.stream().filter(expiry::expiringSoon).toList() : seals;
    }

    public boolean expiringSoon(Seal seal) {
        return expiry.expiringSoon(seal);
    }

    public java.util.Optional<byte[]> image(String id) {
        return store.image(id);
    }

    private Seal move(String id, Actor caller, String action, SealStatus from, SealStatus to) {
        Instant now = clock.instant();
        return audited.execute(AuditEvent.of(caller.audit(), action, "seal:" + id, Map.of("from", from.name(), "to", to.name())), tx -> {
            Seal seal = locked(tx, id);
            if (seal.status() != from) {
                throw new FujieException(SealProblem.SEAL_STATE, "the seal is " + seal.status() + ", not " + from);
            }
            SealStore.status(tx, id, to, now);
            return seal.withStatus(to, now);
        });
    }

    private Seal required(String id) {
        return store.find(id).orElseThrow(() -> new FujieException(SealProblem.SEAL_NOT_FOUND, "no seal " + id));
    }

    private static Seal locked(JdbcClient tx, String id) {
        return SealStore.findForUpdate(tx, id).orElseThrow(() -> new FujieException(SealProblem.SEAL_NOT_FOUND, "no seal " + id));
    }

    private static void renewable(Seal seal) {
        if (seal.status() != SealStatus.ACTIVE && seal.status() != SealStatus.SUSPENDED) {
            throw new FujieException(SealProblem.SEAL_STATE, "the seal is " + seal.status() + "; only an ACTIVE or SUSPENDED seal is renewed");
        }
    }

    /** The seal's key under the alias (made now, or the one an earlier try left) and its certificate, profile seal. */
    private CaClient.Enrolled enrol(Seal seal, String alias) {
        try {
            return ca.enrol(keys, alias, KeyAlgorithm.fromId(seal.algorithm()).orElseThrow(), "seal", subject(seal));
        } catch (IllegalStateException e) {
            throw new FujieException(SealProblem.CA_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * Commits the enrolled key and certificate as the seal's current ones, with the audit event; {@code next} checks the
     * seal as locked in the transaction and returns it with the status and approver it is to have.
     */
    private Seal install(String id, CaClient.Enrolled enrolled, AuditEvent event, UnaryOperator<Seal> next) {
        Instant now = clock.instant();
        Instant notBefore = enrolled.certificate().getNotBefore().toInstant();
        try {
            return audited.execute(event, tx -> {
                Seal certified = next.apply(locked(tx, id)).withCertificate(enrolled.keyAlias(), serial(enrolled), der(enrolled),
                        enrolled.chainPem(), enrolled.certificate().getNotAfter().toInstant(), now);
                SealStore.certified(tx, certified, notBefore);
                return certified;
            });
        } catch (FujieException refused) {
            // The seal changed meanwhile: the certificate just issued will never be used, so it should not stay valid.
            try {
                ca.revoke(serial(enrolled), RevocationReason.CESSATION_OF_OPERATION.rfcName());
            } catch (IllegalStateException e) {
                log.warn("seal {}: the unused certificate {} could not be revoked at ca-service: {}", id, serial(enrolled), e.getMessage());
            }
            throw refused;
        }
    }

    private static Map<String, String> certificateDetails(CaClient.Enrolled enrolled) {
        Map<String, String> details = new HashMap<>();
        details.put("subject", SubjectNames.format(enrolled.certificate().getSubject()));
        details.put("notAfter", enrolled.certificate().getNotAfter().toInstant().toString());
        return details;
    }

    private static String serial(CaClient.Enrolled enrolled) {
        return enrolled.certificate().getSerialNumber().toString(16);
    }

    /**
     * O the organization, OU the seal's kind in Chinese, CN its name, in that (encoding) order as X.509 names go from
     * the widest to the narrowest; escaped by the name builder, not by hand.
     */
    private static String subject(Seal seal) {
        return SubjectNames.format(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, seal.organization())
                .addRDN(BCStyle.OU, seal.type().chineseName()).addRDN(BCStyle.CN, seal.name()).build());
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new FujieException(SealProblem.SEAL_INVALID, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new FujieException(SealProblem.SEAL_INVALID, field + " must be at most " + max + " characters without control characters");
        }
        return trimmed;
    }

    private static SealType type(String type) {
        try {
            return SealType.valueOf(type == null ? "OFFICIAL" : type);
        } catch (IllegalArgumentException e) {
            throw new FujieException(SealProblem.SEAL_INVALID, "type must be one of " + List.of(SealType.values()));
        }
    }

    /** The keepers as stored: each one trimmed and checked, each once, at most 100. */
    static List<String> keepers(List<String> keepers) {
        if (keepers == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String keeper : keepers) {
            distinct.add(text(keeper, "keeper", 1024));
        }
        if (distinct.size() > 100) {
            throw new FujieException(SealProblem.SEAL_INVALID, "at most 100 keepers per seal");
        }
        return List.copyOf(distinct);
    }

    /** The standard image of a seal of this type, as {@link #make} draws it when no image is given (the console's preview). */
    public static byte[] standardImage(String organization, String name, String type) {
        return drawn(text(organization, "organization", 128), text(name, "name", 64), type(type));
    }

    private static byte[] checked(byte[] png) {
        try {
            PngImages.validate(png);
            return png;
        } catch (InvalidPngException e) {
            throw new FujieException(SealProblem.SEAL_INVALID, "imagePng: " + e.getMessage());
        }
    }

    /** The standard seal: round, oval for invoice seals, square for a legal representative's name seal. */
    private static byte[] drawn(String organization, String name, SealType type) {
        SealShape shape = switch (type) {
            case LEGAL_REPRESENTATIVE -> SealShape.SQUARE;
            case INVOICE -> SealShape.OVAL;
            default -> SealShape.ROUND;
        };
        try {
            return RENDERER.render(organization, name, shape);
        } catch (IllegalArgumentException e) {
            throw new FujieException(SealProblem.SEAL_INVALID, "no standard seal can be drawn: " + e.getMessage()
                    + "; upload imagePng instead");
        }
    }

    private static byte[] der(CaClient.Enrolled enrolled) {
        try {
            return enrolled.certificate().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
