package org.fujie.pki.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.tsp.TimeStampClient;
import org.fujie.pki.validation.Indication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the standards' ASN.1 as the test reads it ({@link SesStructures}: Bouncy Castle primitives, low-level
 * SM2Signer), both ways: what the test builds, SesVerifier passes; what SealMaker and SesSigner build, the test reads back
 * field by field, and OpenSSL parses.
 */
class SesFieldByFieldTests {

    static final byte[] PNG = "\u0089PNG\r\n\u001a\n a picture of a round red seal".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] DOCUMENT = "合同正文 the contract".getBytes(StandardCharsets.UTF_8);

    static SesTestPki pki;

    @BeforeAll
    static void pki() {
        pki = new SesTestPki();
    }

    static byte[] der(Issued issued) {
        try {
            return issued.certificate().getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void v4SealAndSignatureBuiltFieldByFieldThenVerified() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DERSequence seal = SesStructures.sealV4(SesStructures.sealInfoV4("ES-V4-1", List.of(der(pki.signer)), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), PNG), der(pki.maker), pki.maker.keyPair().getPrivate());
        DERSequence signature = SesStructures.signatureV4(seal, now, SesDigests.sm3(DOCUMENT), der(pki.signer),
                pki.signer.keyPair().getPrivate(), null);

        SesReport report = pki.verifier().verifySignature(SesStructures.der(signature), DOCUMENT);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.checks()).extracting(SesCheckResult::check).containsExactly(SesCheck.FORMAT, SesCheck.SIGNATURE_VALUE,
                SesCheck.SIGNER_IN_SEAL, SesCheck.SEAL_SIGNATURE, SesCheck.MAKER_CHAIN, SesCheck.MAKER_VALIDITY,
                SesCheck.MAKER_REVOCATION, SesCheck.MAKER_KEY_USAGE, SesCheck.SEAL_VALIDITY, SesCheck.SIGNER_CHAIN,
                SesCheck.SIGNER_VALIDITY, SesCheck.SIGNER_REVOCATION, SesCheck.SIGNER_KEY_USAGE, SesCheck.DOCUMENT_HASH);
        assertThat(report.seal().version()).isEqualTo(SesVersion.V4);
        assertThat(report.seal().esId()).isEqualTo("ES-V4-1");
        assertThat(report.seal().name()).isEqualTo("测试单位公章");
        assertThat(report.seal().maker()).contains("CN=Seal Maker");
        assertThat(report.signer()).contains("CN=Zhang San");
        assertThat(report.signingTime()).isEqualTo(now);
        assertThat(pki.verifier().verifySeal(SesStructures.der(seal), null).valid()).isTrue();
    }

    @Test
    void v1SealAndSignatureBuiltFieldByFieldThenVerified() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DERSequence seal = SesStructures.sealV1(SesStructures.sealInfoV1("ES-V1-1", List.of(der(pki.signer)), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), PNG), der(pki.maker), pki.maker.keyPair().getPrivate());
        DERSequence signature = SesStructures.signatureV1(seal, now, SesDigests.sm3(DOCUMENT), der(pki.signer),
                pki.signer.keyPair().getPrivate());

        SesReport report = pki.verifier().verifySignature(SesStructures.der(signature), DOCUMENT);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.seal().version()).isEqualTo(SesVersion.V1);
        assertThat(report.seal().headerVersion()).isEqualTo(1);
        assertThat(report.signingTime()).isEqualTo(now);
        assertThat(report.checks()).filteredOn(c -> c.check() == SesCheck.SEAL_SIGNATURE).singleElement()
                .extracting(SesCheckResult::detail).asString().contains("SEQUENCE { SES_SealInfo, cert, algorithm }");
        SesReport sealAlone = pki.verifier().verifySeal(SesStructures.der(seal), null);
        assertThat(sealAlone.indication()).as(sealAlone.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(sealAlone.seal().version()).isEqualTo(SesVersion.V1);
    }

    @Test
    void v4SignatureWithAnImplicitlyTaggedTimeStampThenRead() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DERSequence seal = SesStructures.sealV4(SesStructures.sealInfoV4("ES-V4-2", List.of(der(pki.signer)), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), PNG), der(pki.maker), pki.maker.keyPair().getPrivate());
        DERSequence explicit = SesStructures.signatureV4(seal, now, SesDigests.sm3(DOCUMENT), der(pki.signer),
                pki.signer.keyPair().getPrivate(), null);
        byte[] value = DERBitString.getInstance(explicit.getObjectAt(3)).getOctets();
        byte[] token = SignatureTimeStamper.sm3(TimeStampClient.local(pki.timeStampAuthority())).timeStamp(value);
        DERSequence implicit = SesStructures.seq(explicit.getObjectAt(0), explicit.getObjectAt(1), explicit.getObjectAt(2),
                explicit.getObjectAt(3), new DERTaggedObject(false, 0, new DERBitString(token)));

        SesReport report = pki.verifier().verifySignature(SesStructures.der(implicit), DOCUMENT);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.timestampVerified()).isTrue();
    }

    @Test
    void madeByTheBuildersThenReadFieldByFieldAndParsedByOpenSsl(@TempDir Path directory) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SesSeal seal = new SealMaker(pki.maker.x509(), pki.maker.signingKey()).make(new SealDescription("FujieTest", "ES-MADE-1", 2,
                "财务专用章", SesCertList.ofCertificates(List.of(der(pki.signer))), now, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), new SesPictureInfo("PNG", PNG, 42, 42)));
        byte[] sealDer = seal.getEncoded("DER");

        SesStructures.ReadSeal read = SesStructures.ReadSeal.of(sealDer);
        assertThat(read.id()).isEqualTo("ES");
        assertThat(read.headerVersion()).isEqualTo(4);
        assertThat(read.vendorId()).isEqualTo("FujieTest");
        assertThat(read.esId()).isEqualTo("ES-MADE-1");
        assertThat(read.type()).isEqualTo(2);
        assertThat(read.name()).isEqualTo("财务专用章");
        assertThat(read.certListType()).isEqualTo(1);
        assertThat(read.certs()).singleElement().isEqualTo(der(pki.signer));
        assertThat(read.pictureType()).isEqualTo("PNG");
        assertThat(read.picture()).isEqualTo(PNG);
        assertThat(read.makerCert()).isEqualTo(der(pki.maker));
        assertThat(read.algorithm()).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3.getId());
        // The maker's value is over the DER of SES_SealInfo, as the test (not the ses package) forms it.
        ASN1Sequence info = ASN1Sequence.getInstance(ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(sealDer)).getObjectAt(0));
        assertThat(SesSignatureValues.verifies(pki.maker.x509(), GMObjectIdentifiers.sm2sign_with_sm3, SesStructures.der(info),
                read.value())).isTrue();

        SesSignature signature = new SesSigner(pki.signer.x509(), pki.signer.signingKey(),
                SignatureTimeStamper.sm3(TimeStampClient.local(pki.timeStampAuthority()))).sign(seal, now, SesDigests.sm3(DOCUMENT), "page=1");
        byte[] signatureDer = signature.getEncoded("DER");
        ASN1Sequence top = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signatureDer));
        assertThat(top.size()).isEqualTo(5);
        ASN1Sequence tbs = ASN1Sequence.getInstance(top.getObjectAt(0));
        assertThat(tbs.getObjectAt(1).toASN1Primitive()).isEqualTo(ASN1Primitive.fromByteArray(sealDer));
        assertThat(DERGeneralizedTime.getInstance(tbs.getObjectAt(2)).getDate().toInstant()).isEqualTo(now);
        assertThat(DERBitString.getInstance(tbs.getObjectAt(3)).getOctets()).isEqualTo(SesDigests.sm3(DOCUMENT));
        assertThat(DERIA5String.getInstance(tbs.getObjectAt(4)).getString()).isEqualTo("page=1");
        assertThat(DEROctetString.getInstance(top.getObjectAt(1)).getOctets()).isEqualTo(der(pki.signer));
        assertThat(top.getObjectAt(4)).isInstanceOfSatisfying(org.bouncycastle.asn1.ASN1TaggedObject.class,
                t -> assertThat(t.isExplicit()).isTrue());
        assertThat(SesSignatureValues.verifies(pki.signer.x509(), GMObjectIdentifiers.sm2sign_with_sm3, SesStructures.der(tbs),
                DERBitString.getInstance(top.getObjectAt(3)).getOctets())).isTrue();

        SesReport report = pki.verifier().verifySignature(signatureDer, DOCUMENT);
        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.failedCheck()).isNull();
        assertThat(report.timestampVerified()).isTrue();
        assertThat(report.checks()).extracting(SesCheckResult::check).endsWith(SesCheck.DOCUMENT_HASH, SesCheck.TIME_STAMP);

        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("seal.der", sealDer);
        openssl.write("signature.der", signatureDer);
        assertThat(openssl.run("asn1parse", "-inform", "DER", "-in", "seal.der")).contains(":ES", ":FujieTest", ":ES-MADE-1",
                "GENERALIZEDTIME", "BIT STRING");
        assertThat(openssl.run("asn1parse", "-inform", "DER", "-in", "signature.der")).contains(":page=1", "cont [ 0 ]");
        // OpenSSL, not Bouncy Castle, checks both SM2 values over the bytes the test says are signed (GM/T 0009 default ID).
        openssl.write("maker.pem", pki.maker.pem());
        openssl.write("maker-key.pem", openssl.publicKeyOfCertificate("maker.pem"));
        openssl.write("seal-info.der", SesStructures.der(info));
        openssl.write("seal-value.der", read.value());
        assertThat(openssl.verifySignature(KeyAlgorithm.SM2, "maker-key.pem", "seal-info.der", "seal-value.der").exitCode()).isZero();
        openssl.write("signer.pem", pki.signer.pem());
        openssl.write("signer-key.pem", openssl.publicKeyOfCertificate("signer.pem"));
        openssl.write("tbs.der", SesStructures.der(tbs));
        openssl.write("signature-value.der", DERBitString.getInstance(top.getObjectAt(3)).getOctets());
        assertThat(openssl.verifySignature(KeyAlgorithm.SM2, "signer-key.pem", "tbs.der", "signature-value.der").exitCode()).isZero();
        openssl.write("other.der", new byte[] {1, 2, 3});
        assertThat(openssl.verifySignature(KeyAlgorithm.SM2, "signer-key.pem", "other.der", "signature-value.der").exitCode()).isNotZero();
    }
}
