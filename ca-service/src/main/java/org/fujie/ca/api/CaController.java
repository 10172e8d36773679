package org.fujie.ca.api;

import org.fujie.service.problem.CommonProblem;

import org.fujie.service.web.Caller;
import java.net.URI;
import java.util.List;

import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.authority.NewCa;
import org.fujie.service.problem.FujieException;
import org.fujie.ca.store.CaRecord;
import org.fujie.pki.x509.Pem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cas")
class CaController {

    private final AuthorityRegistry authorities;

    CaController(AuthorityRegistry authorities) {
        this.authorities = authorities;
    }

    /** keyStatus is available or unavailable (with keyUnavailableReason) as of the CA's last signature. */
    record CaView(String id, String subject, String algorithm, String parentId, String keyBackend, String keyAlias,
            String keyStatus, String keyUnavailableReason, String notBefore, String notAfter, String certificatePem) {
    }

    private CaView view(CaRecord r) {
        String unavailable = authorities.find(r.id()).map(CertificateAuthority::keyUnavailableReason).orElse(null);
        return new CaView(r.id(), r.subject(), r.algorithm(), r.parentId(), r.keyBackend(), r.keyAlias(),
                unavailable == null ? "available" : "unavailable", unavailable, r.notBefore().toString(),
                r.notAfter().toString(), Pem.certificate(r.certificateDer()));
    }

    @GetMapping
    List<CaView> list() {
        return authorities.records().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    CaView get(@PathVariable String id) {
        return authorities.record(id).map(this::view)
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no CA with id " + id));
    }

    @PostMapping
    ResponseEntity<CaView> create(@RequestBody NewCa request, Authentication caller) {
        CertificateAuthority made = authorities.create(request, Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/v1/cas/" + made.id()))
                .body(authorities.record(made.id()).map(this::view).orElseThrow());
    }
}
