package org.fujie.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, before or after its name (picocli copies inherited options to each subcommand, bound
 * to these fields). Unset ones fall back to environment variables, then to {@code data/bootstrap/} (ConnectionSettings).
 */
public final class GlobalOptions {

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "json|table|pem",
            description = "How to print the result: table (default, for people), json (for scripts), pem (a certificate)")
    OutputFormat output = OutputFormat.TABLE;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show the stack trace of an error")
    boolean debug;

    @Option(names = "--cert", scope = ScopeType.INHERIT, paramLabel = "F.p12",
            description = "Client certificate and key (PKCS#12); default $FUJIE_CERT, else <data>/bootstrap/admin.p12")
    Path cert;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "P", arity = "1",
            description = "Password of --cert; default $FUJIE_CERT_PASSWORD, else <data>/bootstrap/admin.pass")
    String password;

    @Option(names = "--password-file", scope = ScopeType.INHERIT, paramLabel = "F",
            description = "File holding the password of --cert (first line)")
    Path passwordFile;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "T",
            description = "Bearer token from 'fujie login' (default $FUJIE_TOKEN); used instead of the default certificate")
    String token;

    @Option(names = "--trust-chain", scope = ScopeType.INHERIT, paramLabel = "F.pem",
            description = "CA chain the services' TLS certificates lead to; default <data>/bootstrap/trust-chain.pem")
    Path trustChain;

    @Option(names = "--ca-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "ca-service; default $FUJIE_CA_URL, else https://127.0.0.1:$CA_SERVICE_PORT (8443)")
    String caUrl;

    @Option(names = "--seal-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "seal-service; default $FUJIE_SEAL_URL, else https://127.0.0.1:$SEAL_SERVICE_PORT (8444)")
    String sealUrl;

    @Option(names = "--trust-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "trust-service; default $FUJIE_TRUST_URL, else https://127.0.0.1:$TRUST_SERVICE_PORT (8445)")
    String trustUrl;

    @Option(names = "--tsa-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "RFC 3161 time-stamp authority; default $FUJIE_TSA_URL, else http://127.0.0.1:8082/tsa")
    String tsaUrl;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The data folder of ./fujie start; default $FUJIE_DATA (or $FUJIE_DATA_DIR), else ./data")
    Path data;

    public OutputFormat output() {
        return output;
    }

    public boolean debug() {
        return debug;
    }
}
