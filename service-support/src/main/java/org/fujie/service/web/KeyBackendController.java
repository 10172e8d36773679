package org.fujie.service.web;

import java.util.List;
import java.util.Map;

import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.pki.operator.RoutingKeyBackend.BackendState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's key backends as operators need to see them (ADMIN, AUDITOR): which are available, which are down and
 * why, and where new keys go. Names and states only: nothing about the keys themselves.
 */
@RestController
class KeyBackendController {

    private final RoutingKeyBackend keys;

    KeyBackendController(RoutingKeyBackend keys) {
        this.keys = keys;
    }

    record KeyBackendsView(List<BackendState> backends, Map<String, String> routes) {
    }

    @GetMapping("/api/v1/key-backends")
    KeyBackendsView backends() {
        return new KeyBackendsView(keys.states(), keys.routes());
    }
}
