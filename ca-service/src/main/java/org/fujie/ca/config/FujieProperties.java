package org.fujie.ca.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fujie.ca.profile.ProfileProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Binding of ca-service's {@code fujie.*} settings; mapped onto immutable objects where they are used.
 * Settings every service shares ({@code fujie.max-request-bytes}, {@code fujie.security.role-cache-ttl}) are
 * read by service-support.
 */
@ConfigurationProperties("fujie")
public class FujieProperties {

    /** Where keys, H2 files, bootstrap material and logs live. */
    private Path dataDir = Path.of("data");
    /** Base URL of the public plain-HTTP PKI endpoints, written into AIA and CRL distribution points. */
    private String publicBaseUrl = "http://127.0.0.1:8080";
    private final Ca ca = new Ca();
    private final Bootstrap bootstrap = new Bootstrap();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public Ca getCa() {
        return ca;
    }

    public Bootstrap getBootstrap() {
        return bootstrap;
    }


    public static class Ca {
        /** The CA used when a request names none. */
        private String defaultCa = "issuing";
        /** Largest CSR accepted, in characters of PEM. */
        private int maxCsrLength = 16_384;
        /** notBefore is set this far in the past to absorb clock skew of relying parties. */
        private Duration backdate = Duration.ofMinutes(5);
        private Map<String, ProfileProperties> profiles = new LinkedHashMap<>();

        public String getDefaultCa() {
            return defaultCa;
        }

        public void setDefaultCa(String defaultCa) {
            this.defaultCa = defaultCa;
        }

        public int getMaxCsrLength() {
            return maxCsrLength;
        }

        public void setMaxCsrLength(int maxCsrLength) {
            this.maxCsrLength = maxCsrLength;
        }

        public Duration getBackdate() {
            return backdate;
        }

        public void setBackdate(Duration backdate) {
            this.backdate = backdate;
        }

        public Map<String, ProfileProperties> getProfiles() {
            return profiles;
        }

        public void setProfiles(Map<String, ProfileProperties> profiles) {
            this.profiles = profiles;
        }
    }

    public static class Bootstrap {
        private boolean enabled = true;
        private String rootSubject = "CN=Fujie Root CA,O=Fujie";
        private String rootAlgorithm = "EC-P384";
        private String issuingSubject = "CN=Fujie Issuing CA,O=Fujie";
        private String issuingAlgorithm = "EC-P256";
        private String adminSubject = "CN=Fujie Administrator,O=Fujie";
        /** Host names and addresses in the services' TLS certificates, beside localhost and 127.0.0.1. */
        private List<String> tlsNames = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getRootSubject() {
            return rootSubject;
        }

        public void setRootSubject(String rootSubject) {
            this.rootSubject = rootSubject;
        }

        public String getRootAlgorithm() {
            return rootAlgorithm;
        }

        public void setRootAlgorithm(String rootAlgorithm) {
            this.rootAlgorithm = rootAlgorithm;
        }

        public String getIssuingSubject() {
            return issuingSubject;
        }

        public void setIssuingSubject(String issuingSubject) {
            this.issuingSubject = issuingSubject;
        }

        public String getIssuingAlgorithm() {
            return issuingAlgorithm;
        }

        public void setIssuingAlgorithm(String issuingAlgorithm) {
            this.issuingAlgorithm = issuingAlgorithm;
        }

        public String getAdminSubject() {
            return adminSubject;
        }

        public void setAdminSubject(String adminSubject) {
            this.adminSubject = adminSubject;
        }

        public List<String> getTlsNames() {
            return tlsNames;
        }

        public void setTlsNames(List<String> tlsNames) {
            this.tlsNames = tlsNames;
        }
    }
}
