package org.fujie.seal.console;

import java.util.List;

import org.fujie.seal.seal.Actor;
import org.fujie.seal.seal.Seal;
import org.fujie.seal.seal.SealService;
import org.fujie.service.console.ConsoleConfirmation;
import org.fujie.service.console.ConsoleController;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Approve, suspend, resume and revoke from the seal's page, through the same {@link SealService} calls as the API (the
 * same four-eyes rule, the same audited transaction); a refusal is the error page with the service's words.
 */
@ConsoleController
class SealLifecycleController {

    /** The reasons a seal is revoked for (a hold is a suspension, not a revocation). */
    static final List<String> REASONS = List.of("cessationOfOperation", "keyCompromise", "affiliationChanged", "superseded",
            "unspecified");

    private final SealService seals;

    SealLifecycleController(SealService seals) {
        this.seals = seals;
    }

    @PostMapping("/console/seals/{id}/approve")
    String approve(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        return shown(seals.approve(id, Actor.of(caller)), "approved", redirect);
    }

    @PostMapping("/console/seals/{id}/suspend")
    String suspend(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        return shown(seals.suspend(id, Actor.of(caller)), "suspended", redirect);
    }

    @PostMapping("/console/seals/{id}/resume")
    String resume(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        return shown(seals.resume(id, Actor.of(caller)), "resumed", redirect);
    }

    /** Revoking is final: the form asks to confirm it (a required check box), and so does this. */
    @PostMapping("/console/seals/{id}/revoke")
    String revoke(@PathVariable String id, @RequestParam String reason, @RequestParam(required = false) String confirm,
            Authentication caller, RedirectAttributes redirect) {
        ConsoleConfirmation.require(confirm, "confirm the revocation: the seal and its certificates cannot be used again");
        return shown(seals.revoke(id, reason, Actor.of(caller)), "revoked", redirect);
    }

    private static String shown(Seal seal, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/console/seals/" + seal.id();
    }
}
