package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enveloping and detached seals over XML and other data, and countersignatures: DSS 6.3 validates each at the level asked,
 * xmlsec1 verifies the XML Signature of an enveloping seal, and Fujie's verifier agrees.
 */
class XadesPackagingTests {

    private static final PdfTestPki PKI = XadesSignerTests.PKI;
    private static final byte[] PNG_LIKE = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, (byte) 0xff, 0x10, 0x7f};

    @TempDir
    Path directory;

    private static XadesParameters parameters(XadesPackaging packaging, String mimeType, String name) {
        return new XadesParameters(BaselineLevel.B_LTA, packaging, Instant.now(), "公章", null, mimeType, name);
    }

    @Test
    void signWhenEnvelopingXmlThenDssXmlsec1AndFujieAgree() throws Exception {
        assumeThat(Xmlsec1.installed()).as("xmlsec1 installed").isTrue();
        byte[] signed = XadesSignerTests.sign(XadesSignerTests.FORM, parameters(XadesPackaging.ENVELOPING, "text/xml", null));

        List<DssXades.Verdict> dss = DssXades.validate(signed, PKI);
        XmlReport fujie = XadesVerifierTests.verifier(PKI).verify(signed);
        Xmlsec1.Result xmlsec1 = Xmlsec1.verify(directory, signed, PKI.root, PKI.issuing);

        assertThat(dss.get(0).passedAt("XAdES-BASELINE-LTA")).as("DSS: %s", dss.get(0)).isTrue();
        assertThat(fujie.indication()).as(fujie.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(fujie.signatures().get(0).coversWholeDocument()).isTrue();
        assertThat(xmlsec1.ok()).as(xmlsec1.output()).isTrue();
    }

    @Test
    void signWhenEnvelopingBinaryThenTheDataTravelsBase64AndVerifies() throws Exception {
        byte[] signed = XadesSignerTests.sign(PNG_LIKE, parameters(XadesPackaging.ENVELOPING, "image/png", null));

        List<DssXades.Verdict> dss = DssXades.validate(signed, PKI);
        XmlReport fujie = XadesVerifierTests.verifier(PKI).verify(signed);

        assertThat(dss.get(0).passedAt("XAdES-BASELINE-LTA")).as("DSS: %s", dss.get(0)).isTrue();
        assertThat(fujie.indication()).as(fujie.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(new String(signed, StandardCharsets.UTF_8)).contains("Encoding=\"http://www.w3.org/2000/09/xmldsig#base64\"");
    }

    @Test
    void signWhenDetachedThenVerifiesWithTheDataAndFailsWithOtherData() throws Exception {
        byte[] signed = XadesSignerTests.sign(PNG_LIKE, parameters(XadesPackaging.DETACHED, "image/png", "公章 scan.png"));

        List<DssXades.Verdict> dss = DssXades.validate(signed, PKI, PNG_LIKE, "公章 scan.png");
        XmlReport fujie = XadesVerifierTests.verifier(PKI).verify(signed, Map.of("公章 scan.png", PNG_LIKE));
        XmlReport other = XadesVerifierTests.verifier(PKI).verify(signed, Map.of("公章 scan.png", new byte[] {1, 2, 3}));

        assertThat(dss.get(0).passedAt("XAdES-BASELINE-LTA")).as("DSS: %s", dss.get(0)).isTrue();
        assertThat(fujie.indication()).as(fujie.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(fujie.signatures().get(0).signedScopes()).containsExactly("detached data '公章 scan.png' (11 bytes)");
        assertThat(other.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(DssXades.validate(signed, PKI, new byte[] {1, 2, 3}, "公章 scan.png").get(0).indication()).isEqualTo("TOTAL_FAILED");
    }

    @Test
    void countersignWhenSealedThenBothSignaturesStayValid() throws Exception {
        byte[] sealed = XadesSignerTests.sign(XadesSignerTests.FORM, XadesParameters.enveloped(BaselineLevel.B_LTA, Instant.now()));
        byte[] countersigned = XadesSignerTests.signer(PKI).countersign(sealed, PKI.signer.signingKey(),
                List.of(PKI.signer.x509(), PKI.issuing.x509()), XadesParameters.enveloped(BaselineLevel.B_T, Instant.now()));

        List<DssXades.Verdict> dss = DssXades.validate(countersigned, PKI);
        XmlReport fujie = XadesVerifierTests.verifier(PKI).verify(countersigned);

        assertThat(fujie.signatures()).hasSize(2);
        assertThat(fujie.indication()).as(fujie.detail()).isEqualTo(Indication.TOTAL_PASSED);
        XmlSignatureReport outer = fujie.signatures().get(0);
        XmlSignatureReport counter = fujie.signatures().get(1);
        assertThat(outer.level()).isEqualTo(BaselineLevel.B_LTA);
        assertThat(counter.counterSignatureOf()).isEqualTo(outer.id());
        assertThat(counter.level()).isEqualTo(BaselineLevel.B_T);
        assertThat(counter.signedScopes()).containsExactly("the signature value of " + outer.id() + " (a countersignature)");
        assertThat(dss).as("DSS: %s", dss).isNotEmpty().allMatch(v -> v.indication().equals("TOTAL_PASSED"));
    }
}
