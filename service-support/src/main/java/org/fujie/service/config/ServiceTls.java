package org.fujie.service.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.PropertyResolver;

/**
 * Where a service's TLS material lives under the data folder ({@code tls/<service>.p12} with its
 * password file, and {@code tls/trust.p12}: Fujie's CAs, whose client certificates are accepted), and
 * the Spring Boot settings that serve it: an SSL bundle that reloads when the key store file is replaced
 * (the TLS certificate renewer writes a new one before the old expires), TLS 1.3 and 1.2 only, and for
 * 1.2 only ECDHE key exchange with AEAD ciphers. ca-service's bootstrap makes the files.
 */
public final class ServiceTls {

    /** The SSL bundle the HTTPS connector uses ({@code server.ssl.bundle}). */
    public static final String BUNDLE = "fujie-server";
    /** {@code fujie.tls.protocols}: the TLS versions the HTTPS connector accepts. */
    public static final String DEFAULT_PROTOCOLS = "TLSv1.3,TLSv1.2";
    /**
     * {@code fujie.tls.ciphers}: TLS 1.3's AEAD suites, then TLS 1.2's ECDHE with AES-GCM or ChaCha20-Poly1305
     * (forward secrecy and AEAD: no CBC, no RSA key exchange, no SHA-1 MAC), ECDSA and RSA server keys alike.
     */
    public static final String DEFAULT_CIPHERS = String.join(",",
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final String BUNDLE_PREFIX = "spring.ssl.bundle.jks." + BUNDLE + ".";

    private ServiceTls() {
    }

    public static Path keyStore(Path dataDir, String service) {
        return dataDir.resolve("tls").resolve(service + ".p12");
    }

    public static Path keyStorePassword(Path dataDir, String service) {
        return dataDir.resolve("tls").resolve(service + ".pass");
    }

    public static Path trustStore(Path dataDir) {
        return dataDir.resolve("tls").resolve("trust.p12");
    }

    public static Path trustStorePassword(Path dataDir) {
        return dataDir.resolve("tls").resolve("trust.pass");
    }

    /** The renewer's lock: one instance at a time replaces the key store of a data folder. */
    public static Path renewalLock(Path dataDir, String service) {
        return dataDir.resolve("tls").resolve(service + ".renew.lock");
    }

    public static boolean exists(Path dataDir, String service) {
        return Files.exists(keyStore(dataDir, service)) && Files.exists(trustStore(dataDir));
    }

    /** Whether the operator configured the server's TLS key: then these defaults stay out of the way. */
    public static boolean configuredExplicitly(PropertyResolver environment) {
        return environment.getProperty("server.ssl.bundle") != null || environment.getProperty("server.ssl.key-store") != null
                || environment.getProperty("server.ssl.certificate") != null;
    }

    /** Whether the HTTPS connector serves the data folder's key store through the reloading bundle (what the renewer replaces). */
    public static boolean servesDataFolderKeyStore(PropertyResolver environment) {
        return BUNDLE.equals(environment.getProperty("server.ssl.bundle"));
    }

    /**
     * TLS with the service's key through the reloading bundle; client certificates wanted (not required: health needs
     * none) and checked against Fujie's CAs; protocols and ciphers from {@code fujie.tls.protocols} and
     * {@code fujie.tls.ciphers}.
     */
    public static Map<String, Object> serverProperties(Path dataDir, String service, PropertyResolver environment) {
        Map<String, Object> ssl = new LinkedHashMap<>();
        ssl.put("server.ssl.enabled", "true");
        ssl.put("server.ssl.bundle", BUNDLE);
        ssl.put("server.ssl.client-auth", "want");
        ssl.put(BUNDLE_PREFIX + "reload-on-update", "true");
        ssl.put(BUNDLE_PREFIX + "key.alias", service);
        ssl.put(BUNDLE_PREFIX + "keystore.location", "file:" + keyStore(dataDir, service));
        ssl.put(BUNDLE_PREFIX + "keystore.type", "PKCS12");
        ssl.put(BUNDLE_PREFIX + "keystore.password", new String(KeyPassphrase.secretFile(keyStorePassword(dataDir, service))));
        ssl.put(BUNDLE_PREFIX + "truststore.location", "file:" + trustStore(dataDir));
        ssl.put(BUNDLE_PREFIX + "truststore.type", "PKCS12");
        ssl.put(BUNDLE_PREFIX + "truststore.password", new String(KeyPassphrase.secretFile(trustStorePassword(dataDir))));
        ssl.put(BUNDLE_PREFIX + "options.enabled-protocols", environment.getProperty("fujie.tls.protocols", DEFAULT_PROTOCOLS));
        ssl.put(BUNDLE_PREFIX + "options.ciphers", environment.getProperty("fujie.tls.ciphers", DEFAULT_CIPHERS));
        return ssl;
    }
}
