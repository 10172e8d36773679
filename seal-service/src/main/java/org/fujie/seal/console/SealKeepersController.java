package org.fujie.seal.console;

import org.fujie.seal.seal.Actor;
import org.fujie.seal.seal.SealKeepers;
import org.fujie.service.console.ConsoleController;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seal's keepers replaced from its page, through the same {@link SealKeepers} as {@code PUT /api/v1/seals/{id}/keepers}
 * (the same checks, the same {@code seal.keepers} audit entry); a refusal is the error page with the service's words.
 */
@ConsoleController
class SealKeepersController {

    private final SealKeepers keepers;

    SealKeepersController(SealKeepers keepers) {
        this.keepers = keepers;
    }

    @PostMapping("/console/seals/{id}/keepers")
    String replace(@PathVariable String id, @RequestParam(defaultValue = "") String keepers, Authentication caller,
            RedirectAttributes redirect) {
        this.keepers.replace(id, KeeperLines.parse(keepers), Actor.of(caller));
        redirect.addFlashAttribute("notice", "keepers");
        return "redirect:/console/seals/" + id;
    }
}
