package org.fujie.service.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.service.web.RequestPaths;
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
        return RequestPaths.asked(request);
    }

    /** The same attributes, for a page no console controller renders (the error page of an error dispatch). */
    Map<String, Object> attributes(HttpServletRequest request) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("targets", targets());
        attributes.put("navigation", navigation());
        attributes.put("user", user());
        attributes.put("access", access());
        attributes.put("links", links());
        attributes.put("path", path(request));
        return attributes;
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? null : authentication;
    }
}
