package org.fujie.seal.stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.Sm2Check;
import org.fujie.pki.dss.ShippedDss;
import org.fujie.pki.pades.PageRenderings;
import org.fujie.pki.pdf.Pdfsig;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.seal.SealServicesTest;
import org.fujie.seal.SealTestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * Stamping through seal-service's API beside a real ca-service (seal certificates, OCSP, CRLs) and trust-service (the
 * TSA): every level judged by DSS as it ships, by trust-service's verification and by poppler; three seals on one
 * document; the cross-page seal rendered by pdftoppm; concurrent stamps; bad input.
 */
class StampingTests extends SealServicesTest {

    @ParameterizedTest
    @ValueSource(strings = {"B-B", "B-T", "B-LT", "B-LTA"})
    void stampWhenLevelAskedThenDssTrustServiceAndPdfsigAgreeItIsValid(String level, @TempDir Path dir) throws Exception {
        String seal = services.activeSeal("合同专用章" + level.replace("-", ""));
        FujieTestClient.Bytes stamped = services.stamp(seal, TestPdfs.page("Contract " + level),
                "{\"page\":1,\"x\":400,\"y\":100,\"width\":120,\"level\":\"" + level + "\"}");
        assertThat(stamped.status()).as(new String(stamped.body())).isEqualTo(200);

        ShippedDss.Report dss = services.dss(stamped.body());
        assertThat(dss.formats()).as(dss.toString()).containsExactly("PAdES-" + level.replace("B-", "BASELINE-"));
        assertThat(dss.signatures().get(0).indication()).as(dss.toString()).isEqualTo("TOTAL_PASSED");
        JsonNode ours = services.trustServiceVerify(stamped.body());
        assertThat(ours.get("indication").asString()).as(ours.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(ours.get("signatures").get(0).get("level").asString()).isEqualTo(level);
        if (Pdfsig.installed()) {
            String pdfsig = services.pdfsig(dir).check(stamped.body());
            assertThat(pdfsig).as(pdfsig).contains("Signature is Valid.", "Certificate is Trusted.");
        }
        JsonNode usage = services.usage(seal);
        assertThat(usage.get(usage.size() - 1).get("level").asString()).isEqualTo(level);
    }

    /**
     * An SM2 seal (its certificate from ca-service's EC issuing CA) at every level, judged by trust-service; DSS and
     * pdfsig know no SM2, so the CMS signature is also recomputed by Bouncy Castle's low-level SM2Signer (Sm2Check).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"B-B", "B-T", "B-LT", "B-LTA"})
    void stampWhenSm2SealAtLevelThenTrustServicePassesItAndSm2SignerAgrees(String level) throws Exception {
        String seal = services.activeSeal("国密合同章" + level.replace("-", ""), "SM2");
        FujieTestClient.Bytes stamped = services.stamp(seal, TestPdfs.page("SM2 Contract " + level),
                "{\"page\":1,\"x\":400,\"y\":100,\"width\":120,\"level\":\"" + level + "\"}");
        assertThat(stamped.status()).as(new String(stamped.body())).isEqualTo(200);

        JsonNode ours = services.trustServiceVerify(stamped.body());
        assertThat(ours.get("indication").asString()).as(ours.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(ours.get("signatures").get(0).get("level").asString()).isEqualTo(level);
        SignerInfo signer = firstSigner(stamped.body());
        assertThat(signer.getDigestEncryptionAlgorithm().getAlgorithm()).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3);
        Certificate sealCertificate = certificateOf(signer, stamped.body());
        assertThat(Sm2Check.verifies(signer.getAuthenticatedAttributes(), signer.getEncryptedDigest().getOctets(),
                sealCertificate.getSubjectPublicKeyInfo())).isTrue();
        byte[] broken = stamped.body().clone();
        broken[TestPdfs.indexOf(broken, "SM2 Contract " + level)] = 'K';
        assertThat(services.trustServiceVerify(broken).get("subIndication").asString()).isEqualTo("HASH_FAILURE");
    }

    private static SignerInfo firstSigner(byte[] pdf) throws Exception {
        return SignerInfo.getInstance(SignedData.getInstance(ContentInfo.getInstance(cms(pdf)).getContent())
                .getSignerInfos().getObjectAt(0));
    }

    private static Certificate certificateOf(SignerInfo signer, byte[] pdf) throws Exception {
        SignedData signedData = SignedData.getInstance(ContentInfo.getInstance(cms(pdf)).getContent());
        IssuerAndSerialNumber id = IssuerAndSerialNumber.getInstance(signer.getSID().getId());
        for (int i = 0; i < signedData.getCertificates().size(); i++) {
            Certificate candidate = Certificate.getInstance(signedData.getCertificates().getObjectAt(i));
            if (candidate.getSerialNumber().equals(id.getSerialNumber())) {
                return candidate;
            }
        }
        throw new AssertionError("the signer's certificate is not in the CMS");
    }

    private static byte[] cms(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            byte[] contents = document.getSignatureDictionaries().get(0).getContents();
            return new ASN1InputStream(contents).readObject().getEncoded(); // the padding after the DER is left
        }
    }

    @Test
    void stampWhenAByteOfThePageChangesAfterwardsThenEveryJudgeCallsItBroken(@TempDir Path dir) throws Exception {
        byte[] stamped = services.stamp(services.activeSeal("篡改检测章"), TestPdfs.page("Contract 1000 yuan"),
                "{\"page\":1,\"x\":400,\"y\":100,\"level\":\"B-T\"}").body();
        stamped[TestPdfs.indexOf(stamped, "1000")] = '9';

        ShippedDss.Report dss = services.dss(stamped);
        assertThat(dss.signatures().get(0).subIndication()).as(dss.toString()).isEqualTo("HASH_FAILURE");
        JsonNode ours = services.trustServiceVerify(stamped);
        assertThat(ours.get("indication").asString()).isEqualTo("TOTAL_FAILED");
        assertThat(ours.get("signatures").get(0).get("subIndication").asString()).isEqualTo("HASH_FAILURE");
        if (Pdfsig.installed()) {
            assertThat(services.pdfsig(dir).check(stamped)).contains("Digest Mismatch.").doesNotContain("Signature is Valid.");
        }
    }

    @Test
    void stampWhenThreeSealsAtLtaThenDssAndTrustServicePassAllThree(@TempDir Path dir) throws Exception {
        byte[] pdf = TestPdfs.page("Joint approval");
        int x = 40;
        for (String name : List.of("公章", "财务专用章", "合同专用章")) {
            FujieTestClient.Bytes stamped = services.stamp(services.activeSeal(name), pdf,
                    "{\"page\":1,\"x\":" + x + ",\"y\":100,\"width\":120,\"level\":\"B-LTA\"}");
            assertThat(stamped.status()).as(new String(stamped.body())).isEqualTo(200);
            pdf = stamped.body();
            x += 170;
        }

        ShippedDss.Report dss = services.dss(pdf);
        assertThat(dss.signatures()).as(dss.toString()).hasSize(3);
        assertThat(dss.allPassedAt("PAdES-BASELINE-LTA")).as(dss.toString()).isTrue();
        JsonNode ours = services.trustServiceVerify(pdf);
        assertThat(ours.get("indication").asString()).as(ours.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(ours.get("signatures").valueStream().filter(s -> "B-LTA".equals(s.get("level").asString())).count()).isEqualTo(3);
        if (Pdfsig.installed()) {
            String pdfsig = services.pdfsig(dir).check(pdf);
            assertThat(pdfsig.split("Signature is Valid.", -1)).as(pdfsig).hasSize(4);
            // Three seals, three certificates: each trusted. (poppler 22 calls a certificate it already checked in the
            // same run an "Unknown issue", so one seal twice on a document shows that for its second signature.)
            assertThat(pdfsig.split("Certificate is Trusted.", -1)).as(pdfsig).hasSize(4);
        }
    }

    @Test
    void stampWhenCrossPageThenEveryPageShowsASliceAndOneSignatureCoversThem(@TempDir Path dir) throws Exception {
        String seal = services.activeSeal("骑缝章");
        FujieTestClient.Bytes stamped = services.stamp(seal, TestPdfs.pages(3, "Contract 3 pages"),
                "{\"crossPage\":true,\"y\":300,\"width\":120,\"level\":\"B-T\"}");
        assertThat(stamped.status()).as(new String(stamped.body())).isEqualTo(200);

        assertThat(services.dss(stamped.body()).allPassedAt("PAdES-BASELINE-T")).isTrue();
        assertThat(services.trustServiceVerify(stamped.body()).get("indication").asString()).isEqualTo("TOTAL_PASSED");
        assumeTrue(PageRenderings.installed(), "pdftoppm is not installed");
        for (int page = 1; page <= 3; page++) {
            BufferedImage image = PageRenderings.render(stamped.body(), page, dir);
            // 40-point slices of the standard round seal (120 points) against the right edge (612 points): red in the
            // slice's square, none in the square left of it.
            assertThat(reds(image, 612 - 40, 300)).as("red pixels of page %d's slice", page).isGreaterThan(30);
            assertThat(reds(image, 612 - 80, 300)).as("red pixels left of page %d's slice", page).isZero();
        }
    }

    /** Red pixels in the 40 x 120 point area from (x, y). */
    private static int reds(BufferedImage page, int x, int y) {
        int reds = 0;
        for (int dx = 0; dx < 40; dx++) {
            for (int dy = 0; dy < 120; dy++) {
                reds += PageRenderings.redAt(page, x + dx, y + dy) ? 1 : 0;
            }
        }
        return reds;
    }

    @Test
    void stampWhenDocumentIsLargeThenStampedFileToFileAndValid(@TempDir Path dir) throws Exception {
        // Four pages of incompressible images, about 12 MB: above the 8 MB seal-service keeps in memory.
        byte[] large = java.nio.file.Files.readAllBytes(TestPdfs.large(dir.resolve("large.pdf"), 4));
        assertThat(large.length).isGreaterThan(8 * 1024 * 1024);
        String seal = services.activeSeal("大文件章");

        FujieTestClient.Bytes stamped = services.stamp(seal, large, "{\"page\":4,\"x\":400,\"y\":100,\"level\":\"B-LT\"}");

        assertThat(stamped.status()).as(new String(stamped.body(), 0, Math.min(400, stamped.body().length))).isEqualTo(200);
        assertThat(java.util.Arrays.copyOf(stamped.body(), large.length)).as("an incremental update").isEqualTo(large);
        assertThat(services.dss(stamped.body()).allPassedAt("PAdES-BASELINE-LT")).isTrue();
        JsonNode usage = services.usage(seal);
        assertThat(usage.get(0).get("outputSha256").asString()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(stamped.body())));
    }

