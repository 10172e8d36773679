package org.fujie.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the services are and who the caller is, each from the first that is set: a flag, an environment variable, the
 * local stack of {@code ./fujie start} ({@code <data>/bootstrap/}, the CONTRACT ports on 127.0.0.1, the same port
 * variables the script reads).
 */
public final class ConnectionSettings {

    private final GlobalOptions options;
    private final Map<String, String> env;

    public ConnectionSettings(GlobalOptions options, Map<String, String> env) {
        this.options = options;
        this.env = env;
    }

    public Path dataDir() {
        if (options.data != null) {
            return options.data;
        }
        String fromEnv = firstSet(env.get("FUJIE_DATA"), env.get("FUJIE_DATA_DIR"));
        return Path.of(fromEnv == null ? "data" : fromEnv);
    }

    public String caUrl() {
        return url(options.caUrl, "FUJIE_CA_URL", "https://127.0.0.1:" + port("CA_SERVICE_PORT", 8443));
    }

    public String sealUrl() {
        return url(options.sealUrl, "FUJIE_SEAL_URL", "https://127.0.0.1:" + port("SEAL_SERVICE_PORT", 8444));
    }

    public String trustUrl() {
        return url(options.trustUrl, "FUJIE_TRUST_URL", "https://127.0.0.1:" + port("TRUST_SERVICE_PORT", 8445));
    }

    public String tsaUrl() {
        return url(options.tsaUrl, "FUJIE_TSA_URL", "http://127.0.0.1:8082/tsa");
    }

    public Path trustChain() {
        return options.trustChain != null ? options.trustChain : dataDir().resolve("bootstrap/trust-chain.pem");
    }

    /** Null when the caller uses a token and gave no certificate. */
    public String token() {
        return firstSet(options.token, env.get("FUJIE_TOKEN"));
    }

    /** The PKCS#12 given by flag or environment; null: none given (the bootstrap ADMIN's, unless a token is used). */
    public Path givenCertificate() {
        if (options.cert != null) {
            return options.cert;
        }
        String fromEnv = env.get("FUJIE_CERT");
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }

    public Path defaultCertificate() {
        return dataDir().resolve("bootstrap/admin.p12");
    }

    /**
     * The password of the certificate: --password, --password-file, $FUJIE_CERT_PASSWORD, else (for the bootstrap
     * certificate only) admin.pass.
     */
    public char[] password(Path certificate, boolean isDefault) {
        if (options.password != null) {
            return options.password.toCharArray();
        }
        if (options.passwordFile != null) {
            return firstLine(options.passwordFile, "password");
        }
        String fromEnv = env.get("FUJIE_CERT_PASSWORD");
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        if (isDefault) {
            Path pass = certificate.resolveSibling("admin.pass");
            if (!Files.exists(pass)) {
                throw new CliException(ExitCode.NO_INPUT, "no " + pass + " beside " + certificate.getFileName()
                        + ": run ./fujie start first, or give --password");
            }
            return firstLine(pass, "password");
        }
        throw new CliException(ExitCode.USAGE, "no password for " + certificate.getFileName()
                + ": give --password, --password-file or FUJIE_CERT_PASSWORD");
    }

    static char[] firstLine(Path file, String what) {
        String text = new String(LocalFiles.read(file, what), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip().toCharArray();
    }

    private String url(String flag, String variable, String fallback) {
        String chosen = firstSet(flag, env.get(variable));
        return chosen == null ? fallback : chosen;
    }

    private int port(String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, variable + " is not a port number: " + value + ": set it to e.g. " + fallback);
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
