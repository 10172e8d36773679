package org.fujie.pki.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

    /** Backends by configuration name (searched in this order), the default's name, and routes to backend names. */
    public RoutingKeyBackend(Map<String, KeyBackend> backends, String defaultBackend, Map<String, String> routes) {
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

    /** The name of the backend holding the alias, or where a new key under it would be made. */
    @Override
    public String backendOf(String alias) {
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
        return backends.get(routeOf(alias)).generate(alias, algorithm);
    }

    @Override
    public SigningKey get(String alias) {
        KeyBackend routed = backends.get(routeOf(alias));
        if (holds(routed, alias)) {
            return routed.get(alias);
        }
        for (KeyBackend backend : backends.values()) {
            if (backend != routed && holds(backend, alias)) {
                return backend.get(alias);
            }
        }
        // Ask the routed backend anyway: it says why (unavailable, or no such key).
        return routed.get(alias);
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