    @Test
    void stampWhenEveryKeywordAndCertifyingThenASealOnEachAndALaterSealStillValid(@TempDir Path dir) throws Exception {
        // TestPdfs draws "Approved (page n)" at (72, 700) on each page.
        FujieTestClient.Bytes certified = services.stamp(services.activeSeal("审批章"), TestPdfs.pages(2, "Approved"),
                "{\"keyword\":\"Approved\",\"everyOccurrence\":true,\"width\":60,\"certify\":true,\"level\":\"B-T\"}");
        assertThat(certified.status()).as(new String(certified.body())).isEqualTo(200);
        FujieTestClient.Bytes refused = services.stamp(services.activeSeal("二次认证章"), certified.body(),
                "{\"page\":1,\"x\":300,\"y\":100,\"certify\":true}");
        assertThat(new String(refused.body())).contains("stamp-invalid", "only the first seal");
        FujieTestClient.Bytes twice = services.stamp(services.activeSeal("会签章"), certified.body(),
                "{\"page\":2,\"x\":300,\"y\":100,\"level\":\"B-T\"}");
        assertThat(twice.status()).as(new String(twice.body())).isEqualTo(200);

        ShippedDss.Report dss = services.dss(twice.body());
        assertThat(dss.signatures()).as(dss.toString()).hasSize(2);
        assertThat(dss.allPassedAt("PAdES-BASELINE-T")).as(dss.toString()).isTrue();
        assertThat(services.trustServiceVerify(twice.body()).get("indication").asString()).isEqualTo("TOTAL_PASSED");
        assumeTrue(PageRenderings.installed(), "pdftoppm is not installed");
        for (int page = 1; page <= 2; page++) {
            // The keyword's centre lies about 60 points right of x = 72 on the baseline 700; the seal is 60 wide.
            int reds = 0;
            BufferedImage image = PageRenderings.render(certified.body(), page, dir);
            for (int x = 72; x < 260; x++) {
                for (int y = 660; y < 760; y++) {
                    reds += PageRenderings.redAt(image, x, y) ? 1 : 0;
                }
            }
            assertThat(reds).as("seal on the keyword of page %d", page).isGreaterThan(30);
        }
    }

