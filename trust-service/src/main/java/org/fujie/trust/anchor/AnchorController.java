package org.fujie.trust.anchor;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fujie.pki.validation.Purpose;
import org.fujie.pki.x509.Pem;
import org.fujie.service.problem.FujieException;
import org.fujie.service.web.Caller;
import org.fujie.trust.problem.TrustProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/trust-anchors")
class AnchorController {

    private final AnchorService anchors;

    AnchorController(AnchorService anchors) {
        this.anchors = anchors;
    }

    record AnchorView(String id, String subject, String fingerprint, List<String> purposes, String createdAt, String certificatePem) {
        static AnchorView of(AnchorRecord r) {
            return new AnchorView(r.id(), r.subject(), r.fingerprint(), r.purposes().stream().map(Enum::name).sorted().toList(),
                    r.createdAt().toString(), Pem.certificate(r.certificateDer()));
        }
    }

    /** purposes: DOCUMENT_SIGNING, TLS_SERVER, TLS_CLIENT, TIME_STAMPING; none or empty for all. */
    record AddRequest(String certificatePem, List<String> purposes) {
    }

    @GetMapping
    List<AnchorView> list() {
        return anchors.list().stream().map(AnchorView::of).toList();
    }

    @GetMapping("/{id}")
    AnchorView get(@PathVariable String id) {
        return AnchorView.of(anchors.get(id));
    }

    @PostMapping
    ResponseEntity<AnchorView> add(@RequestBody AddRequest request, Authentication caller) {
        AnchorRecord added = anchors.add(request.certificatePem(), purposes(request.purposes()), Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/v1/trust-anchors/" + added.id())).body(AnchorView.of(added));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication caller) {
        anchors.remove(id, Caller.of(caller));
        return ResponseEntity.noContent().build();
    }

    private static Set<Purpose> purposes(List<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        for (String name : names) {
            try {
                purposes.add(Purpose.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new FujieException(TrustProblem.ANCHOR_INVALID, "no purpose " + name + "; one of " + List.of(Purpose.values()));
            }
        }
        return purposes;
    }
}
