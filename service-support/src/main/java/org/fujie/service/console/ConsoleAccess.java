package org.fujie.service.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Whether the logged-in user may call a console URL, asked of the security filter chain itself: a page shows an action
 * only when the rule that guards it allows it, so buttons and rules cannot drift apart.
 */
public final class ConsoleAccess {

    private final WebInvocationPrivilegeEvaluator evaluator;
    private final Authentication authentication;

    ConsoleAccess(WebInvocationPrivilegeEvaluator evaluator, Authentication authentication) {
        this.evaluator = evaluator;
        this.authentication = authentication;
    }

    /** E.g. {@code can('POST', '/console/certificates/new')}. */
    public boolean can(String method, String path) {
        return authentication != null && evaluator.isAllowed("", path, method, authentication);
    }
}
