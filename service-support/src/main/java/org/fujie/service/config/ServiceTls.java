package org.fujie.service.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a service's TLS material lives under the data folder ({@code tls/<service>.p12} with its
 * password file, and {@code tls/trust.p12}: Fujie's CAs, whose client certificates are accepted), and
 * the Spring Boot {@code server.ssl.*} settings that use it. ca-service's bootstrap makes the files.
 */
public final class ServiceTls {

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

    public static boolean exists(Path dataDir, String service) {
        return Files.exists(keyStore(dataDir, service)) && Files.exists(trustStore(dataDir));
    }

    /** TLS with the service's key; client certificates wanted (not required: health needs none) and checked against Fujie's CAs. */
    public static Map<String, Object> serverProperties(Path dataDir, String service) {
        Map<String, Object> ssl = new LinkedHashMap<>();
        ssl.put("server.ssl.enabled", "true");
        ssl.put("server.ssl.key-store", "file:" + keyStore(dataDir, service));
        ssl.put("server.ssl.key-store-type", "PKCS12");
        ssl.put("server.ssl.key-store-password", new String(KeyPassphrase.secretFile(keyStorePassword(dataDir, service))));
        ssl.put("server.ssl.key-alias", service);
        ssl.put("server.ssl.trust-store", "file:" + trustStore(dataDir));
        ssl.put("server.ssl.trust-store-type", "PKCS12");
        ssl.put("server.ssl.trust-store-password", new String(KeyPassphrase.secretFile(trustStorePassword(dataDir))));
        ssl.put("server.ssl.client-auth", "want");
        return ssl;
    }
}
