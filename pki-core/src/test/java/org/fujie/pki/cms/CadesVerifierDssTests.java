package org.fujie.pki.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.util.Store;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;

/**
 * CMS signatures (.p7s) made by an independent implementation (EU DSS 6.3) with the test CA's certificates
 * and pki-core's TSA: our verdict and level, and DSS's own validator on the same bytes reaching the same
 * indication.
 */
class CadesVerifierDssTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie CMS Test");
    private static final byte[] DOCUMENT = "批准：数据共享目录 2026 版\n".getBytes(StandardCharsets.UTF_8);

    static CadesVerifier verifier(PdfTestPki pki) {
        return CadesVerifier.online(List.of(TrustAnchor.forAllPurposes(pki.root.x509())), ValidationPolicy.defaults(),
                pki.fetcher(), Clock.systemUTC(), CmsVerifierSettings.defaults());
    }

    private static byte[] signed(SignatureLevel level, SignaturePackaging packaging) {
        return DssCades.sign(DOCUMENT, PKI, PKI.signer, level, packaging, new Date());
    }

    private static void sameIndicationAsDss(byte[] signature, byte[] detached, CmsReport report, PdfTestPki pki) {
        DssCades.Verdict dss = DssCades.validate(signature, detached, pki);
        assertThat(report.indication().name()).as("DSS says %s/%s %s", dss.indication(), dss.subIndication(), dss.errors())
                .isEqualTo(dss.indication().name());
    }

    @Test
    void verifyWhenEnvelopingBaselineBThenTotalPassedAtLevelBB() {
        byte[] p7s = signed(SignatureLevel.CAdES_BASELINE_B, SignaturePackaging.ENVELOPING);

        CmsReport report = verifier(PKI).verify(p7s, null);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        CmsSignatureReport signature = report.signatures().get(0);
        assertThat(signature.format()).isEqualTo("CAdES");
        assertThat(signature.level()).isEqualTo(BaselineLevel.B_B);
        assertThat(signature.integrity()).isTrue();
        assertThat(signature.signer()).isEqualTo("CN=Zhang San,O=Fujie Test");
        assertThat(signature.chain()).hasSize(3);
        assertThat(signature.timestamp()).isNull();
        assertThat(signature.claimedSigningTime()).isNotNull();
        sameIndicationAsDss(p7s, null, report, PKI);
    }

    @Test
    void verifyWhenDetachedThenPassesWithTheDocumentAndIsIndeterminateWithoutIt() {
        byte[] p7s = signed(SignatureLevel.CAdES_BASELINE_B, SignaturePackaging.DETACHED);

        CmsReport with = verifier(PKI).verify(p7s, DOCUMENT);
        CmsReport without = verifier(PKI).verify(p7s, null);

        assertThat(with.indication()).as(with.detail()).isEqualTo(Indication.TOTAL_PASSED);
        sameIndicationAsDss(p7s, DOCUMENT, with, PKI);
        assertThat(without.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(without.detail()).contains("detached");
    }

    @Test
    void verifyWhenDetachedDocumentAlteredThenTotalFailedHashFailureLikeDss() {
        byte[] p7s = signed(SignatureLevel.CAdES_BASELINE_B, SignaturePackaging.DETACHED);
        byte[] altered = DOCUMENT.clone();
        altered[altered.length - 2] ^= 1;

        CmsReport report = verifier(PKI).verify(p7s, altered);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(report.signatures().get(0).integrity()).isFalse();
        assertThat(DssCades.validate(p7s, altered, PKI).subIndication().name()).isEqualTo("HASH_FAILURE");
    }

    @Test
    void verifyWhenEncapsulatedContentAlteredThenTotalFailedHashFailure() {
        byte[] p7s = signed(SignatureLevel.CAdES_BASELINE_B, SignaturePackaging.ENVELOPING);
        int at = org.fujie.pki.pdf.TestPdfs.indexOf(p7s, "2026");
        p7s[at] = '3';

        CmsReport report = verifier(PKI).verify(p7s, null);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.HASH_FAILURE);
        sameIndicationAsDss(p7s, null, report, PKI);
    }

    @Test
    void verifyWhenSignedUnderAnotherCaThenIndeterminateNoCertificateChainFound() {
        PdfTestPki other = new PdfTestPki("Untrusted CMS");
        byte[] p7s = DssCades.sign(DOCUMENT, other, other.signer, SignatureLevel.CAdES_BASELINE_B, SignaturePackaging.ENVELOPING,
                new Date());

        CmsReport report = verifier(PKI).verify(p7s, null);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        sameIndicationAsDss(p7s, null, report, PKI);
    }

    @Test
    void verifyWhenBaselineTThenSigningTimeIsTheTimeStampsAndLevelBT() {
        Date claimed = Date.from(Instant.now().minus(Duration.ofDays(2)));
        byte[] p7s = DssCades.sign(DOCUMENT, PKI, PKI.signer, SignatureLevel.CAdES_BASELINE_T, SignaturePackaging.ENVELOPING,
                claimed);

        CmsReport report = verifier(PKI).verify(p7s, null);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        CmsSignatureReport signature = report.signatures().get(0);
        assertThat(signature.level()).isEqualTo(BaselineLevel.B_T);
        assertThat(signature.timestamp().valid()).as(signature.timestamp().detail()).isTrue();
        assertThat(signature.signingTime()).isEqualTo(signature.timestamp().genTime()).isAfter(signature.claimedSigningTime());
        sameIndicationAsDss(p7s, null, report, PKI);
    }

    @Test
    void verifyWhenBaselineLtThenTheSignaturesOwnRevocationDataIsUsedOffline() {
        byte[] p7s = DssCades.extend(signed(SignatureLevel.CAdES_BASELINE_T, SignaturePackaging.ENVELOPING), null, PKI,
                SignatureLevel.CAdES_BASELINE_LT);
        CmsReport report;
        PKI.online = false; // the CRL distribution points are unreachable: only the SignedData can answer
        try {
            report = verifier(PKI).verify(p7s, null);
        } finally {
            PKI.online = true;
        }

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        CmsSignatureReport signature = report.signatures().get(0);
        assertThat(signature.revocation()).isNotEmpty().allSatisfy(f -> assertThat(f.url()).isEqualTo(CadesVerifier.EMBEDDED));
        assertThat(signature.level()).isEqualTo(BaselineLevel.B_LT);
        sameIndicationAsDss(p7s, null, report, PKI);
    }

    @Test
    void verifyWhenBaselineLtaThenTheArchiveTimeStampVerifiesAndLevelBLta() {
        byte[] p7s = DssCades.extend(signed(SignatureLevel.CAdES_BASELINE_T, SignaturePackaging.DETACHED), DOCUMENT, PKI,
                SignatureLevel.CAdES_BASELINE_LTA);

        CmsReport report = verifier(PKI).verify(p7s, DOCUMENT);

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        CmsSignatureReport signature = report.signatures().get(0);
        assertThat(signature.archiveTimestamps()).hasSize(1);
        assertThat(signature.archiveTimestamps().get(0).valid()).as(signature.archiveTimestamps().get(0).detail()).isTrue();
        assertThat(signature.level()).isEqualTo(BaselineLevel.B_LTA);
        DssCades.Verdict dss = DssCades.validate(p7s, DOCUMENT, PKI);
        assertThat(dss.level()).isEqualTo(SignatureLevel.CAdES_BASELINE_LTA);
        sameIndicationAsDss(p7s, DOCUMENT, report, PKI);
    }

    @Test
    void verifyWhenRevocationDataIsRemovedAfterTheArchiveTimeStampThenItFailsHashFailure() throws Exception {
        byte[] p7s = DssCades.extend(signed(SignatureLevel.CAdES_BASELINE_T, SignaturePackaging.ENVELOPING), null, PKI,
                SignatureLevel.CAdES_BASELINE_LTA);
        CMSSignedData cms = new CMSSignedData(p7s);
        assertThat(cms.getCRLs().getMatches(null)).isNotEmpty();
        @SuppressWarnings("unchecked")
        Store<org.bouncycastle.cert.X509CRLHolder> none = new org.bouncycastle.cert.jcajce.JcaCRLStore(List.of());
        byte[] stripped = CMSSignedData.replaceCertificatesAndCRLs(cms, cms.getCertificates(), cms.getAttributeCertificates(), none)
                .getEncoded();

        CmsReport report = verifier(PKI).verify(stripped, null);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(report.detail()).contains("archive time-stamp");
    }

    @Test
    void verifyWhenSignedAfterRevocationThenIndeterminateRevokedNoPoeLikeDss() {
        PdfTestPki pki = new PdfTestPki("Revoked CMS");
        pki.revoke(pki.signer, Instant.now().minus(Duration.ofHours(2)));
        byte[] p7s = DssCades.sign(DOCUMENT, pki, pki.signer, SignatureLevel.CAdES_BASELINE_T, SignaturePackaging.ENVELOPING,
                new Date());

        CmsReport report = verifier(pki).verify(p7s, null);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.REVOKED_NO_POE);
        DssCades.Verdict dss = DssCades.validate(p7s, null, pki);
        assertThat(dss.indication().name() + "/" + dss.subIndication()).isEqualTo("INDETERMINATE/REVOKED_NO_POE");
    }

    @Test
    void verifyWhenTimeStampedBeforeALaterRevocationThenTotalPassed() throws InterruptedException {
        PdfTestPki pki = new PdfTestPki("Later Revoked CMS");
        byte[] p7s = DssCades.sign(DOCUMENT, pki, pki.signer, SignatureLevel.CAdES_BASELINE_T, SignaturePackaging.ENVELOPING,
                new Date());
        Thread.sleep(1100); // the revocation lies strictly after the time-stamp's second
        pki.revoke(pki.signer, Instant.now());

        CmsReport report = verifier(pki).verify(p7s, null);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        sameIndicationAsDss(p7s, null, report, pki);
    }
}
