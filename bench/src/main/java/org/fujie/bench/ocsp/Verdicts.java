package org.fujie.bench.ocsp;

import java.io.IOException;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.fujie.pki.crypto.Verifiers;

/**
 * Judges one OCSP answer against its {@link Probe}: a successful basic response, signed by the CA or
 * by a responder certificate the CA issued for OCSPSigning, for exactly the CertID asked, with the
 * expected status (and reason), current, and with the request's nonce echoed, or none when none was asked.
 * Verified responder certificates are remembered, so a responder that includes its certificate costs
 * one check. Signatures are checked through pki-core's {@link Verifiers}: SM3withSM2 under the
 * deployment's SM2 user ID.
 */
final class Verdicts {

    static final Map<String, Integer> REASONS = Map.of("unspecified", CRLReason.unspecified, "keyCompromise",
            CRLReason.keyCompromise, "cACompromise", CRLReason.cACompromise, "affiliationChanged", CRLReason.affiliationChanged,
            "superseded", CRLReason.superseded, "cessationOfOperation", CRLReason.cessationOfOperation, "certificateHold",
            CRLReason.certificateHold, "privilegeWithdrawn", CRLReason.privilegeWithdrawn);

    private final X509CertificateHolder issuer;
    private final Set<X509CertificateHolder> trustedSigners = new HashSet<>();
    private String signer = "";

    Verdicts(X509CertificateHolder issuer) {
        this.issuer = issuer;
        trustedSigners.add(issuer);
    }

    /** The subject of the last signer seen. */
    String signer() {
        return signer;
    }

    /** The status the answer gives (good, revoked, unknown), after every check above; throws when one fails. */
    String judge(Probe probe, byte[] answer) throws Exception {
        OCSPResp response = new OCSPResp(answer);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new IOException("OCSP response status " + response.getStatus());
        }
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        X509CertificateHolder[] certs = basic.getCerts();
        X509CertificateHolder by = certs.length > 0 ? certs[0] : issuer;
        if (!trustedSigners.contains(by)) {
            checkResponderCertificate(by);
            trustedSigners.add(by);
        }
        signer = by.getSubject().toString();
        if (!basic.isSignatureValid(Verifiers.of(by.getSubjectPublicKeyInfo()))) {
            throw new IOException("response signature does not verify under " + by.getSubject());
        }
        SingleResp[] singles = basic.getResponses();
        if (singles.length != 1) {
            throw new IOException(singles.length + " SingleResponses for one request");
        }
        SingleResp single = singles[0];
        CertificateID id = single.getCertID();
        CertificateID asked = Probe.certificateId(issuer, probe.serial());
        if (!id.getSerialNumber().equals(probe.serial()) || !id.getHashAlgOID().equals(asked.getHashAlgOID())
                || !Arrays.equals(id.getIssuerNameHash(), asked.getIssuerNameHash())
                || !Arrays.equals(id.getIssuerKeyHash(), asked.getIssuerKeyHash())) {
            throw new IOException("answer for another CertID (serial " + id.getSerialNumber().toString(16) + ")");
        }
        Date now = new Date();
        if (single.getThisUpdate().getTime() > now.getTime() + 300_000) {
            throw new IOException("thisUpdate in the future: " + single.getThisUpdate());
        }
        if (single.getNextUpdate() != null && single.getNextUpdate().before(now)) {
            throw new IOException("nextUpdate in the past: " + single.getNextUpdate());
        }
        byte[] askedNonce = probe.nonce();
        Extension nonce = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (askedNonce == null && nonce != null) {
            throw new IOException("a nonce in the answer to a request without one");
        }
        if (askedNonce != null && (nonce == null || !Arrays.equals(nonce.getExtnValue().getOctets(), askedNonce))) {
            throw new IOException("the answer does not echo the request's nonce");
        }
        CertificateStatus status = single.getCertStatus();
        String kind = status == CertificateStatus.GOOD ? "good" : status instanceof RevokedStatus ? "revoked"
                : status instanceof UnknownStatus ? "unknown" : status.getClass().getSimpleName();
        if (!kind.equals(probe.kind())) {
            throw new IOException("says " + kind + " for a " + probe.kind() + " certificate");
        }
        if (status instanceof RevokedStatus revoked) {
            int expected = REASONS.get(probe.reason());
            int got = revoked.hasRevocationReason() ? revoked.getRevocationReason() : -1;
            if (got != expected) {
                throw new IOException("revocation reason " + got + ", expected " + expected + " (" + probe.reason() + ")");
            }
        }
        return kind;
    }

    private void checkResponderCertificate(X509CertificateHolder responder) throws Exception {
        if (!responder.getIssuer().equals(issuer.getSubject())
                || !responder.isSignatureValid(Verifiers.of(issuer.getSubjectPublicKeyInfo()))) {
            throw new IOException("responder certificate " + responder.getSubject() + " not issued by " + issuer.getSubject());
        }
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            throw new IOException("responder certificate " + responder.getSubject() + " lacks the OCSPSigning EKU");
        }
        if (!responder.isValidOn(new Date())) {
            throw new IOException("responder certificate " + responder.getSubject() + " is not valid now");
        }
    }
}
