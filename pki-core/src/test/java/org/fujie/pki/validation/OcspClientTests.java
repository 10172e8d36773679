package org.fujie.pki.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.Req;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.ocsp.OcspAnswer;
import org.fujie.pki.ocsp.OcspResponseSigner;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.validation.RevocationFinding.Status;
import org.fujie.pki.validation.RevocationSource.RevocationUnavailableException;
import org.fujie.pki.x509.Extensions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OCSP client against responses signed by pki-core's OcspResponseSigner, served over HTTP. */
class OcspClientTests {

    private static final String CUSTOM = "/ocsp/custom";

    private final TestPki pki = new TestPki();
    private final HttpFetcher fetcher = new JdkHttpFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        pki.close();
    }

    private OcspClient client(boolean nonce) {
        CrlClient crls = new CrlClient(fetcher, new RevocationCache<X509CRLHolder>(10), 1 << 20, Duration.ofMinutes(5));
        return new OcspClient(fetcher, new RevocationCache<RevocationFinding>(10), new OcspResponderTrust(crls), nonce,
                64 * 1024, Duration.ofMinutes(5));
    }

    private Issued leafAskingCustom() {
        return pki.leaf("ocsp.example", pki.clock.instant().minus(Duration.ofDays(1)), pki.clock.instant().plus(Duration.ofDays(1)),
                TestPki.leafExtensions(pki.server.url(CUSTOM), null, null, TestPki.DOCUMENT_SIGNING));
    }

    /** Serves CUSTOM with answers signed by the signer, for the CertID the function picks. */
    private void serve(OcspResponseSigner signer, Function<CertificateID, CertificateID> answeredId, boolean echoNonce,
            byte[] forcedNonce) {
        pki.server.handle(CUSTOM, "application/ocsp-response", body -> {
            try {
                OCSPReq request = new OCSPReq(body);
                Instant thisUpdate = pki.clock.instant().minus(Duration.ofMinutes(1));
                List<OcspAnswer> answers = new ArrayList<>();
                for (Req one : request.getRequestList()) {
                    answers.add(OcspAnswer.good(answeredId.apply(one.getCertID()), thisUpdate, thisUpdate.plus(Duration.ofHours(1))));
                }
                Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
                byte[] echoed = forcedNonce != null ? forcedNonce
                        : echoNonce && nonce != null ? nonce.getExtnValue().getOctets() : null;
                return signer.sign(answers, echoed, Date.from(pki.clock.instant()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Issued delegate(Issued issuer, KeyPurposeId purpose, boolean noCheck, String crlUrl) {
        List<Extension> extensions = new ArrayList<>(List.of(
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature)),
                Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(purpose))));
        if (noCheck) {
            extensions.add(Extensions.nonCritical(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, org.bouncycastle.asn1.DERNull.INSTANCE));
        }
        extensions.addAll(TestPki.pointers(null, crlUrl, null));
        return TestPki.issue(issuer, "CN=Delegate " + purpose.getId() + ",O=Fujie Test",
                pki.clock.instant().minus(Duration.ofDays(1)), pki.clock.instant().plus(Duration.ofDays(1)), extensions);
    }

    private RevocationFinding check(OcspClient client, Issued leaf) throws RevocationUnavailableException {
        return client.check(leaf.x509(), pki.issuing.x509(), pki.clock.instant());
    }

    @Test
    void certificateIdWhenIssuerHashesAreRememberedThenEqualToOneComputedAnew() throws Exception {
        Issued first = leafAskingCustom();
        Issued second = leafAskingCustom();
        for (Issued[] pair : new Issued[][] {{first, pki.issuing}, {second, pki.issuing}, {pki.issuing, pki.root}, {first, pki.issuing}}) {
            CertificateID expected = new CertificateID(
                    new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    pair[1].certificate(), pair[0].certificate().getSerialNumber());
            assertThat(OcspClient.certificateId(pair[0].x509(), pair[1].x509())).isEqualTo(expected);
        }
        assertThat(OcspClient.certificateId(first.x509(), pki.issuing.x509()))
                .isNotEqualTo(OcspClient.certificateId(second.x509(), pki.issuing.x509()));
    }

    @Test
    void checkWhenSignedByTheIssuerItselfThenAccepted() throws Exception {
        serve(new OcspResponseSigner(pki.issuing.signingKey(), pki.issuing.certificate()), id -> id, false, null);

        RevocationFinding finding = check(client(false), leafAskingCustom());

        assertThat(finding.status()).isEqualTo(Status.GOOD);
        assertThat(finding.source()).isEqualTo(RevocationFinding.Source.OCSP);
    }

    @Test
    void checkWhenDelegateLacksOcspSigningThenRefused() {
        Issued delegate = delegate(pki.issuing, KeyPurposeId.id_kp_clientAuth, true, null);
        serve(new OcspResponseSigner(delegate.signingKey(), delegate.certificate()), id -> id, false, null);

        assertThatThrownBy(() -> check(client(false), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("lacks the OCSPSigning purpose");
    }

    @Test
    void checkWhenDelegateIssuedByAnotherCaThenRefused() {
        Issued delegate = delegate(pki.root, KeyPurposeId.id_kp_OCSPSigning, true, null);
        serve(new OcspResponseSigner(delegate.signingKey(), delegate.certificate()), id -> id, false, null);

        assertThatThrownBy(() -> check(client(false), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("is not issued by the certificate's issuer");
    }

    @Test
    void checkWhenDelegateWithoutNoCheckThenItsCrlDecides() throws Exception {
        Issued delegate = delegate(pki.issuing, KeyPurposeId.id_kp_OCSPSigning, false, pki.server.url(TestPki.ISSUING_CRL));
        serve(new OcspResponseSigner(delegate.signingKey(), delegate.certificate()), id -> id, false, null);
        Issued leaf = leafAskingCustom();

        assertThat(check(client(false), leaf).status()).isEqualTo(Status.GOOD);
        assertThat(pki.server.count(TestPki.ISSUING_CRL)).isEqualTo(1);

        pki.revoke(delegate, pki.clock.instant().minus(Duration.ofMinutes(5)), RevocationReason.KEY_COMPROMISE);
        assertThatThrownBy(() -> check(client(false), leaf)).isInstanceOf(RevocationUnavailableException.class)
                .hasMessageContaining("is not known good");
    }

    @Test
    void checkWhenSignatureDoesNotMatchTheIssuerKeyThenRefused() {
        Issued impostor = delegate(pki.root, KeyPurposeId.id_kp_OCSPSigning, true, null);
        // Names the issuing CA (key hash of its certificate) but signs with another key.
        serve(new OcspResponseSigner(impostor.signingKey(), pki.issuing.certificate()), id -> id, false, null);

        assertThatThrownBy(() -> check(client(false), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("bad signature");
    }

    @Test
    void checkWhenAnswerIsForAnotherCertificateThenRefused() {
        serve(new OcspResponseSigner(pki.responder.signingKey(), pki.responder.certificate()),
                id -> {
                    CertID c = id.toASN1Primitive();
                    return new CertificateID(new CertID(c.getHashAlgorithm(), c.getIssuerNameHash(), c.getIssuerKeyHash(),
                            new ASN1Integer(id.getSerialNumber().add(BigInteger.ONE))));
                },
                false, null);

        assertThatThrownBy(() -> check(client(false), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("answered for another certificate");
    }

    @Test
    void checkWhenNonceSentThenEchoMustMatch() throws Exception {
        OcspResponseSigner signer = new OcspResponseSigner(pki.responder.signingKey(), pki.responder.certificate());
        serve(signer, id -> id, true, null);
        assertThat(check(client(true), leafAskingCustom()).status()).isEqualTo(Status.GOOD);

        serve(signer, id -> id, false, new org.bouncycastle.asn1.DEROctetString(new byte[16]).getEncoded());
        assertThatThrownBy(() -> check(client(true), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("another nonce");
    }

    @Test
    void checkWhenResponderSaysTryLaterThenUnavailable() {
        pki.server.handle(CUSTOM, "application/ocsp-response", body -> OcspResponseSigner.error(OCSPResp.TRY_LATER));

        assertThatThrownBy(() -> check(client(false), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("status 3");
    }

    @Test
    void checkWhenBodyIsNotOcspThenUnavailable() {
        pki.server.handle(CUSTOM, "application/ocsp-response", body -> new byte[] {0x30, 0x03, 0x02, 0x01});

        assertThatThrownBy(() -> check(client(false), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("sent no OCSP response");
    }
}
