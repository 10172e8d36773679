package org.fujie.sample;

import org.fujie.client.boot.principal.FujiePrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: the logged-in user as JSON. */
@RestController
class MeController {

    @GetMapping("/api/me")
    MeView me(@AuthenticationPrincipal FujiePrincipal principal) {
        return MeView.of(principal);
    }
}
