package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.fujie.pki.TestCertificates;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.ltv.LongTermDataCollector;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.tsp.TimeStampClient;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fujie's XAdES seals judged by tools no one here wrote: xmlsec1 checks the XML Signature (and refuses it once a text
 * node changes), DSS 6.3 validates the XAdES baseline level asked for.
 */
class XadesSignerTests {

    static final PdfTestPki PKI = new PdfTestPki("Fujie XAdES Test");
    static final byte[] FORM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <申请 xmlns="urn:fujie:test:form" 编号="2026-118">
              <申请人>张三</申请人>
              <事项>数据共享目录 2026 版</事项>
              <金额 币种="CNY">1200.00</金额>
            </申请>
            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    static XadesSigner signer(PdfTestPki pki) {
        ValidationPolicy policy = ValidationPolicy.defaults();
        return new XadesSigner(TimeStampClient.local(pki.timeStampAuthority()),
                new LongTermDataCollector(new CertificateValidator(List.of(TrustAnchor.forAllPurposes(pki.root.x509())), policy,
                        pki.fetcher(), RevocationChecker.ocspThenCrl(pki.fetcher(), policy), Clock.systemUTC())),
                new SecureXml(16 * 1024 * 1024, 256));
    }

    static byte[] sign(byte[] document, XadesParameters parameters) throws Exception {
        return signer(PKI).sign(document, PKI.signer.signingKey(), List.of(PKI.signer.x509(), PKI.issuing.x509()), parameters);
    }

    @ParameterizedTest
    @EnumSource(value = BaselineLevel.class, names = {"B_B", "B_T", "B_LT", "B_LTA"})
    void signWhenEnvelopedThenDssPassesAtTheLevelAsked(BaselineLevel level) throws Exception {
        byte[] signed = sign(FORM, XadesParameters.enveloped(level, Instant.now()).withRole("合同专用章"));

        List<DssXades.Verdict> dss = DssXades.validate(signed, PKI);

        assertThat(dss).hasSize(1);
        assertThat(dss.get(0).passedAt("XAdES-BASELINE-" + level.label().substring(2)))
                .as("DSS: %s\n%s", dss.get(0), new String(signed, StandardCharsets.UTF_8)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "ED25519", "RSA_3072"})
    void signWhenKeyAlgorithmThenDssAndFujieAcceptAndXmlsec1WhereItCan(KeyAlgorithm algorithm) throws Exception {
        TestCertificates.Issued signer = PKI.newSigner("Seal " + algorithm.id(), algorithm);
        byte[] signed = signer(PKI).sign(FORM, signer.signingKey(), List.of(signer.x509(), PKI.issuing.x509()),
                XadesParameters.enveloped(BaselineLevel.B_T, Instant.now()));

        List<DssXades.Verdict> dss = DssXades.validate(signed, PKI);
        XmlReport fujie = XadesVerifierTests.verifier(PKI).verify(signed);

        if (algorithm == KeyAlgorithm.ED25519) {
            // DSS 6.3's default policy does not authorise EdDSA for signatures (a policy choice after the cryptographic check
            // passed: a broken Ed25519 signature is TOTAL_FAILED/SIG_CRYPTO_FAILURE there)
            assertThat(dss.get(0).subIndication()).as("DSS: %s", dss.get(0)).isEqualTo("CRYPTO_CONSTRAINTS_FAILURE_NO_POE");
            assertThat(dss.get(0).errors()).contains("EdDSA is not authorised");
            byte[] broken = flipFirstSignatureValueCharacter(signed);
            assertThat(DssXades.validate(broken, PKI).get(0).subIndication()).isEqualTo("SIG_CRYPTO_FAILURE");
            assertThat(XadesVerifierTests.verifier(PKI).verify(broken).subIndication())
                    .isEqualTo(org.fujie.pki.validation.SubIndication.SIG_CRYPTO_FAILURE);
        } else {
            assertThat(dss.get(0).passedAt("XAdES-BASELINE-T")).as("DSS: %s", dss.get(0)).isTrue();
        }
        assertThat(fujie.indication()).as(fujie.detail()).isEqualTo(org.fujie.pki.validation.Indication.TOTAL_PASSED);
        // xmlsec1 1.2.37 (Debian 12, OpenSSL backend) has no EdDSA for XML Signature
        if (Xmlsec1.installed() && algorithm != KeyAlgorithm.ED25519) {
            Xmlsec1.Result result = Xmlsec1.verify(directory, signed, PKI.root, PKI.issuing);
            assertThat(result.ok()).as(result.output()).isTrue();
        }
    }

    private static byte[] flipFirstSignatureValueCharacter(byte[] signed) {
        String text = new String(signed, StandardCharsets.UTF_8);
        int at = text.indexOf('>', text.indexOf("<ds:SignatureValue")) + 1;
        char flipped = text.charAt(at) == 'A' ? 'B' : 'A';
        return (text.substring(0, at) + flipped + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signWhenEnvelopedThenXmlsec1VerifiesAndRefusesAChangedTextNode() throws Exception {
        assumeThat(Xmlsec1.installed()).as("xmlsec1 installed").isTrue();
        byte[] signed = sign(FORM, XadesParameters.enveloped(BaselineLevel.B_T, Instant.now()));

        Xmlsec1.Result intact = Xmlsec1.verify(directory, signed, PKI.root, PKI.issuing);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("1200.00", "9200.00").getBytes(StandardCharsets.UTF_8);
        Xmlsec1.Result changed = Xmlsec1.verify(directory, tampered, PKI.root, PKI.issuing);

        assertThat(intact.ok()).as(intact.output()).isTrue();
        assertThat(changed.exitCode()).as(changed.output()).isNotZero();
        assertThat(changed.output()).contains("FAIL");
        assertThat(DssXades.validate(tampered, PKI).get(0).indication()).isEqualTo("TOTAL_FAILED");
    }
}
