package org.fujie.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.fujie.client.sdk.ca.CaClient;
import org.fujie.client.sdk.ca.Certificate;
import org.fujie.client.sdk.ca.CertificatePage;
import org.fujie.client.sdk.ca.CertificateQuery;
import org.fujie.client.sdk.ca.GeneratedKey;
import org.fujie.client.sdk.ca.IssueRequest;
import org.fujie.client.sdk.ca.RevocationReason;
import org.fujie.client.sdk.seal.NewSeal;
import org.fujie.client.sdk.seal.SealClient;
import org.fujie.client.sdk.seal.StampOptions;
import org.fujie.client.sdk.trust.Token;
import org.fujie.client.sdk.trust.TrustClient;
import org.fujie.client.sdk.trust.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of the module's README.md is the code between the markers below, byte for byte once indented: one test
 * checks that, the other runs it against real services. A change to the SDK that breaks the example breaks the build.
 */
@ExtendWith(SdkServices.Resolver.class)
class ReadmeExampleSdkTests {

    private static final Path README = Path.of("README.md");
    private static final Path THIS_SOURCE = Path.of("src/test/java/org/fujie/client/sdk/ReadmeExampleSdkTests.java");
    private static final String BEGIN = "// README example begin";
    private static final String END = "// README example end";

    @Test
    void readmeExampleIsTheCodeThisTestRuns() throws IOException {
        assertThat(javaBlock(Files.readAllLines(README))).isEqualTo(marked(Files.readAllLines(THIS_SOURCE)));
    }

    @Test
    void readmeExampleRunsAgainstRealServices(SdkServices services, @TempDir Path keys) throws Exception {
        String caUrl = services.caUrl();
        String sealUrl = services.sealUrl();
        String trustUrl = services.trustUrl();
        String tsaUrl = services.tsaUrl();
        Path bootstrap = services.dataDir().resolve("bootstrap");
        char[] adminPassword = services.adminPassword();
        String csrPem = TestKeys.csr(TestKeys.ecP256(), "CN=Readme Client,O=Example");
        String p12Password = "change-me-now";
        // The user logs in (its roles granted in trust-service travel in its token) and keeps a seal made with four eyes.
        TestUser smartCard = services.user("CN=Readme Keeper,O=Example", "user-auth", trustUrl, "SEAL_KEEPER");
        String userCertificatePem = smartCard.certificatePem();
        String sealId = approvedSeal(services, smartCard.subject());
        byte[] pdf = TestPdf.page("Readme contract");
        TimeStampRequest timeStampRequest = timeStampRequest();
        byte[] timeStampRequestDer = timeStampRequest.getEncoded();
        awaitTimeStampAuthority(new TrustClient(services.admin().at(trustUrl)).withTsa(tsaUrl), timeStampRequestDer);

        // README example begin
        FujieConnection admin = FujieConnection.builder(caUrl)
                .trustChain(bootstrap.resolve("trust-chain.pem"))              // Fujie's root and issuing CA
                .pkcs12(bootstrap.resolve("admin.p12"), adminPassword)         // mutual TLS; or .bearerToken(token)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(30))
                .retries(RetryPolicy.defaults())                               // idempotent calls only
                .userAgent("payroll-batch/2.1")
                .build();

        CaClient ca = new CaClient(admin);
        Certificate issued = ca.issue(IssueRequest.fromCsr("tls-client", csrPem).withValidityDays(365));
        GeneratedKey key = ca.generate(IssueRequest.withGeneratedKey("user-auth", "CN=Li Wei,O=Example", "EC-P256", p12Password));
        Files.write(keys.resolve("li-wei.p12"), key.pkcs12());
        CertificatePage valid = ca.search(CertificateQuery.all().withProfile("tls-client").withStatus("VALID").page(0, 50));
        ca.revoke(issued.serialNumber(), RevocationReason.KEY_COMPROMISE);

        TrustClient trust = new TrustClient(admin.at(trustUrl)).withTsa(tsaUrl);
        Token token = trust.login(userCertificatePem, nonce -> smartCard.sign(nonce));   // SHA256withECDSA etc.
        byte[] timeStampResponse = trust.timeStamp(timeStampRequestDer);                // RFC 3161 DER in and out

        // The user stamps with the seal it keeps, logged in with its token (sent over HTTPS only).
        FujieConnection user = FujieConnection.builder(sealUrl).trustChain(bootstrap.resolve("trust-chain.pem"))
                .bearerToken(token.accessToken()).build();
        byte[] stamped = new SealClient(user).stampPdf(sealId, pdf, StampOptions.at(1, 400, 100, 120).withLevel("B-LT"));
        VerificationReport report = trust.verify(stamped, "contract.pdf");

        try {
            ca.certificate("00ff");
        } catch (NotFoundException e) {
            e.slug();            // "not-found": the stable part of urn:fujie:problem:<slug>
        } catch (FujieTransportException e) {
            // no answer: connection refused, timeout, TLS handshake failed (wrong trust chain?)
        }
        // README example end

        assertThat(ca.certificate(issued.serialNumber()).status()).isEqualTo("REVOKED");
        assertThat(Files.size(keys.resolve("li-wei.p12"))).isPositive();
        assertThat(valid.total()).isPositive();
        assertThat(token.subject()).isEqualTo(smartCard.subject());
        TimeStampResponse response = new TimeStampResponse(timeStampResponse);
        response.validate(timeStampRequest);
        assertThat(report.indication()).as(report.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(report.signatures()).singleElement().satisfies(s -> assertThat(s.level()).isEqualTo("B-LT"));
    }

    /** The lines of the README's one java block. */
    static List<String> javaBlock(List<String> readme) {
        int start = readme.indexOf("```java");
        assertThat(start).as("README.md has a ```java block").isNotNegative();
        int end = readme.subList(start + 1, readme.size()).indexOf("```") + start + 1;
        return readme.subList(start + 1, end);
    }

    /** The lines between the markers, without the method body's indentation. */
    static List<String> marked(List<String> source) {
        int begin = -1;
        int end = -1;
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(BEGIN)) {
                begin = i;
            } else if (source.get(i).strip().equals(END)) {
                end = i;
            }
        }
        String indent = source.get(begin).substring(0, source.get(begin).indexOf(BEGIN));
        List<String> lines = new ArrayList<>();
        for (String line : source.subList(begin + 1, end)) {
            lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
        }
        return lines;
    }

    private static String approvedSeal(SdkServices services, String keeper) {
        String seal = services.sealUrl();
        SealClient maker = new SealClient(services.user("CN=Readme Maker,O=Example", "tls-client", seal, "SEAL_ADMIN").connection(seal));
        SealClient approver = new SealClient(services.user("CN=Readme Approver,O=Example", "tls-client", seal, "SEAL_ADMIN")
                .connection(seal));
        String id = maker.create(new NewSeal("Readme合同专用章", "Example", "CONTRACT", "EC-P256", null, List.of(keeper))).id();
        approver.approve(id);
        return id;
    }

    private static TimeStampRequest timeStampRequest() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest("readme".getBytes(StandardCharsets.UTF_8));
        return generator.generate(NISTObjectIdentifiers.id_sha256, digest, BigInteger.valueOf(7));
    }

    /** trust-service's TSA fetches its certificate from ca-service in the background after start. */
    private static void awaitTimeStampAuthority(TrustClient trust, byte[] request) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (new TimeStampResponse(trust.timeStamp(request)).getTimeStampToken() != null) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("trust-service's TSA got no certificate within 20 s");
    }
}
