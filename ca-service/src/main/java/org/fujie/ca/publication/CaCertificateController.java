package org.fujie.ca.publication;

import org.fujie.service.problem.CommonProblem;

import java.time.Duration;

import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.service.problem.FujieException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** CA certificates for AIA caIssuers (RFC 5280 4.2.2.1): DER, application/pkix-cert (RFC 2585). */
@RestController
class CaCertificateController {

    private static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

    private final AuthorityRegistry authorities;

    CaCertificateController(AuthorityRegistry authorities) {
        this.authorities = authorities;
    }

    @GetMapping("/pki/ca/{id}.crt")
    ResponseEntity<byte[]> certificate(@PathVariable String id) {
        byte[] der = authorities.record(id).map(record -> record.certificateDer())
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no CA with id " + id));
        return ResponseEntity.ok().contentType(PKIX_CERT).cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(der);
    }
}
