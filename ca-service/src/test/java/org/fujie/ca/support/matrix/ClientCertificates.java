package org.fujie.ca.support.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.ConsoleClient;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.service.security.Role;

import tools.jackson.databind.JsonNode;

/**
 * Mutual TLS: one client certificate per role, issued once by ca-service (server-side key generation), each granted its
 * one role by fingerprint in every service that is to be walked.
 */
public final class ClientCertificates implements CredentialKind {

    private static final String PASSWORD = "role-matrix";

    private final Map<Role, JsonNode> issued;
    private final Path trustChain;

    private ClientCertificates(Map<Role, JsonNode> issued, Path trustChain) {
        this.issued = issued;
        this.trustChain = trustChain;
    }

    /** A tls-client certificate for each role, subject {@code CN=Role Matrix <ROLE>,O=Fujie Tests}. */
    public static ClientCertificates issuedBy(RunningCaService ca) {
        Map<Role, JsonNode> issued = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            FujieTestClient.Response response = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client",
                    "subject", "CN=Role Matrix " + role + ",O=Fujie Tests",
                    "keyGeneration", Map.of("algorithm", "EC-P256", "password", PASSWORD)));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            issued.put(role, response.json());
        }
        return new ClientCertificates(issued, ca.trustChain());
    }

    /** Grants each certificate its role in the service whose ADMIN client this is. */
    public ClientCertificates grantedIn(FujieTestClient serviceAdmin) {
        issued.forEach((role, certificate) -> {
            FujieTestClient.Response granted = serviceAdmin.put("/api/v1/principals",
                    Map.of("fingerprint", certificate.get("fingerprint").asString(), "roles", List.of(role.name())));
            assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        });
        return this;
    }

    /** The subject of the certificate that holds the role, as services compare it (e.g. a seal's keepers). */
    public String subject(Role role) {
        return issued.get(role).get("subject").asString();
    }

    /** The PKCS#12 file of the role's certificate, protected by {@link #password()}. */
    public byte[] pkcs12(Role role) {
        return Base64.getDecoder().decode(issued.get(role).get("pkcs12").asString());
    }

    public char[] password() {
        return PASSWORD.toCharArray();
    }

    /** A browser presenting the role's certificate to the console at the URL. */
    public ConsoleClient browser(Role role, String baseUrl) {
        return ConsoleClient.withCertificate(baseUrl, pkcs12(role), password(), trustChain);
    }

    /** A browser presenting no certificate, trusting the same chain. */
    public ConsoleClient anonymousBrowser(String baseUrl) {
        return ConsoleClient.anonymous(baseUrl, trustChain);
    }

    @Override
    public String name() {
        return "client certificate";
    }

    @Override
    public FujieTestClient as(Role role, String baseUrl) {
        return FujieTestClient.forPkcs12(baseUrl, pkcs12(role), password(), trustChain);
    }
}
