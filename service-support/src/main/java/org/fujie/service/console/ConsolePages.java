package org.fujie.service.console;

import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.problem.CommonProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The pages every service's console has: log-in, the refusal shown when a role does not allow something, a way in. */
@ConsoleController
class ConsolePages {

    private final boolean tokens;

    ConsolePages(ObjectProvider<JwtDecoder> decoder) {
        this.tokens = decoder.getIfAvailable() != null;
    }

    /** The address people type. */
    @GetMapping("/console")
    String home() {
        return "redirect:" + ConsoleSecurity.HOME;
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    String login(Model model) {
        model.addAttribute("tokenLogin", tokens);
        return "console/login";
    }

    /** Where Spring Security forwards a refused request (any method): 403, with what was refused. */
    @RequestMapping(ConsoleSecurity.DENIED)
    String denied(HttpServletResponse response, Model model) {
        return ConsoleErrors.show(CommonProblem.FORBIDDEN, null, response, model);
    }
}
