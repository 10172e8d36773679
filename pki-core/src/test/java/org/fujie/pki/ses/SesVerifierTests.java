package org.fujie.pki.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.tsp.TimeStampClient;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;

/** Each check of GB/T 38540's order fails by its name when its part of the seal or signature is wrong. */
class SesVerifierTests {

    static final byte[] PNG = "\u0089PNG\r\n\u001a\n PICTURE-MARK a red seal".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] DOCUMENT = "合同正文".getBytes(StandardCharsets.UTF_8);

    final SesTestPki pki = new SesTestPki();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    SesSeal seal(Issued keeper, Instant validStart, Instant validEnd) {
        return new SealMaker(pki.maker.x509(), pki.maker.signingKey()).make(new SealDescription("FujieTest", "ES-T-1", 1, "测试章",
                SesCertList.ofCertificates(List.of(SesFieldByFieldTests.der(keeper))), validStart, validStart, validEnd,
                new SesPictureInfo("PNG", PNG, 40, 40)));
    }

    SesSeal seal() {
        return seal(pki.signer, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    byte[] sign(SesSeal seal, Issued signer, SignatureTimeStamper timeStamper) throws Exception {
        return new SesSigner(signer.x509(), signer.signingKey(), timeStamper).sign(seal, now, SesDigests.sm3(DOCUMENT), "page=1")
                .getEncoded("DER");
    }

    SesReport verify(byte[] signature) {
        return pki.verifier().verifySignature(signature, DOCUMENT);
    }

    static void assertFailed(SesReport report, SesCheck check, SubIndication sub) {
        assertThat(report.failedCheck()).as(report.detail()).isEqualTo(check);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(sub);
        assertThat(report.checks()).last().extracting(SesCheckResult::check).isEqualTo(check);
    }

    @Test
    void verifyWhenAllIsRightThenTotalPassed() throws Exception {
        SesReport report = verify(sign(seal(), pki.signer, null));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.timestamp()).isNull();
    }

    @Test
    void verifyWhenTheDocumentIsStreamedThenTheSameVerdict() throws Exception {
        byte[] signature = sign(seal(), pki.signer, null);

        SesReport streamed = pki.verifier().verifySignature(signature, out -> {
            out.write(DOCUMENT, 0, 5);
            out.write(DOCUMENT, 5, DOCUMENT.length - 5);
        });
        SesReport unreadable = pki.verifier().verifySignature(signature, out -> {
            throw new java.io.IOException("disk gone");
        });

        assertThat(streamed.indication()).as(streamed.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertFailed(unreadable, SesCheck.DOCUMENT_HASH, SubIndication.SIGNED_DATA_NOT_FOUND);
    }

    @Test
    void verifyWhenOneByteOfThePictureChangedThenTheMakerSignatureFails() throws Exception {
        byte[] sealDer = seal().getEncoded("DER");
        int at = TestPdfs.indexOf(sealDer, "PICTURE-MARK".getBytes(StandardCharsets.US_ASCII));
        sealDer[at] ^= 0x01;
        SesSeal tampered = SesSeal.parse(sealDer, 1 << 20);

        assertFailed(pki.verifier().verifySeal(sealDer, null), SesCheck.SEAL_SIGNATURE, SubIndication.SIG_CRYPTO_FAILURE);
        // Signed anew by the keeper, the signature itself is right and the seal is what fails.
        assertFailed(verify(sign(tampered, pki.signer, null)), SesCheck.SEAL_SIGNATURE, SubIndication.SIG_CRYPTO_FAILURE);
    }

    @Test
    void verifyWhenTheMakerSignatureHasAByteFlippedThenTheMakerSignatureFails() throws Exception {
        SesSeal seal = seal();
        byte[] value = seal.signedValue();
        value[value.length - 5] ^= 0x40;
        SesSeal flipped = new SesSeal(SesVersion.V4, seal.sealInfo(), seal.makerCertificate(), seal.signatureAlgorithm(), value);

        assertFailed(verify(sign(flipped, pki.signer, null)), SesCheck.SEAL_SIGNATURE, SubIndication.SIG_CRYPTO_FAILURE);
    }

    @Test
    void verifyWhenTheDocumentIsAnotherThenTheDocumentHashFails() throws Exception {
        SesReport report = pki.verifier().verifySignature(sign(seal(), pki.signer, null), "另一份文件".getBytes(StandardCharsets.UTF_8));

        assertFailed(report, SesCheck.DOCUMENT_HASH, SubIndication.HASH_FAILURE);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    void verifyWhenTheSignatureValueIsBrokenThenTheSignatureValueFails() throws Exception {
        byte[] signature = sign(seal(), pki.signer, null);
        SesSignature read = SesSignature.parse(signature, 1 << 20);
        byte[] value = read.signature();
        value[value.length - 3] ^= 0x01;
        byte[] broken = new SesSignature(read.toSign(), read.signerCertificate(), read.signatureAlgorithm(), value, null).getEncoded("DER");

        assertFailed(verify(broken), SesCheck.SIGNATURE_VALUE, SubIndication.SIG_CRYPTO_FAILURE);
    }

    @Test
    void verifyWhenTheSignerIsNotInTheSealsListThenThatCheckFails() throws Exception {
        Issued stranger = pki.newSigner("Li Si");

        SesReport report = verify(sign(seal(), stranger, null));

        assertFailed(report, SesCheck.SIGNER_IN_SEAL, SubIndication.NO_SIGNING_CERTIFICATE_FOUND);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    void verifyWhenTheSealListsTheSignerByDigestThenPassed() throws Exception {
        SesSeal seal = new SealMaker(pki.maker.x509(), pki.maker.signingKey()).make(new SealDescription("FujieTest", "ES-D-1", 1, "测试章",
                SesCertList.ofDigests(List.of(SesCertList.CertDigest.sm3(SesFieldByFieldTests.der(pki.signer)))), now,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), new SesPictureInfo("PNG", PNG, 40, 40)));

        SesReport report = verify(sign(seal, pki.signer, null));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void verifyWhenTheSealHadExpiredAtTheSigningTimeThenTheSealValidityFails() throws Exception {
        SesSeal expired = seal(pki.signer, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));

        SesReport report = verify(sign(expired, pki.signer, null));

        assertFailed(report, SesCheck.SEAL_VALIDITY, SubIndication.EXPIRED);
        assertFailed(pki.verifier().verifySeal(expired.getEncoded("DER"), now), SesCheck.SEAL_VALIDITY, SubIndication.EXPIRED);
    }

    @Test
    void verifyWhenTheMakerCertificateIsRevokedThenTheMakerRevocationFails() throws Exception {
        byte[] signature = sign(seal(), pki.signer, null);
        pki.revoke(pki.maker, now.minus(Duration.ofHours(1)));

        SesReport report = verify(signature);

        assertFailed(report, SesCheck.MAKER_REVOCATION, SubIndication.REVOKED);
        assertThat(report.checks()).extracting(SesCheckResult::check).contains(SesCheck.MAKER_CHAIN, SesCheck.MAKER_VALIDITY);
    }

    @Test
    void verifyWhenTheSignerCertificateIsRevokedThenTheSignerRevocationFails() throws Exception {
        byte[] signature = sign(seal(), pki.signer, null);
        pki.revoke(pki.signer, now.minus(Duration.ofHours(1)));

        assertFailed(verify(signature), SesCheck.SIGNER_REVOCATION, SubIndication.REVOKED);
    }

    @Test
    void verifyWhenTheSignerCertificateHadExpiredAtTheSigningTimeThenTheSignerValidityFails() throws Exception {
        Issued expired = pki.newSigner("Wang Wu", now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(2)));

        SesReport report = verify(sign(seal(expired, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))), expired, null));

        assertFailed(report, SesCheck.SIGNER_VALIDITY, SubIndication.EXPIRED);
        assertThat(report.checks()).extracting(SesCheckResult::check).contains(SesCheck.SIGNER_CHAIN);
    }

    @Test
    void verifyWhenTheSignerKeyMayNotSignThenTheSignerKeyUsageFails() throws Exception {
        Issued encipherer = pki.newEnciphermentOnlySigner("Zhao Liu");

        assertFailed(verify(sign(seal(encipherer, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))), encipherer, null)),
                SesCheck.SIGNER_KEY_USAGE, SubIndication.CHAIN_CONSTRAINTS_FAILURE);
    }

    @Test
    void verifyWhenTheMakerIsNotUnderTheAnchorThenTheMakerChainFails() throws Exception {
        SesTestPki other = new SesTestPki();
        SesSeal seal = new SealMaker(other.maker.x509(), other.maker.signingKey()).make(new SealDescription("FujieTest", "ES-X-1", 1, "章",
                SesCertList.ofCertificates(List.of(SesFieldByFieldTests.der(pki.signer))), now, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)), new SesPictureInfo("PNG", PNG, 40, 40)));

        assertFailed(verify(sign(seal, pki.signer, null)), SesCheck.MAKER_CHAIN, SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
    }

    @Test
    void verifyWhenTheTimeStampIsOverTheSignatureValueThenItVerifies() throws Exception {
        SesReport report = verify(sign(seal(), pki.signer, SignatureTimeStamper.sm3(TimeStampClient.local(pki.timeStampAuthority()))));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.timestampVerified()).isTrue();
        assertThat(report.timestamp().tsa()).contains("CN=Fujie SES Test TSA");
    }

    @Test
    void verifyWhenABackdatedSignatureIsTimeStampedAfterARevocationThenTheSignerRevocationFails() throws Exception {
        Instant backdated = now.minus(Duration.ofDays(2));
        SesSeal seal = seal(pki.signer, now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(10)));
        SesSigner signer = new SesSigner(pki.signer.x509(), pki.signer.signingKey(),
                SignatureTimeStamper.sm3(TimeStampClient.local(pki.timeStampAuthority())));
        byte[] stamped = signer.sign(seal, backdated, SesDigests.sm3(DOCUMENT), "page=1").getEncoded("DER");
        byte[] unstamped = new SesSigner(pki.signer.x509(), pki.signer.signingKey(), null)
                .sign(seal, backdated, SesDigests.sm3(DOCUMENT), "page=1").getEncoded("DER");
        pki.revoke(pki.signer, now.minus(Duration.ofDays(1)));

        SesReport report = verify(stamped);

        // The time-stamp proves the signature existed only now, after the revocation: judged then, not at the claimed time.
        assertFailed(report, SesCheck.SIGNER_REVOCATION, SubIndication.REVOKED);
        assertThat(report.signingTime()).isEqualTo(backdated);
        assertThat(report.validationTime()).isEqualTo(report.timestamp().genTime());
        // Without a time-stamp only the claimed time is there, and GB/T 38540 judges the certificate at it.
        SesReport claimed = verify(unstamped);
        assertThat(claimed.indication()).as(claimed.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(claimed.validationTime()).isEqualTo(backdated);
    }

    @Test
    void verifyWhenTheTimeStampIsOverOtherBytesThenTheTimeStampFails() throws Exception {
        SesSignature read = SesSignature.parse(sign(seal(), pki.signer, null), 1 << 20);
        byte[] otherToken = SignatureTimeStamper.sm3(TimeStampClient.local(pki.timeStampAuthority())).timeStamp(new byte[] {1, 2, 3});
        byte[] signature = new SesSignature(read.toSign(), read.signerCertificate(), read.signatureAlgorithm(), read.signature(),
                otherToken).getEncoded("DER");

        SesReport report = verify(signature);

        assertFailed(report, SesCheck.TIME_STAMP, SubIndication.HASH_FAILURE);
        assertThat(report.timestampVerified()).isFalse();
    }

    @Test
    void verifyWhenTheTimeStampIsNoTokenThenTheTimeStampIsAFormatFailure() throws Exception {
        SesSignature read = SesSignature.parse(sign(seal(), pki.signer, null), 1 << 20);
        byte[] signature = new SesSignature(read.toSign(), read.signerCertificate(), read.signatureAlgorithm(), read.signature(),
                new byte[] {0x30, 0x00}).getEncoded("DER");

        assertFailed(verify(signature), SesCheck.TIME_STAMP, SubIndication.FORMAT_FAILURE);
    }

    @Test
    void verifyWhenTheInputIsMalformedThenFormatFailure() throws Exception {
        byte[] good = sign(seal(), pki.signer, null);
        List<byte[]> bad = List.of(new byte[0], new byte[] {0x30}, new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                Arrays.copyOf(good, good.length / 2), Arrays.copyOf(good, good.length - 1), "not DER at all".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0x30, 0x03, 0x02, 0x01, 0x04}, seal().getEncoded("DER"), concat(good, new byte[] {0x05, 0x00}),
                nested(20_000), new byte[] {0x30, (byte) 0x80, 0x05, 0x00, 0x00, 0x00});
        for (byte[] input : bad) {
            SesReport report = verify(input);
            assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.INDETERMINATE);
            assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
            assertThat(report.failedCheck()).isEqualTo(SesCheck.FORMAT);
            assertThat(report.detail()).isNotBlank();
        }
        assertThat(pki.verifier().verifySeal(Arrays.copyOf(good, 100), null).subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(pki.verifier().verifySignature(good, (byte[]) null).subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
    }

    @Test
    void verifyWhenTheInputIsOverTheLimitThenFormatFailure() throws Exception {
        SesVerifier small = new SesVerifier(pki.validator(), List.of(pki.issuing.x509()),
                new SesVerifierSettings(1024, null, null), java.time.Clock.systemUTC());

        SesReport report = small.verifySignature(sign(seal(), pki.signer, null), DOCUMENT);

        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains("larger than 1024");
    }

    /** SEQUENCEs inside each other, deeper than any parser's stack may take. */
    static byte[] nested(int depth) {
        byte[] inner = {0x05, 0x00};
        for (int i = 0; i < depth; i++) {
            int n = inner.length;
            byte[] outer = new byte[n + 6];
            outer[0] = 0x30;
            outer[1] = (byte) 0x84;
            outer[2] = (byte) (n >>> 24);
            outer[3] = (byte) (n >>> 16);
            outer[4] = (byte) (n >>> 8);
            outer[5] = (byte) n;
            System.arraycopy(inner, 0, outer, 6, n);
            inner = outer;
        }
        return inner;
    }


    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
