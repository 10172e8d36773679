package org.fujie.seal.seal;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fujie.pki.x509.Pem;
import org.fujie.seal.eseal.ElectronicSeals;
import org.fujie.seal.problem.SealProblem;
import org.fujie.service.problem.FujieException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seals API of CONTRACT.md: HTTP in and out; the lifecycle is {@link SealService}'s. Reads go through
 * {@link KeeperScope}: a keeper sees its own seals only.
 */
@RestController
@RequestMapping("/api/v1/seals")
class SealController {

    private final SealService seals;
    private final SealKeepers keepers;
    private final ElectronicSeals eseals;

    SealController(SealService seals, SealKeepers keepers, ElectronicSeals eseals) {
        this.seals = seals;
        this.keepers = keepers;
        this.eseals = eseals;
    }

    record MakeRequest(String name, String organization, String type, String algorithm, String imagePng, List<String> keepers) {
    }

    record RevokeRequest(String reason) {
    }

    record KeepersRequest(List<String> keepers) {
    }

    /** A seal; {@code notAfter} is when its current certificate expires, {@code expiringSoon} whether that is within the warning window. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SealView(String id, String name, String organization, String type, String algorithm, String status, String madeBy,
            String approvedBy, String serialNumber, Instant notAfter, boolean expiringSoon, List<String> keepers,
            String certificatePem, String chainPem, Instant createdAt, Instant updatedAt) {
    }

    /** One of a seal's certificates; {@code current} is the one it stamps with. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CertificateView(String serialNumber, boolean current, Instant notBefore, Instant notAfter, Instant installedAt,
            Instant replacedAt, Instant expiryWarnedAt, String certificatePem) {

        static CertificateView of(SealCertificate c) {
            return new CertificateView(c.serialNumber(), c.current(), c.notBefore(), c.notAfter(), c.installedAt(), c.replacedAt(),
                    c.expiryWarnedAt(), Pem.certificate(c.certificateDer()));
        }
    }

    private SealView view(Seal s) {
        return new SealView(s.id(), s.name(), s.organization(), s.type().name(), s.algorithm(), s.status().name(), s.madeBy(),
                s.approvedBy(), s.serialNumber(), s.notAfter(), seals.expiringSoon(s), s.keepers(),
                s.certificateDer() == null ? null : Pem.certificate(s.certificateDer()), s.chainPem(), s.createdAt(), s.updatedAt());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SealView make(@RequestBody MakeRequest request, Authentication caller) {
        byte[] image = null;
        if (request.imagePng() != null) {
            try {
                image = Base64.getMimeDecoder().decode(request.imagePng());
            } catch (IllegalArgumentException e) {
                throw new FujieException(SealProblem.SEAL_INVALID, "imagePng is not base64");
            }
        }
        return view(seals.make(new NewSeal(request.name(), request.organization(), request.type(), request.algorithm(), image,
                request.keepers()), Actor.of(caller)));
    }

    @PostMapping("/{id}/approve")
    SealView approve(@PathVariable String id, Authentication caller) {
        return view(seals.approve(id, Actor.of(caller)));
    }

    @PostMapping("/{id}/suspend")
    SealView suspend(@PathVariable String id, Authentication caller) {
        return view(seals.suspend(id, Actor.of(caller)));
    }

    @PostMapping("/{id}/resume")
    SealView resume(@PathVariable String id, Authentication caller) {
        return view(seals.resume(id, Actor.of(caller)));
    }

    /** A new key and certificate for an ACTIVE or SUSPENDED seal; the old certificate stays valid (see /certificates). */
    @PostMapping("/{id}/renew")
    SealView renew(@PathVariable String id, Authentication caller) {
        return view(seals.renew(id, Actor.of(caller)));
    }

    @PostMapping("/{id}/revoke")
    SealView revoke(@PathVariable String id, @RequestBody(required = false) RevokeRequest request, Authentication caller) {
        return view(seals.revoke(id, request == null ? null : request.reason(), Actor.of(caller)));
    }

    /** The seal's keepers, all replaced by those sent (at least one); a REVOKED seal's stay as they are (409). */
    @PutMapping("/{id}/keepers")
    SealView keepers(@PathVariable String id, @RequestBody KeepersRequest request, Authentication caller) {
        return view(keepers.replace(id, request.keepers(), Actor.of(caller)));
    }

    /** {@code ?status=} one status only; {@code ?expiring=true} only the seals expiring soon. */
    @GetMapping
    List<SealView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String expiring,
            Authentication caller) {
        SealStatus wanted;
        try {
            wanted = status == null ? null : SealStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new FujieException(SealProblem.SEAL_INVALID, "status must be one of " + List.of(SealStatus.values()));
        }
        if (expiring != null && !expiring.equals("true") && !expiring.equals("false")) {
            throw new FujieException(SealProblem.SEAL_INVALID, "expiring must be true or false");
        }
        return KeeperScope.readable(seals.list(wanted, "true".equals(expiring)), caller).stream().map(this::view).toList();
    }

    /** Every certificate the seal has had, the first first; the current one last. */
    @GetMapping("/{id}/certificates")
    List<CertificateView> certificates(@PathVariable String id, Authentication caller) {
        KeeperScope.readable(seals.get(id), caller);
        return seals.certificates(id).stream().map(CertificateView::of).toList();
    }

    @GetMapping("/{id}")
    SealView get(@PathVariable String id, Authentication caller) {
        return view(KeeperScope.readable(seals.get(id), caller));
    }

    @GetMapping(value = "/{id}/image.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> image(@PathVariable String id, Authentication caller) {
        KeeperScope.readable(seals.get(id), caller);
        return seals.image(id).map(ResponseEntity::ok)
                .orElseThrow(() -> new FujieException(SealProblem.SEAL_NOT_FOUND, "the seal " + id + " has no image yet"));
    }

    /** The SM2 seal's GB/T 38540 SESeal (version 4, DER), made by the seal maker on first request and kept. */
    @GetMapping(value = "/{id}/eseal", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> eseal(@PathVariable String id, Authentication caller) {
        KeeperScope.readable(seals.get(id), caller);
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + id + ".eseal\"").body(eseals.der(id));
    }
}
