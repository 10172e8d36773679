package org.fujie.service.keys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code fujie.keys.*}: which backends a service has and which keys go where. The {@code software} backend (encrypted
 * files under the data folder) always exists; others are declared under {@code backends.<name>}, and {@code routes}
 * send keys to them by alias or purpose ({@code fujie.keys.routes.ca=hsm} puts every new CA key in the backend named
 * {@code hsm}). A binding only; {@link KeyBackends} turns it into backends.
 */
public class KeyBackendSettings {

    public static final String PREFIX = "fujie.keys";

    /** Where keys go that no route names. */
    private String backend = "software";

    /** Alias or purpose (the alias up to a dash: ca, ocsp, seal, tsa, jwt, audit) to backend name. */
    private Map<String, String> routes = new LinkedHashMap<>();

    private Map<String, Definition> backends = new LinkedHashMap<>();

    /** The first pause before an unreachable backend or key is tried again; each failure doubles it up to retryMax. */
    private Duration retryFirst = Duration.ofSeconds(1);

    private Duration retryMax = Duration.ofMinutes(1);

    public Duration getRetryFirst() {
        return retryFirst;
    }

    public void setRetryFirst(Duration retryFirst) {
        this.retryFirst = retryFirst;
    }

    public Duration getRetryMax() {
        return retryMax;
    }

    public void setRetryMax(Duration retryMax) {
        this.retryMax = retryMax;
    }

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public Map<String, String> getRoutes() {
        return routes;
    }

    public void setRoutes(Map<String, String> routes) {
        this.routes = routes;
    }

    public Map<String, Definition> getBackends() {
        return backends;
    }

    public void setBackends(Map<String, Definition> backends) {
        this.backends = backends;
    }

    /** One declared backend. {@code type} is {@code pkcs11} or {@code vault}; the other fields belong to one type. */
    public static class Definition {

        private String type;

        /** pkcs11: the token's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so. */
        private Path library;

        /** pkcs11: the PKCS#11 slot id; or give {@link #tokenLabel}. */
        private Long slot;

        /** pkcs11: the label of the token, found among the library's slots at open. */
        private String tokenLabel;

        /** pkcs11: the environment variable holding the user PIN. */
        private String pinEnv = "FUJIE_PKCS11_PIN";

        /** pkcs11: or a file (readable by the service only) holding it. */
        private Path pinFile;

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public Path getLibrary() {
            return library;
        }

        public void setLibrary(Path library) {
            this.library = library;
        }

        public Long getSlot() {
            return slot;
        }

        public void setSlot(Long slot) {
            this.slot = slot;
        }

        public String getTokenLabel() {
            return tokenLabel;
        }

        public void setTokenLabel(String tokenLabel) {
            this.tokenLabel = tokenLabel;
        }

        public String getPinEnv() {
            return pinEnv;
        }

        public void setPinEnv(String pinEnv) {
            this.pinEnv = pinEnv;
        }

        public Path getPinFile() {
            return pinFile;
        }

        public void setPinFile(Path pinFile) {
            this.pinFile = pinFile;
        }
    }
}
