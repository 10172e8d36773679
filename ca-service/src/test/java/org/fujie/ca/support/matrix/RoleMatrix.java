package org.fujie.ca.support.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fujie.service.security.Role;

/**
 * A service's authorisation table: one {@link Rule} per endpoint. It checks itself against the endpoints the running
 * service really has, and against the invariants every service keeps (AUDITOR reads everything and changes nothing).
 */
public record RoleMatrix(String name, List<Rule> rules) {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    public RoleMatrix {
        rules = List.copyOf(rules);
    }

    public static RoleMatrix of(String name, Rule... rules) {
        return new RoleMatrix(name, List.of(rules));
    }

    /** The rows every service shares ({@link CommonRows}), then the service's own. */
    public static RoleMatrix withCommonRows(String name, Rule... own) {
        List<Rule> all = new ArrayList<>(CommonRows.everyService());
        all.addAll(List.of(own));
        return new RoleMatrix(name, List.copyOf(all));
    }

    /** The console rows every service shares ({@link CommonRows#everyConsole}), then the service's own pages. */
    public static RoleMatrix consoleWithCommonRows(String name, Rule... own) {
        List<Rule> all = new ArrayList<>(CommonRows.everyConsole());
        all.addAll(List.of(own));
        return new RoleMatrix(name, List.copyOf(all));
    }

    /** An endpoint the service has and no row names, a row whose endpoint is gone, an endpoint named twice. */
    public List<String> coverageProblems(Set<Endpoint> discovered, String service) {
        List<String> problems = new ArrayList<>();
        Set<Endpoint> tabled = new TreeSet<>();
        for (Rule rule : rules) {
            if (!tabled.add(rule.endpoint())) {
                problems.add(name + " has two rules for " + rule.endpoint() + ": keep one");
            }
        }
        for (Endpoint endpoint : new TreeSet<>(discovered)) {
            if (!tabled.contains(endpoint)) {
                problems.add("no rule for " + endpoint + ": add it to " + name);
            }
        }
        for (Endpoint endpoint : tabled) {
            if (!discovered.contains(endpoint)) {
                problems.add(name + " has a rule for " + endpoint + ", which the running " + service + " does not have: remove it");
            }
        }
        return problems;
    }

    /** AUDITOR is read-only everywhere (issue 8): it may read every endpoint that needs a role and change nothing. */
    public List<String> auditorProblems() {
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            boolean read = READS.contains(rule.endpoint().method());
            if (!rule.open() && !rule.ownCredential() && !read && rule.allowed().contains(Role.AUDITOR)) {
                problems.add(name + " lets AUDITOR " + rule.endpoint() + ", but AUDITOR is read-only");
            }
            if (!rule.open() && read && !rule.allowed().isEmpty() && !rule.allowed().contains(Role.AUDITOR)) {
                problems.add(name + " hides " + rule.endpoint() + " from AUDITOR, who reads everything");
            }
        }
        return problems;
    }

    @Override
    public String toString() {
        return name + rules.stream().map(Rule::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