    @Test
    void stampWhenConcurrentOnOneSealThenAllSucceedAndAllAreRecorded() throws Exception {
        String seal = services.activeSeal("并发章");
        byte[] pdf = TestPdfs.page("Concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<FujieTestClient.Bytes>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> services.stamp(seal, pdf, "{\"page\":1,\"x\":300,\"y\":300,\"level\":\"B-T\"}")));
            }
            for (Future<FujieTestClient.Bytes> result : results) {
                FujieTestClient.Bytes stamped = result.get();
                assertThat(stamped.status()).as(new String(stamped.body())).isEqualTo(200);
            }
            assertThat(services.trustServiceVerify(results.get(7).get().body()).get("indication").asString()).isEqualTo("TOTAL_PASSED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(services.usage(seal)).hasSize(16);
    }

    @Test
    void stampWhenBadDocumentOrPlacementThenProblemAndNothingRecorded() throws Exception {
        String seal = services.activeSeal("校验章");
        byte[] pdf = TestPdfs.page("Bad input");
        Map<String, String> cases = Map.of(
                "{\"page\":2,\"x\":1,\"y\":1}", "page 2 does not exist",
                "{\"page\":1,\"x\":590,\"y\":1}", "runs off page 1",
                "{\"keyword\":\"nowhere\"}", "keyword",
                "{\"crossPage\":true}", "at least two pages",
                "{\"page\":1,\"x\":1,\"y\":1,\"level\":\"B-X\"}", "level",
                "{\"page\":1}", "give page, x and y");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            FujieTestClient.Bytes response = services.stamp(seal, pdf, bad.getKey());
            assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(new String(response.body())).as(bad.getKey()).contains("urn:fujie:problem:stamp-invalid", bad.getValue());
        }
        for (byte[] document : List.of("not a pdf".getBytes(), java.util.Arrays.copyOf(pdf, pdf.length / 2),
                SealTestServices.encrypted(pdf))) {
            FujieTestClient.Bytes response = services.stamp(seal, document, "{\"page\":1,\"x\":1,\"y\":1}");
            assertThat(response.status()).as(new String(response.body())).isEqualTo(400);
            assertThat(new String(response.body())).contains("urn:fujie:problem:stamp-invalid");
        }
        assertThat(services.usage(seal)).isEmpty();
    }
}
