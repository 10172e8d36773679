package org.fujie.pki.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Fingerprints;

/**
 * How to sign OCSP responses as one delegated responder (RFC 6960 4.2.2.2): responder ID by key hash
 * (RFC 5019 2.2.2 recommends it), the responder's certificate in {@code certs} so clients can check
 * the delegation, the nonce echoed when one was asked. It states what it is given; it decides nothing.
 */
public final class OcspResponseSigner {

    private final SigningKey key;
    private final X509CertificateHolder[] certificates;
    private final RespID responderId;

    public OcspResponseSigner(SigningKey key, X509CertificateHolder responderCertificate) {
        this.key = key;
        this.certificates = new X509CertificateHolder[] {responderCertificate};
        this.responderId = responderId(responderCertificate);
    }

    public X509CertificateHolder certificate() {
        return certificates[0];
    }

    /** A successful response with one SingleResponse per answer; nonceExtensionValue is echoed as received, or null. */
    public byte[] sign(List<OcspAnswer> answers, byte[] nonceExtensionValue, Date producedAt) {
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responderId);
        for (OcspAnswer answer : answers) {
            builder.addResponse(answer.id(), status(answer), Date.from(answer.thisUpdate()), Date.from(answer.nextUpdate()),
                    singleExtensions(answer));
        }
        if (nonceExtensionValue != null) {
            builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonceExtensionValue))));
        }
        try {
            BasicOCSPResp basic = builder.build(key.newContentSigner(), certificates, producedAt);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException e) {
            throw new IllegalStateException("cannot build an OCSP response", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unsuccessful response (RFC 6960 4.2.1): no body, not signed. */
    public static byte[] error(int status) {
        try {
            return new OCSPResp(new org.bouncycastle.asn1.ocsp.OCSPResponse(
                    new org.bouncycastle.asn1.ocsp.OCSPResponseStatus(status), null)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CertificateStatus status(OcspAnswer answer) {
        return switch (answer.status()) {
            case GOOD -> CertificateStatus.GOOD;
            case UNKNOWN -> new UnknownStatus();
            case REVOKED -> answer.reason() == null
                    ? new RevokedStatus(Date.from(answer.revokedAt()))
                    : new RevokedStatus(Date.from(answer.revokedAt()), answer.reason().code());
        };
    }

    /** RFC 6960 4.4.5: CRL entry extensions may be single extensions; the invalidity date helps signature validation. */
    private static Extensions singleExtensions(OcspAnswer answer) {
        if (answer.invalidityDate() == null) {
            return null;
        }
        return new Extensions(new Extension(Extension.invalidityDate, false,
                encoded(new ASN1GeneralizedTime(Date.from(answer.invalidityDate())))));
    }

    /** RFC 6960 4.2.2.3 byKey: SHA-1 of the responder's subjectPublicKey BIT STRING value. */
    private static RespID responderId(X509CertificateHolder certificate) {
        byte[] keyHash = Fingerprints.digest("SHA-1", certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
        return new RespID(new ResponderID(new DEROctetString(keyHash)));
    }

    private static byte[] encoded(org.bouncycastle.asn1.ASN1Object value) {
        try {
            return value.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
