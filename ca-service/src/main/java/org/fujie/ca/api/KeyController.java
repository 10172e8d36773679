package org.fujie.ca.api;

import java.net.URI;

import org.fujie.ca.keys.KeyCeremony;
import org.fujie.ca.keys.KeyCeremony.KeyView;
import org.fujie.service.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The CA key ceremony (ADMIN): make a CA key in a backend, show a key's backend and fingerprint. */
@RestController
@RequestMapping("/api/v1/keys")
class KeyController {

    private final KeyCeremony ceremony;

    KeyController(KeyCeremony ceremony) {
        this.ceremony = ceremony;
    }

    /** backend may be left out: the routes choose, as for a CA made without a ceremony. */
    record NewKey(String alias, String algorithm, String backend) {
    }

    @PostMapping
    ResponseEntity<KeyView> generate(@RequestBody NewKey request, Authentication caller) {
        KeyView made = ceremony.generate(request.alias(), request.algorithm(), request.backend(), Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/v1/keys/" + made.alias())).body(made);
    }

    @GetMapping("/{alias}")
    KeyView show(@PathVariable String alias) {
        return ceremony.show(alias);
    }
}
