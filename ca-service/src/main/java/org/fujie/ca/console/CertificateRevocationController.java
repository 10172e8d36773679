package org.fujie.ca.console;

import org.fujie.ca.revocation.RevocationOutcome;
import org.fujie.ca.revocation.RevocationService;
import org.fujie.ca.store.SerialText;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.service.console.ConsoleConfirmation;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.web.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Revoke, hold and release from the certificate's page, through the same {@link RevocationService} as the API (one
 * audited transaction each; CRL and OCSP follow). The page is shown again with what happened, in the service's words.
 */
@ConsoleController
class CertificateRevocationController {

    private final RevocationService revocations;

    CertificateRevocationController(RevocationService revocations) {
        this.revocations = revocations;
    }

    /** Revoking is final: the form asks to confirm it (without script, a required check box), and so does this. */
    @PostMapping("/console/certificates/{serial}/revoke")
    String revoke(@PathVariable String serial, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String confirm, Authentication caller, RedirectAttributes redirect) {
        ConsoleConfirmation.require(confirm, "confirm the revocation: it cannot be undone");
        return shown(revocations.revoke(SerialText.normalised(serial), RevocationService.reason(reason), null, Caller.of(caller)),
                redirect);
    }

    @PostMapping("/console/certificates/{serial}/hold")
    String hold(@PathVariable String serial, Authentication caller, RedirectAttributes redirect) {
        return shown(revocations.revoke(SerialText.normalised(serial), RevocationReason.CERTIFICATE_HOLD, null, Caller.of(caller)),
                redirect);
    }

    @PostMapping("/console/certificates/{serial}/release")
    String release(@PathVariable String serial, Authentication caller, RedirectAttributes redirect) {
        return shown(revocations.release(SerialText.normalised(serial), Caller.of(caller)), redirect);
    }

    private static String shown(RevocationOutcome outcome, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", outcome.detail());
        return "redirect:/console/certificates/" + outcome.certificate().serial();
    }
}
