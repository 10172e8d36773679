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

    /**
     * One declared backend. {@code type} is {@code pkcs11} or {@code vault}; the other fields belong to one type.
     * Secrets (PIN, token, secret id) are never properties: they come from the environment or a file.
     */
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

        /** vault: the address, e.g. https://vault.intranet:8200. */
        private java.net.URI address;

        /** vault: the environment variable holding a token (or use AppRole: roleId and the secret id). */
        private String tokenEnv = "VAULT_TOKEN";

        /** vault: or a file holding the token. */
        private Path tokenFile;

        /** vault: the AppRole role id; with it, the secret id from secretIdEnv or secretIdFile. */
        private String roleId;

        private String secretIdEnv = "VAULT_SECRET_ID";

        private Path secretIdFile;

        /** vault: where the AppRole auth method is mounted. */
        private String approlePath = "approle";

        /** vault: the Vault Enterprise namespace, if any. */
        private String namespace;

        /** vault: the Transit mount. */
        private String mount = "transit";

        /** vault: Transit key names are this prefix plus the alias, so a policy can be scoped to it. */
        private String keyPrefix = "fujie-";

        /** vault: the PEM CA certificate to trust for Vault's TLS (the JDK's trust store otherwise). */
        private Path caFile;

        /** vault: how long a key read from Vault is reused before it is read again (a rotation is seen then). */
        private Duration keyCacheTtl = Duration.ofSeconds(60);

        public Duration getKeyCacheTtl() {
            return keyCacheTtl;
        }

        public void setKeyCacheTtl(Duration keyCacheTtl) {
            this.keyCacheTtl = keyCacheTtl;
        }

        public java.net.URI getAddress() {
            return address;
        }

        public void setAddress(java.net.URI address) {
            this.address = address;
        }

        public String getTokenEnv() {
            return tokenEnv;
        }

        public void setTokenEnv(String tokenEnv) {
            this.tokenEnv = tokenEnv;
        }

        public Path getTokenFile() {
            return tokenFile;
        }

        public void setTokenFile(Path tokenFile) {
            this.tokenFile = tokenFile;
        }

        public String getRoleId() {
            return roleId;
        }

        public void setRoleId(String roleId) {
            this.roleId = roleId;
        }

        public String getSecretIdEnv() {
            return secretIdEnv;
        }

        public void setSecretIdEnv(String secretIdEnv) {
            this.secretIdEnv = secretIdEnv;
        }

        public Path getSecretIdFile() {
            return secretIdFile;
        }

        public void setSecretIdFile(Path secretIdFile) {
            this.secretIdFile = secretIdFile;
        }

        public String getApprolePath() {
            return approlePath;
        }

        public void setApprolePath(String approlePath) {
            this.approlePath = approlePath;
        }

        public String getNamespace() {
            return namespace;
        }

        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        public String getMount() {
            return mount;
        }

        public void setMount(String mount) {
            this.mount = mount;
        }

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public Path getCaFile() {
            return caFile;
        }

        public void setCaFile(Path caFile) {
            this.caFile = caFile;
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
