package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;

/**
 * Fujie's XAdES verifier over seals Fujie made and over signatures DSS made with the test CA's certificates; DSS's own
 * validator reaches the same indication on the same bytes, intact and tampered.
 */
class XadesVerifierTests {

    private static final PdfTestPki PKI = XadesSignerTests.PKI;

    static XadesVerifier verifier(PdfTestPki pki) {
        return XadesVerifier.online(List.of(TrustAnchor.forAllPurposes(pki.root.x509())), ValidationPolicy.defaults(),
                pki.fetcher(), Clock.systemUTC(), XadesVerifierSettings.defaults());
    }

    private static void sameIndicationAsDss(byte[] signed, XmlReport report, byte[] detached, String name) {
        List<DssXades.Verdict> dss = DssXades.validate(signed, PKI, detached, name);
        assertThat(report.signatures()).hasSameSizeAs(dss);
        for (int i = 0; i < dss.size(); i++) {
            assertThat(report.signatures().get(i).indication().name()).as("DSS says %s; Fujie %s", dss.get(i),
                    report.signatures().get(i).detail()).isEqualTo(dss.get(i).indication());
        }
    }

    @ParameterizedTest
    @EnumSource(value = BaselineLevel.class, names = {"B_B", "B_T", "B_LT", "B_LTA"})
    void verifyWhenFujieSealThenTotalPassedAtItsLevel(BaselineLevel level) throws Exception {
        byte[] signed = XadesSignerTests.sign(XadesSignerTests.FORM, XadesParameters.enveloped(level, Instant.now())
                .withRole("合同专用章").withCommitment(CommitmentType.PROOF_OF_APPROVAL));

        XmlReport report = verifier(PKI).verify(signed);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        XmlSignatureReport signature = report.signatures().get(0);
        assertThat(signature.format()).isEqualTo("XAdES");
        assertThat(signature.level()).isEqualTo(level);
        assertThat(signature.signer()).isEqualTo("CN=Zhang San,O=Fujie Test");
        assertThat(signature.claimedRole()).isEqualTo("合同专用章");
        assertThat(signature.coversWholeDocument()).isTrue();
        assertThat(signature.signedScopes()).containsExactly("the whole document, less its signatures");
        assertThat(signature.chain()).hasSize(3);
        assertThat(signature.timestamp() != null).isEqualTo(level != BaselineLevel.B_B);
        assertThat(signature.archiveTimestamps()).hasSize(level == BaselineLevel.B_LTA ? 1 : 0);
        sameIndicationAsDss(signed, report, null, null);
    }

    @Test
    void verifyWhenATextNodeChangesThenHashFailureAsDssFinds() throws Exception {
        byte[] signed = XadesSignerTests.sign(XadesSignerTests.FORM, XadesParameters.enveloped(BaselineLevel.B_T, Instant.now()));
        byte[] tampered = replace(signed, "张三", "李四");

        XmlReport report = verifier(PKI).verify(tampered);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(report.signatures().get(0).integrity()).isFalse();
        sameIndicationAsDss(tampered, report, null, null);
    }

    @Test
    void verifyWhenTwoParallelSealsThenBothPass() throws Exception {
        byte[] once = XadesSignerTests.sign(XadesSignerTests.FORM, XadesParameters.enveloped(BaselineLevel.B_T, Instant.now()));
        byte[] twice = XadesSignerTests.sign(once, XadesParameters.enveloped(BaselineLevel.B_LTA, Instant.now()));

        XmlReport report = verifier(PKI).verify(twice);

        assertThat(report.signatures()).hasSize(2);
        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures()).extracting(XmlSignatureReport::level).containsExactly(BaselineLevel.B_T, BaselineLevel.B_LTA);
        sameIndicationAsDss(twice, report, null, null);
    }

    @ParameterizedTest
    @EnumSource(value = SignaturePackaging.class, names = {"ENVELOPED", "ENVELOPING", "DETACHED"})
    void verifyWhenDssSignedThenTotalPassedAsDssSays(SignaturePackaging packaging) throws Exception {
        byte[] signed = DssXades.sign(XadesSignerTests.FORM, PKI, PKI.signer, SignatureLevel.XAdES_BASELINE_LTA, packaging);
        boolean detached = packaging == SignaturePackaging.DETACHED;

        XmlReport report = verifier(PKI).verify(signed, detached ? Map.of("document.xml", XadesSignerTests.FORM) : Map.of());

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).level()).isEqualTo(BaselineLevel.B_LTA);
        assertThat(report.signatures().get(0).coversWholeDocument()).isTrue();
        sameIndicationAsDss(signed, report, detached ? XadesSignerTests.FORM : null, "document.xml");
    }

    @Test
    void verifyWhenDssSignedDocumentTamperedThenBothFail() throws Exception {
        byte[] signed = DssXades.sign(XadesSignerTests.FORM, PKI, PKI.signer, SignatureLevel.XAdES_BASELINE_T,
                SignaturePackaging.ENVELOPED);
        byte[] tampered = replace(signed, "1200.00", "1.00");

        XmlReport report = verifier(PKI).verify(tampered);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        sameIndicationAsDss(tampered, report, null, null);
    }

    @Test
    void verifyWhenDetachedDataMissingThenIndeterminateSignedDataNotFound() throws Exception {
        byte[] signed = DssXades.sign(XadesSignerTests.FORM, PKI, PKI.signer, SignatureLevel.XAdES_BASELINE_B,
                SignaturePackaging.DETACHED);

        XmlReport report = verifier(PKI).verify(signed);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).isEqualTo(SubIndication.SIGNED_DATA_NOT_FOUND);
    }

    static byte[] replace(byte[] document, String from, String to) {
        String text = new String(document, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
