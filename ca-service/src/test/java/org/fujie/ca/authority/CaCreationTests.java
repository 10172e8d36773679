package org.fujie.ca.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** CA hierarchies made through the API, for each algorithm, judged by openssl. */
class CaCreationTests extends EmbeddedCaServiceTest {


    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSA-2048", "RSA-3072", "EC-P256", "EC-P384", "Ed25519"})
    void createWhenRootAndSubordinateThenLeafChainVerifiesWithOpenssl(String algorithm, @TempDir Path dir) {
        String suffix = algorithm.toLowerCase().replace("-", "");
        JsonNode root = created(Map.of("id", "root-" + suffix, "subject", "CN=Dept Root " + algorithm + ",O=Ministry",
                "algorithm", algorithm, "pathLength", 1));
        JsonNode sub = created(Map.of("id", "sub-" + suffix, "subject", "CN=Dept Issuing " + algorithm + ",O=Ministry",
                "algorithm", algorithm, "parentId", "root-" + suffix, "pathLength", 0));
        assertThat(sub.get("parentId").asString()).isEqualTo("root-" + suffix);
        assertThat(sub.get("algorithm").asString()).isEqualTo(algorithm);

        new OpenSsl(dir).run("req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", "k.pem",
                "-subj", "/CN=leaf." + suffix + ".example", "-addext", "subjectAltName=DNS:leaf." + suffix + ".example", "-out", "r.csr");
        FujieTestClient.Response leaf = ca.admin().post("/api/v1/certificates",
                Map.of("profile", "tls-server", "caId", "sub-" + suffix, "csr", new OpenSsl(dir).read("r.csr")));
        assertThat(leaf.status()).as(leaf.body()).isEqualTo(201);

        new OpenSsl(dir).write("root.pem", root.get("certificatePem").asString());
        new OpenSsl(dir).write("sub.pem", sub.get("certificatePem").asString());
        new OpenSsl(dir).write("leaf.pem", leaf.json().get("certificatePem").asString());
        new OpenSsl(dir).write("chain.pem", leaf.json().get("chainPem").asString());
        assertThat(new OpenSsl(dir).run("verify", "-CAfile", "root.pem", "-untrusted", "sub.pem", "leaf.pem")).contains("leaf.pem: OK");
        assertThat(new OpenSsl(dir).run("verify", "-CAfile", "root.pem", "-untrusted", "chain.pem", "leaf.pem")).contains("leaf.pem: OK");
        // A leaf is not accepted under the bootstrap hierarchy: the chain really is the new one.
        assertThat(new OpenSsl(dir).execute("verify", "-CAfile", ca.trustChain().toString(), "leaf.pem").exitCode()).isNotZero();
        String subText = new OpenSsl(dir).run("x509", "-in", "sub.pem", "-noout", "-text");
        assertThat(subText).contains("CA:TRUE, pathlen:0", "Certificate Sign, CRL Sign",
                "CA Issuers - URI:http://127.0.0.1:8080/pki/ca/root-" + suffix + ".crt");
    }

    @Test
    void createWhenIdTakenOrInvalidThenProblem() {
        assertProblem(Map.of("id", "issuing", "subject", "CN=Again", "algorithm", "EC-P256"), 409, "ca-exists");
        assertProblem(Map.of("id", "Bad Id!", "subject", "CN=x", "algorithm", "EC-P256"), 400, "ca-invalid");
        assertProblem(Map.of("id", "weak", "subject", "CN=x", "algorithm", "RSA-1024"), 400, "ca-invalid");
        assertProblem(Map.of("id", "orphan", "subject", "CN=x", "algorithm", "EC-P256", "parentId", "missing"), 400, "ca-unknown");
        // The bootstrap issuing CA has pathlen 0: it may not have subordinates.
        assertProblem(Map.of("id", "too-deep", "subject", "CN=x", "algorithm", "EC-P256", "parentId", "issuing"), 400, "ca-invalid");
    }

    private JsonNode created(Map<String, Object> request) {
        FujieTestClient.Response response = ca.admin().post("/api/v1/cas", new HashMap<>(request));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private void assertProblem(Map<String, Object> request, int status, String type) {
        FujieTestClient.Response response = ca.admin().post("/api/v1/cas", new HashMap<>(request));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:" + type);
    }
}
