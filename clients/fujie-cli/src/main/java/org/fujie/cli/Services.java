package org.fujie.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fujie.client.sdk.FujieConnection;
import org.fujie.client.sdk.admin.AuditClient;
import org.fujie.client.sdk.admin.PrincipalClient;
import org.fujie.client.sdk.ca.CaClient;
import org.fujie.client.sdk.seal.SealClient;
import org.fujie.client.sdk.trust.TrustClient;

/**
 * The SDK clients of one command run, made on first use, so a command that needs no service (completion, help) needs
 * no certificate either. One credential serves every service.
 */
public final class Services {

    /** The services by the names ./fujie and the error messages use. */
    public static final String CA = "ca-service";
    public static final String SEAL = "seal-service";
    public static final String TRUST = "trust-service";

    private final ConnectionSettings settings;
    private FujieConnection base;
    private Credential credential;

    public Services(ConnectionSettings settings) {
        this.settings = settings;
    }

    public CaClient ca() {
        return new CaClient(connection(CA));
    }

    public SealClient seal() {
        return new SealClient(connection(SEAL));
    }

    public TrustClient trust() {
        return new TrustClient(connection(TRUST));
    }

    public PrincipalClient principals(String service) {
        return new PrincipalClient(connection(service));
    }

    public AuditClient audit(String service) {
        return new AuditClient(connection(service));
    }

    /** trust-service without a client credential: the log-in endpoints need none. */
    public TrustClient trustAnonymous() {
        return new TrustClient(builder(settings.trustUrl()).build());
    }

    /** The TSA over plain HTTP: no TLS, no credential. */
    public TrustClient tsa() {
        return new TrustClient(FujieConnection.builder(settings.tsaUrl()).userAgent("fujie-cli").build()).withTsa(settings.tsaUrl());
    }

    /** The caller's PKCS#12 (the bootstrap ADMIN's unless --cert or FUJIE_CERT); for login's signature. */
    public Credential credential() {
        if (credential == null) {
            Path given = settings.givenCertificate();
            Path file = given != null ? given : settings.defaultCertificate();
            if (given == null && !Files.exists(file)) {
                throw new CliException(ExitCode.NO_INPUT, "no client certificate: " + file + " does not exist: run ./fujie start "
                        + "first, or give --cert F.p12 (or FUJIE_CERT) or --token");
            }
            credential = Credential.open(file, settings.password(file, given == null),
                    given == null ? "--password or " + file.resolveSibling("admin.pass") : "--password or FUJIE_CERT_PASSWORD");
        }
        return credential;
    }

    public String url(String service) {
        return switch (service) {
            case CA -> settings.caUrl();
            case SEAL -> settings.sealUrl();
            case TRUST -> settings.trustUrl();
            default -> throw new CliException(ExitCode.USAGE, "no service " + service + ": one of ca-service, seal-service, trust-service");
        };
    }

    /** Which service an address belongs to, for error messages ("cannot reach ca-service at ..."). */
    public String nameOf(URI uri) {
        Map<String, String> known = new LinkedHashMap<>();
        known.put(CA, settings.caUrl());
        known.put(SEAL, settings.sealUrl());
        known.put(TRUST, settings.trustUrl());
        known.put("the TSA", settings.tsaUrl());
        for (Map.Entry<String, String> entry : known.entrySet()) {
            URI candidate = URI.create(entry.getValue());
            if (uri.getPort() == candidate.getPort() && uri.getHost().equalsIgnoreCase(candidate.getHost())) {
                return entry.getKey();
            }
        }
        return "the service";
    }

    private FujieConnection connection(String service) {
        if (base == null) {
            FujieConnection.Builder builder = builder(url(service));
            String token = settings.token();
            // A token alone is the credential; with --cert or FUJIE_CERT as well both are sent.
            if (token == null || settings.givenCertificate() != null) {
                Credential c = credential();
                builder.pkcs12(c.pkcs12(), c.password());
            }
            if (token != null) {
                builder.bearerToken(token);
            }
            base = builder.build();
        }
        return base.at(url(service));
    }

    private FujieConnection.Builder builder(String url) {
        FujieConnection.Builder builder;
        try {
            builder = FujieConnection.builder(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "not a URL: " + url + ": give one like https://127.0.0.1:8443 (--ca-url, --seal-url, --trust-url)");
        }
        builder.userAgent("fujie-cli").connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofMinutes(5));
        if (url.startsWith("https:")) {
            Path chain = settings.trustChain();
            if (!Files.exists(chain)) {
                throw new CliException(ExitCode.NO_INPUT, "no trust chain at " + chain + ": run ./fujie start first, or give --trust-chain F.pem");
            }
            builder.trustChain(LocalFiles.read(chain, "trust chain"));
        }
        return builder;
    }
}
