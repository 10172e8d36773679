package org.fujie.trust.console;

import org.fujie.service.console.ConsoleAccess;
import org.fujie.service.console.ConsoleController;
import org.fujie.trust.anchor.AnchorService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The trust anchors, read-only (added and removed through the API); and the way in, to what the user may do first. */
@ConsoleController
class TrustAnchorsConsoleController {

    private final AnchorService anchors;

    TrustAnchorsConsoleController(AnchorService anchors) {
        this.anchors = anchors;
    }

    @GetMapping("/console/")
    String home(@ModelAttribute("access") ConsoleAccess access) {
        return access.can("GET", "/console/verify") ? "redirect:/console/verify" : "redirect:/console/anchors";
    }

    @GetMapping("/console/anchors")
    String list(Model model) {
        model.addAttribute("anchors", anchors.list());
        return "console/trust/anchors";
    }
}
