package org.fujie.sample;

import java.util.List;

import org.fujie.client.boot.principal.FujiePrincipal;

/** What the application knows of the logged-in user, as /api/me answers and / shows it. */
record MeView(String subject, String organization, String serial, String fingerprint, List<String> roles, String loginMethod) {

    static MeView of(FujiePrincipal principal) {
        return new MeView(principal.subject(), principal.organization(), principal.serial(), principal.fingerprint(),
                principal.roles().stream().sorted().toList(), principal.loginMethod().name());
    }
}
