package org.fujie.ca.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.PublicHttp;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.Sm2Check;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * An SM2 hierarchy end to end, judged by OpenSSL 3 with the GM/T 0009 default user ID (shared/FACTS.md: OpenSSL uses
 * none unless told, so each check also proves the ID is in the signature): roots and issuing CAs made through the API,
 * a leaf from an OpenSSL SM2 CSR, a server-generated SM2 key in PKCS#12, a revocation on the SM2 CA's CRL, and the SM2
 * CA's OCSP answers. OpenSSL 3.0 takes no SM2 ID for CRL and OCSP signatures, so those are judged by Bouncy Castle's
 * low-level SM2Signer (Sm2Check) while OpenSSL reads their content.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Sm2HierarchyTests extends EmbeddedCaServiceTest {

    private static final String DISTID = "distid:1234567812345678";

    @TempDir
    static Path dir;
    private OpenSsl openssl;

    @BeforeAll
    void hierarchy() {
        openssl = new OpenSsl(dir);
        JsonNode root = created(Map.of("id", "sm2-root", "subject", "CN=国家部委 SM2 根 CA,O=示例部,C=CN", "algorithm", "SM2",
                "pathLength", 1));
        JsonNode sub = created(Map.of("id", "sm2-issuing", "subject", "CN=SM2 签发 CA,O=示例部,C=CN", "algorithm", "SM2",
                "parentId", "sm2-root", "pathLength", 0));
        assertThat(sub.get("algorithm").asString()).isEqualTo("SM2");
        openssl.write("root.pem", root.get("certificatePem").asString());
        openssl.write("sub.pem", sub.get("certificatePem").asString());
    }

    @Test
    void createThenTheCasAreSm3WithSm2AndVerifyWithTheDefaultId() {
        String text = openssl.run("x509", "-in", "sub.pem", "-noout", "-text");
        assertThat(text).contains("Signature Algorithm: SM2-with-SM3", "ASN1 OID: SM2", "CA:TRUE, pathlen:0");
        assertThat(openssl.run("verify", "-vfyopt", DISTID, "-CAfile", "root.pem", "sub.pem")).contains("sub.pem: OK");
        assertThat(openssl.execute("verify", "-CAfile", "root.pem", "sub.pem").exitCode()).isNotZero();
    }

    @Test
    void issueWhenOpensslSm2CsrThenOpensslVerifiesTheLeaf() {
        openssl.run("genpkey", "-algorithm", "SM2", "-out", "csr-key.pem");
        openssl.run("req", "-new", "-key", "csr-key.pem", "-sm3", "-sigopt", DISTID, "-subj", "/CN=sm2.example.gov/O=示例部",
                "-utf8", "-addext", "subjectAltName=DNS:sm2.example.gov", "-out", "r.csr");

        FujieTestClient.Response leaf = ca.admin().post("/api/v1/certificates",
                Map.of("profile", "tls-server", "caId", "sm2-issuing", "csr", openssl.read("r.csr")));

        assertThat(leaf.status()).as(leaf.body()).isEqualTo(201);
        openssl.write("leaf.pem", leaf.json().get("certificatePem").asString());
        assertChainVerifies("leaf.pem");
        assertThat(openssl.run("x509", "-in", "leaf.pem", "-noout", "-text")).contains("Signature Algorithm: SM2-with-SM3",
                "DNS:sm2.example.gov");
    }

    @Test
    void issueWhenCsrSignedWithoutTheIdThenRefused() {
        // OpenSSL 3.0 signs with no ID unless told: the proof of possession does not verify under the deployment's ID.
        openssl.run("genpkey", "-algorithm", "SM2", "-out", "noid-key.pem");
        openssl.run("req", "-new", "-key", "noid-key.pem", "-sm3", "-subj", "/CN=no-id.example.gov", "-addext",
                "subjectAltName=DNS:no-id.example.gov", "-out", "noid.csr");

        FujieTestClient.Response refused = ca.admin().post("/api/v1/certificates",
                Map.of("profile", "tls-server", "caId", "sm2-issuing", "csr", openssl.read("noid.csr")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("signature");
    }

    @Test
    void issueWhenServerSideSm2KeyThenPkcs12OpensAndTheKeyMatches() throws Exception {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "document-signing",
                "caId", "sm2-issuing", "subject", "CN=公文签名,O=示例部",
                "keyGeneration", Map.of("algorithm", "SM2", "password", "sm2 keys")));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Files.write(dir.resolve("sm2.p12"), Base64.getDecoder().decode(issued.json().get("pkcs12").asString()));
        openssl.write("doc.pem", issued.json().get("certificatePem").asString());
        openssl.run("pkcs12", "-in", "sm2.p12", "-passin", "pass:sm2 keys", "-nocerts", "-nodes", "-out", "doc-key.pem");
        assertThat(openssl.run("pkey", "-in", "doc-key.pem", "-text", "-noout")).contains("ASN1 OID: SM2");
        assertThat(openssl.run("pkey", "-in", "doc-key.pem", "-pubout").strip())
                .isEqualTo(openssl.run("x509", "-in", "doc.pem", "-noout", "-pubkey").strip());
        assertChainVerifies("doc.pem");
    }

    @Test
    void issueWhenSealWithCreditCodeThenTheGmt0015ExtensionCarriesIt() throws Exception {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "seal",
                "caId", "sm2-issuing", "subject", "CN=合同专用章,OU=合同章,O=示例部,C=CN",
                "identity", Map.of("unified-social-credit-code", "91350100M000100Y43"),
                "keyGeneration", Map.of("algorithm", "SM2", "password", "seal keys")));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        openssl.write("seal.pem", issued.json().get("certificatePem").asString());
        assertThat(openssl.run("x509", "-in", "seal.pem", "-noout", "-text")).contains("1.2.156.10260.4.1.4:", "91350100M000100Y43");
        X509CertificateHolder seal = new X509CertificateHolder(Pem.decode(openssl.read("seal.pem"), "CERTIFICATE"));
        Extension code = seal.getExtension(new ASN1ObjectIdentifier("1.2.156.10260.4.1.4"));
        assertThat(code.isCritical()).isFalse();
        assertThat(DERPrintableString.getInstance(code.getParsedValue()).getString()).isEqualTo("91350100M000100Y43");
        assertChainVerifies("seal.pem");
    }

    @Test
    void issueWhenIdentityWrongOrNotAllowedThenIdentityInvalid() {
        Map<String, Object> base = Map.of("profile", "seal", "caId", "sm2-issuing", "subject", "CN=错误章,O=示例部",
                "keyGeneration", Map.of("algorithm", "SM2", "password", "seal keys"));
        for (Map<String, String> identity : List.of(Map.of("unified-social-credit-code", "91350100M000100Y44"),
                Map.of("unified-social-credit-code", "9135"), Map.of("shoe-size", "42"))) {
            Map<String, Object> request = new java.util.HashMap<>(base);
            request.put("identity", identity);
            FujieTestClient.Response refused = ca.admin().post("/api/v1/certificates", request);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:fujie:problem:identity-invalid");
        }
        FujieTestClient.Response tls = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client",
                "caId", "sm2-issuing", "subject", "CN=tls", "identity", Map.of("unified-social-credit-code", "91350100M000100Y43"),
                "keyGeneration", Map.of("algorithm", "SM2", "password", "tls keys ok")));
        assertThat(tls.status()).isEqualTo(400);
        assertThat(tls.body()).contains("does not allow unified-social-credit-code");
    }

    @Test
    void revokeThenTheSm2CrlListsItSignedWithSm2() throws Exception {
        String serial = issueTo("revoked.pem", "CN=SM2 Revoked");
        FujieTestClient.Response revoked = ca.admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(ca.admin().post("/api/v1/cas/sm2-issuing/crl", Map.of()).status()).isEqualTo(200);

        byte[] der = PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/sm2-issuing.crl").body();
        openssl.write("sub-crl.der", der);
        assertThat(openssl.run("crl", "-inform", "DER", "-in", "sub-crl.der", "-noout", "-text"))
                .contains("Signature Algorithm: SM2-with-SM3", "Serial Number: " + serial.toUpperCase(), "Key Compromise");
        // OpenSSL 3.0 checks CRL signatures with no SM2 ID ("CRL signature failure"): Bouncy Castle's low-level signer judges
        CertificateList crl = CertificateList.getInstance(der);
        assertThat(Sm2Check.verifies(crl.getTBSCertList(), crl.getSignature().getOctets(), spki("sub.pem"))).isTrue();
        assertThat(Sm2Check.verifies(crl.getTBSCertList(), crl.getSignature().getOctets(), spki("root.pem"))).isFalse();
    }

    @Test
    void ocspThenTheSm2CaAnswersGoodAndRevokedSignedWithSm2() throws Exception {
        issueTo("ocsp-good.pem", "CN=SM2 OCSP Good");
        String serial = issueTo("ocsp-revoked.pem", "CN=SM2 OCSP Revoked");
        ca.admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "superseded"));

        String good = ocsp("good.der", "-issuer", "sub.pem", "-cert", "ocsp-good.pem");
        String revoked = ocsp("revoked.der", "-issuer", "sub.pem", "-cert", "ocsp-revoked.pem");

        assertThat(good).contains("Signature Algorithm: SM2-with-SM3", "ocsp-good.pem: good");
        assertThat(revoked).contains("ocsp-revoked.pem: revoked", "Reason: superseded");
        for (String response : new String[] {"good.der", "revoked.der"}) {
            // OpenSSL 3.0 checks OCSP signatures with no SM2 ID: the responder's certificate and the response by SM2Signer
            BasicOCSPResponse basic = BasicOCSPResponse.getInstance(
                    OCSPResponse.getInstance(openssl.readBytes(response)).getResponseBytes().getResponse().getOctets());
            Certificate responder = basic.getCerts().size() > 0 ? Certificate.getInstance(basic.getCerts().getObjectAt(0)) : null;
            SubjectPublicKeyInfo responderKey = responder == null ? spki("sub.pem") : responder.getSubjectPublicKeyInfo();
            if (responder != null) {
                assertThat(Sm2Check.verifies(responder.getTBSCertificate(), responder.getSignature().getOctets(), spki("sub.pem")))
                        .isTrue();
            }
            assertThat(Sm2Check.verifies(basic.getTbsResponseData(), basic.getSignature().getOctets(), responderKey)).isTrue();
        }
    }

    /** OpenSSL 3.0 applies -vfyopt to the target certificate only, so an SM2 chain is judged link by link. */
    private void assertChainVerifies(String leaf) {
        assertThat(openssl.run("verify", "-vfyopt", DISTID, "-CAfile", "root.pem", "sub.pem")).contains("sub.pem: OK");
        assertThat(openssl.run("verify", "-vfyopt", DISTID, "-partial_chain", "-CAfile", "sub.pem", leaf)).contains(leaf + ": OK");
        assertThat(openssl.execute("verify", "-partial_chain", "-CAfile", "sub.pem", leaf).exitCode()).isNotZero();
    }

    private SubjectPublicKeyInfo spki(String pemFile) throws Exception {
        return new X509CertificateHolder(Pem.decode(openssl.read(pemFile), "CERTIFICATE")).getSubjectPublicKeyInfo();
    }

    /** openssl ocsp without its signature check (it has no SM2 ID option); the response is kept for Sm2Check. */
    private String ocsp(String responseFile, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ocsp"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-url", ca.publicBaseUrl() + "/pki/ocsp", "-noverify", "-resp_text",
                "-respout", dir.resolve(responseFile).toString()));
        OpenSsl.Result result = openssl.execute(command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        return result.stdout() + result.stderr();
    }

    private String issueTo(String file, String subject) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client",
                "caId", "sm2-issuing", "subject", subject, "keyGeneration", Map.of("algorithm", "SM2", "password", "sm2 tests")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        openssl.write(file, issued.json().get("certificatePem").asString());
        return issued.json().get("serialNumber").asString();
    }

    private JsonNode created(Map<String, Object> request) {
        FujieTestClient.Response response = ca.admin().post("/api/v1/cas", request);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
