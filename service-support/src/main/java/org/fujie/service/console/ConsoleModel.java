package org.fujie.service.console;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout needs: the user, what they may do, the links between the services, where we are. */
@ControllerAdvice(annotations = ConsoleController.class)
class ConsoleModel {

    private final WebInvocationPrivilegeEvaluator evaluator;
    private final ConsoleLinks links;
    private final ConsoleNavigation navigation;
    private final ConsoleTargets targets;

    ConsoleModel(WebInvocationPrivilegeEvaluator evaluator, ConsoleLinks links, ObjectProvider<ConsoleNavigation> navigation,
            ObjectProvider<ConsoleTargets> targets) {
        this.evaluator = evaluator;
        this.links = links;
        this.navigation = navigation.getIfAvailable(() -> new ConsoleNavigation("", List.of()));
        this.targets = targets.getIfAvailable(() -> ConsoleTargets.NONE);
    }

    @ModelAttribute("targets")
    ConsoleTargets targets() {
        return targets;
    }

    @ModelAttribute("navigation")
    ConsoleNavigation navigation() {
        return navigation;
    }

    @ModelAttribute("user")
    ConsoleUser user() {
        return ConsoleUser.of(authentication());
    }

    @ModelAttribute("access")
    ConsoleAccess access() {
        return new ConsoleAccess(evaluator, authentication());
    }

    @ModelAttribute("links")
    ConsoleLinks links() {
        return links;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? null : authentication;
    }
}
