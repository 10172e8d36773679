package org.fujie.seal.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.dss.ShippedDss;
import org.fujie.pki.xades.Xmlsec1;
import org.fujie.seal.SealServicesTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * XML through seal-service's stamping API beside a real ca-service and trust-service: XAdES seals at every level judged by
 * DSS as it ships, by xmlsec1 and by trust-service; a second seal and a countersignature keeping the first valid; other
 * data sealed detached; bad input refused with problem JSON.
 */
class XmlStampingTests extends SealServicesTest {

    private static final byte[] FORM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <审批单 xmlns="urn:fujie:test:approval" 编号="2026-0042">
              <申请部门>数据资源处</申请部门>
              <事项>开放人口统计目录</事项>
              <意见>同意</意见>
            </审批单>
            """.getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"B-B", "B-T", "B-LT", "B-LTA"})
    void stampWhenXmlAtLevelThenDssXmlsec1AndTrustServiceAgreeItIsValid(String level, @TempDir Path dir) throws Exception {
        String seal = services.activeSeal("审批专用章" + level.replace("-", ""));
        FujieTestClient.Bytes stamped = services.stamp(seal, "approval.xml", FORM,
                "{\"level\":\"" + level + "\",\"commitment\":\"ProofOfApproval\"}");
        assertThat(stamped.status()).as(new String(stamped.body(), StandardCharsets.UTF_8)).isEqualTo(200);

        ShippedDss.Report dss = services.dss(stamped.body());
        assertThat(dss.formats()).as(dss.toString()).containsExactly("XAdES-" + level.replace("B-", "BASELINE-"));
        assertThat(dss.signatures().get(0).indication()).as(dss.toString()).isEqualTo("TOTAL_PASSED");
        JsonNode ours = services.trustServiceVerify(stamped.body());
        assertThat(ours.get("indication").asString()).as(ours.toString()).isEqualTo("TOTAL_PASSED");
        JsonNode signature = ours.get("signatures").get(0);
        assertThat(signature.get("level").asString()).isEqualTo(level);
        assertThat(signature.get("claimedRole").asString()).startsWith("审批专用章");
        assertThat(signature.get("coversWholeDocument").asBoolean()).isTrue();
        if (Xmlsec1.installed()) {
            Xmlsec1.Result xmlsec1 = Xmlsec1.verify(dir, stamped.body(), services.caPems());
            assertThat(xmlsec1.ok()).as(xmlsec1.output()).isTrue();
        }
        JsonNode usage = services.usage(seal);
        assertThat(usage.get(usage.size() - 1).get("placement").asString()).isEqualTo("XAdES enveloped");
        assertThat(usage.get(usage.size() - 1).get("level").asString()).isEqualTo(level);
    }

    @Test
    void stampWhenSecondSealAndCountersignatureThenAllThreeStayValid() throws Exception {
        byte[] first = ok(services.stamp(services.activeSeal("第一审批章"), "a.xml", FORM, "{\"level\":\"B-T\"}"));
        byte[] second = ok(services.stamp(services.activeSeal("第二审批章"), "a.xml", first, "{\"level\":\"B-LTA\"}"));
        byte[] third = ok(services.stamp(services.activeSeal("复核章"), "a.xml", second, "{\"level\":\"B-T\",\"countersign\":true}"));

        JsonNode ours = services.trustServiceVerify(third);
        ShippedDss.Report dss = services.dss(third);

        assertThat(ours.get("signatures")).hasSize(3);
        assertThat(ours.get("indication").asString()).as(ours.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(ours.get("signatures").get(2).get("counterSignatureOf").asString())
                .isEqualTo(ours.get("signatures").get(1).get("id").asString());
        assertThat(dss.signatures()).as(dss.toString()).hasSize(3).allMatch(s -> s.indication().equals("TOTAL_PASSED"));
    }

    @Test
    void stampWhenOtherDataDetachedThenTrustServiceVerifiesItWithTheData() {
        byte[] scan = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4};
        byte[] signature = ok(services.stamp(services.activeSeal("扫描件章"), "scan.png", scan,
                "{\"level\":\"B-T\",\"packaging\":\"detached\"}"));

        JsonNode ours = services.trustServiceVerify(signature, "scan.png", scan);
        JsonNode other = services.trustServiceVerify(signature, "scan.png", new byte[] {1});

        assertThat(ours.get("indication").asString()).as(ours.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(ours.get("signatures").get(0).get("signedScopes").toString()).contains("scan.png");
        assertThat(other.get("indication").asString()).isEqualTo("TOTAL_FAILED");
    }

    @Test
    void stampWhenXmlInputIsBadThenProblemJsonNamesTheReason() {
        String seal = services.activeSeal("校验章");
        assertProblem(services.stamp(seal, "a.xml", FORM, "{\"page\":1,\"x\":10,\"y\":10}"), "PDF only");
        assertProblem(services.stamp(seal, "a.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>".getBytes(StandardCharsets.UTF_8), "{}"), "DOCTYPE");
        assertProblem(services.stamp(seal, "a.xml", "<a><b></a>".getBytes(StandardCharsets.UTF_8), "{}"), "well-formed");
        assertProblem(services.stamp(seal, "a.bin", new byte[] {1, 2, 3}, "{}"), "other data is sealed with packaging");
        assertProblem(services.stamp(seal, "a.xml", FORM, "{\"packaging\":\"sideways\"}"), "packaging must be");
        assertProblem(services.stamp(seal, "a.xml", FORM, "{\"commitment\":\"ProofOfNothing\"}"), "commitment");
        assertProblem(services.stamp(seal, "a.xml", FORM, "{\"countersign\":true}"), "no signature to countersign");
        assertThat(services.usage(seal)).isEmpty();
        String sm2 = services.activeSeal("国密校验章", "SM2");
        assertProblem(services.stamp(sm2, "a.xml", FORM, "{}"), "no registered SM2 signature method");
        assertThat(services.usage(sm2)).isEmpty();
    }

    private static byte[] ok(FujieTestClient.Bytes response) {
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    private static void assertProblem(FujieTestClient.Bytes response, String reason) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(body).contains("stamp-invalid", reason).doesNotContain("Exception");
    }

}
