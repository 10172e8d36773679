package org.fujie.pki.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.fujie.pki.tsp.TimeStampClient;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where sources on the standards disagree, or writers depart from them, both forms are read: which bytes the maker signs,
 * how the optional [0] fields are tagged, UTCTime for GeneralizedTime, a bare r || s SM2 value, GM/T 0031's timeInfo.
 */
class SesReadingVariantsTests {

    static final byte[] PNG = SesFieldByFieldTests.PNG;
    static final byte[] DOCUMENT = SesFieldByFieldTests.DOCUMENT;

    static SesTestPki pki;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void pki() {
        pki = new SesTestPki();
    }

    DERSequence sealInfo() {
        return SesStructures.sealInfoV4("ES-VAR-1", List.of(SesFieldByFieldTests.der(pki.signer)), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), PNG);
    }

    PrivateKey signerKey() {
        return pki.signer.keyPair().getPrivate();
    }

    SesReport verify(DERSequence signature) {
        return pki.verifier().verifySignature(SesStructures.der(signature), DOCUMENT);
    }

    DERSequence tbs(DERSequence seal, ASN1Encodable... extra) {
        ASN1Encodable[] fields = {new ASN1Integer(4), seal, SesStructures.generalized(now), new DERBitString(SesDigests.sm3(DOCUMENT)),
                new DERIA5String("page=1")};
        ASN1Encodable[] all = java.util.Arrays.copyOf(fields, fields.length + extra.length);
        System.arraycopy(extra, 0, all, fields.length, extra.length);
        return new DERSequence(all);
    }

    DERSequence signature(DERSequence tbs, byte[] value, ASN1Encodable... extra) {
        ASN1Encodable[] fields = {tbs, new DEROctetString(SesFieldByFieldTests.der(pki.signer)), GMObjectIdentifiers.sm2sign_with_sm3,
                new DERBitString(value)};
        ASN1Encodable[] all = java.util.Arrays.copyOf(fields, fields.length + extra.length);
        System.arraycopy(extra, 0, all, fields.length, extra.length);
        return new DERSequence(all);
    }

    @Test
    void aV4SealSignedOverInfoCertAndAlgorithmThenAcceptedAsTheOtherReading() {
        DERSequence info = sealInfo();
        DEROctetString cert = new DEROctetString(SesFieldByFieldTests.der(pki.maker));
        byte[] value = SesStructures.sm2(pki.maker.keyPair().getPrivate(),
                SesStructures.der(SesStructures.seq(info, cert, GMObjectIdentifiers.sm2sign_with_sm3)));
        DERSequence seal = SesStructures.seq(info, cert, GMObjectIdentifiers.sm2sign_with_sm3, new DERBitString(value));
        DERSequence tbs = tbs(seal);

        SesReport report = verify(signature(tbs, SesStructures.sm2(signerKey(), SesStructures.der(tbs))));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.checks()).filteredOn(c -> c.check() == SesCheck.SEAL_SIGNATURE).singleElement()
                .extracting(SesCheckResult::detail).asString().contains("the other reading");
    }

    @Test
    void extDatasTaggedExplicitlyOrImplicitlyThenBothVerify() {
        DERSequence seal = SesStructures.sealV4(sealInfo(), SesFieldByFieldTests.der(pki.maker), pki.maker.keyPair().getPrivate());
        DERSequence extData = SesStructures.seq(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999.38540.1"),
                new DEROctetString("vendor data".getBytes(StandardCharsets.US_ASCII)));
        for (DERTaggedObject ext : List.of(new DERTaggedObject(true, 0, SesStructures.seq(extData)),
                new DERTaggedObject(false, 0, SesStructures.seq(extData)))) {
            DERSequence tbs = tbs(seal, ext);

            SesReport report = verify(signature(tbs, SesStructures.sm2(signerKey(), SesStructures.der(tbs))));

            assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void anUntaggedTimeStampInFifthPlaceThenRead() throws Exception {
        DERSequence seal = SesStructures.sealV4(sealInfo(), SesFieldByFieldTests.der(pki.maker), pki.maker.keyPair().getPrivate());
        DERSequence tbs = tbs(seal);
        byte[] value = SesStructures.sm2(signerKey(), SesStructures.der(tbs));
        byte[] token = SignatureTimeStamper.sm3(TimeStampClient.local(pki.timeStampAuthority())).timeStamp(value);

        SesReport report = verify(signature(tbs, value, new DERBitString(token)));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.timestampVerified()).isTrue();
    }

    @Test
    void aBareRConcatenatedSValueThenVerified() {
        DERSequence seal = SesStructures.sealV4(sealInfo(), SesFieldByFieldTests.der(pki.maker), pki.maker.keyPair().getPrivate());
        DERSequence tbs = tbs(seal);
        ASN1Sequence rs = ASN1Sequence.getInstance(SesStructures.sm2(signerKey(), SesStructures.der(tbs)));
        byte[] raw = new byte[64];
        copy32(ASN1Integer.getInstance(rs.getObjectAt(0)).getValue(), raw, 0);
        copy32(ASN1Integer.getInstance(rs.getObjectAt(1)).getValue(), raw, 32);

        SesReport report = verify(signature(tbs, raw));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void sealDatesInUtcTimeThenRead() {
        DERSequence header = SesStructures.seq(new DERIA5String("ES"), new ASN1Integer(4), new DERIA5String("FujieTest"));
        DERSequence certs = SesStructures.seq(new DEROctetString(SesFieldByFieldTests.der(pki.signer)));
        DERSequence property = SesStructures.seq(new ASN1Integer(1), new org.bouncycastle.asn1.DERUTF8String("章"), new ASN1Integer(1),
                certs, SesStructures.utc(now.minus(Duration.ofDays(1))), SesStructures.utc(now.minus(Duration.ofDays(1))),
                SesStructures.utc(now.plus(Duration.ofDays(1))));
        DERSequence info = SesStructures.seq(header, new DERIA5String("ES-UTC"), property, SesStructures.picture(PNG));
        DERSequence seal = SesStructures.sealV4(info, SesFieldByFieldTests.der(pki.maker), pki.maker.keyPair().getPrivate());
        DERSequence tbs = tbs(seal);

        SesReport report = verify(signature(tbs, SesStructures.sm2(signerKey(), SesStructures.der(tbs))));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.seal().validEnd()).isEqualTo(now.plus(Duration.ofDays(1)));
    }

    @Test
    void aV1TimeInfoHoldingADerGeneralizedTimeThenRead() throws Exception {
        DERSequence seal = SesStructures.sealV1(SesStructures.sealInfoV1("ES-V1-2", List.of(SesFieldByFieldTests.der(pki.signer)),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), PNG), SesFieldByFieldTests.der(pki.maker),
                pki.maker.keyPair().getPrivate());
        DERSequence tbs = SesStructures.seq(new ASN1Integer(1), seal, new DERBitString(SesStructures.generalized(now).getEncoded()),
                new DERBitString(SesDigests.sm3(DOCUMENT)), new DERIA5String("page=1"),
                new DEROctetString(SesFieldByFieldTests.der(pki.signer)), GMObjectIdentifiers.sm2sign_with_sm3);
        DERSequence signature = SesStructures.seq(tbs, new DERBitString(SesStructures.sm2(signerKey(), SesStructures.der(tbs))));

        SesReport report = verify(signature);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signingTime()).isEqualTo(now);
    }

    @Test
    void aV1SealWithAChangedPictureOrAnotherDocumentThenTheNamedCheckFails() {
        DERSequence info = SesStructures.sealInfoV1("ES-V1-3", List.of(SesFieldByFieldTests.der(pki.signer)), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)), PNG.clone());
        DERSequence seal = SesStructures.sealV1(info, SesFieldByFieldTests.der(pki.maker), pki.maker.keyPair().getPrivate());
        byte[] picture = PNG.clone();
        picture[picture.length - 1] ^= 0x01;
        DERSequence altered = SesStructures.seq(SesStructures.sealInfoV1("ES-V1-3", List.of(SesFieldByFieldTests.der(pki.signer)),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), picture), (ASN1Encodable) seal.getObjectAt(1));

        SesReport tampered = verify(SesStructures.signatureV1(altered, now, SesDigests.sm3(DOCUMENT), SesFieldByFieldTests.der(pki.signer),
                signerKey()));
        SesReport otherDocument = pki.verifier().verifySignature(SesStructures.der(SesStructures.signatureV1(seal, now,
                SesDigests.sm3(DOCUMENT), SesFieldByFieldTests.der(pki.signer), signerKey())), "其他".getBytes(StandardCharsets.UTF_8));

        assertThat(tampered.failedCheck()).as(tampered.detail()).isEqualTo(SesCheck.SEAL_SIGNATURE);
        assertThat(otherDocument.failedCheck()).as(otherDocument.detail()).isEqualTo(SesCheck.DOCUMENT_HASH);
        assertThat(otherDocument.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    private static void copy32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
    }
}
