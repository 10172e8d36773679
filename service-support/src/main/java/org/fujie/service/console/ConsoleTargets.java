package org.fujie.service.console;

import java.util.Map;

import org.springframework.web.util.UriUtils;

/**
 * Which console page shows an audit entry's target, by the target's prefix (a service declares its own, e.g.
 * {@code certificate:} to {@code /console/certificates/}), so the audit log links to what it names.
 */
public record ConsoleTargets(Map<String, String> pagesByPrefix) {

    public static final ConsoleTargets NONE = new ConsoleTargets(Map.of());

    public ConsoleTargets {
        pagesByPrefix = Map.copyOf(pagesByPrefix);
    }

    /** The page of the target, or null when no page shows it. */
    public String page(String target) {
        if (target == null) {
            return null;
        }
        for (Map.Entry<String, String> prefix : pagesByPrefix.entrySet()) {
            if (target.startsWith(prefix.getKey()) && target.length() > prefix.getKey().length()) {
                return prefix.getValue() + UriUtils.encodePathSegment(target.substring(prefix.getKey().length()), "UTF-8");
            }
        }
        return null;
    }
}
