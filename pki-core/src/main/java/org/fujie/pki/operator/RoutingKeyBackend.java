package org.fujie.pki.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * Chooses a backend per key. Aliases are {@code <purpose>-<name>} ({@code ca-issuing}, {@code seal-3f2a}, {@code tsa-…});
 * a route names an alias or a prefix of it ending at a dash ({@code ca} routes every CA key, {@code ca-issuing} only
 * that one), the longest route wins, and keys no route names go to the default backend. Routes decide where new keys
 * are made; an existing key is found in whichever backend holds it, so changing a route never strands a key.
 */
public final class RoutingKeyBackend implements KeyBackend {

    private final Map<String, KeyBackend> backends;
    private final String defaultBackend;
    private final Map<String, String> routes;
    private final Supplier<Backoff> backoffs;
    // Where each key was found: a key never moves between backends, so later look-ups (one per stamp, say) go straight
    // there instead of asking every backend whether it holds the key (a file check, or a Vault round trip, each time).
    private final Map<String, String> located = new ConcurrentHashMap<>();

    /** Backends by configuration name (searched in this order), the default's name, and routes to backend names. */
    public RoutingKeyBackend(Map<String, KeyBackend> backends, String defaultBackend, Map<String, String> routes) {
        this(backends, defaultBackend, routes, Backoff::standard);
    }

    /** With the retry schedule of keys that cannot be reached. */
    public RoutingKeyBackend(Map<String, KeyBackend> backends, String defaultBackend, Map<String, String> routes,
            Supplier<Backoff> backoffs) {
        this.backoffs = Objects.requireNonNull(backoffs);
        this.backends = new LinkedHashMap<>(backends);
        this.defaultBackend = Objects.requireNonNull(defaultBackend);
        this.routes = Map.copyOf(routes);
        require(defaultBackend, "the default key backend");
        this.routes.forEach((route, backend) -> require(backend, "route " + route));
    }

    private void require(String name, String what) {
        if (!backends.containsKey(name)) {
            throw new KeyBackendException(what + " names key backend '" + name + "', which is not configured (configured: "
                    + String.join(", ", backends.keySet()) + ")");
        }
    }

    @Override
    public String name() {
        return defaultBackend;
    }

    @Override
    public Backoff newBackoff() {
        return backoffs.get();
    }

    /** The name of the backend holding the alias, or where a new key under it would be made. */
    @Override
    public String backendOf(String alias) {
        String known = located.get(alias);
        if (known != null) {
            return known;
        }
        for (Map.Entry<String, KeyBackend> backend : backends.entrySet()) {
            if (holds(backend.getValue(), alias)) {
                return backend.getKey();
            }
        }
        return routeOf(alias);
    }

    String routeOf(String alias) {
        String best = null;
        for (String route : routes.keySet()) {
            boolean matches = alias.equals(route) || alias.startsWith(route + "-");
            if (matches && (best == null || route.length() > best.length())) {
                best = route;
            }
        }
        return best == null ? defaultBackend : routes.get(best);
    }

    @Override
    public boolean contains(String alias) {
        return backends.values().stream().anyMatch(backend -> holds(backend, alias));
    }

    @Override
    public SigningKey generate(String alias, KeyAlgorithm algorithm) {
        if (contains(alias)) {
            throw new KeyBackendException("a key with alias " + alias + " exists already (in backend " + backendOf(alias) + ")");
        }
        String target = routeOf(alias);
        SigningKey key = backends.get(target).generate(alias, algorithm);
        located.put(alias, target);
        return key;
    }

    @Override
    public SigningKey get(String alias) {
        return find(alias, backend -> backend.get(alias));
    }

    @Override
    public SigningKey get(String alias, SubjectPublicKeyInfo certified) {
        return find(alias, backend -> backend.get(alias, certified));
    }

    private SigningKey find(String alias, Function<KeyBackend, SigningKey> lookup) {
        String known = located.get(alias);
        if (known != null) {
            return lookup.apply(backends.get(known));
        }
        String routed = routeOf(alias);
        List<String> order = new ArrayList<>();
        order.add(routed);
        backends.keySet().stream().filter(name -> !name.equals(routed)).forEach(order::add);
        List<String> unavailable = new ArrayList<>();
        for (String name : order) {
            try {
                if (backends.get(name).contains(alias)) {
                    SigningKey key = lookup.apply(backends.get(name));
                    located.put(alias, name);
                    return key;
                }
            } catch (KeyBackendException e) {
                unavailable.add(e.getMessage());
            }
        }
        if (!unavailable.isEmpty()) {
            // The key may well be in a backend that cannot be asked now: say so rather than "no such key".
            throw new KeyBackendException("key " + alias + " is in none of the reachable backends, and "
                    + String.join("; ", unavailable));
        }
        return lookup.apply(backends.get(routed)); // it says there is no such key
    }

    /** A backend's state for operators: available, unavailable with the reason, or not-opened yet. */
    public record BackendState(String name, String state, String reason, boolean isDefault) {
    }

    public List<BackendState> states() {
        List<BackendState> states = new ArrayList<>();
        backends.forEach((name, backend) -> {
            boolean isDefault = name.equals(defaultBackend);
            if (backend instanceof ResilientKeyBackend resilient) {
                states.add(new BackendState(name, resilient.state(), resilient.unavailableReason(), isDefault));
            } else {
                states.add(new BackendState(name, "available", null, isDefault));
            }
        });
        return states;
    }

    /** Routes as configured: alias or purpose to backend name. */
    public Map<String, String> routes() {
        return routes;
    }

    /** The named backend, for ceremonies that pick one explicitly. */
    public KeyBackend backend(String name) {
        require(name, "the request");
        return backends.get(name);
    }

    public Map<String, KeyBackend> backends() {
        return Map.copyOf(backends);
    }

    /** An unavailable backend does not hold the key as far as routing can tell; asking it directly says why. */
    private static boolean holds(KeyBackend backend, String alias) {
        try {
            return backend.contains(alias);
        } catch (KeyBackendException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "RoutingKeyBackend" + backends.keySet() + "[default " + defaultBackend + ", routes " + routes + "]";
    }
}
