package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.validation.RevocationFinding.Status;
import org.fujie.pki.validation.RevocationSource.RevocationUnavailableException;

/**
 * Who may sign an OCSP answer about a certificate (RFC 6960 4.2.2.2): the issuing CA itself, or a
 * responder whose certificate that CA issued with the id-kp-OCSPSigning purpose. The delegate's own
 * revocation is not checked when it carries id-pkix-ocsp-nocheck (4.2.2.2.1); otherwise it is asked of
 * the CA's CRL (never of OCSP, which would ask the responder about itself), and an answer signed by a
 * responder that cannot be shown good is refused.
 */
public final class OcspResponderTrust {

    private final RevocationSource responderStatus;

    /** @param responderStatus checks delegates without nocheck (a {@link CrlClient}); null refuses such delegates */
    public OcspResponderTrust(RevocationSource responderStatus) {
        this.responderStatus = responderStatus;
    }

    /** Returns normally when the answer is signed by the issuer or a delegate it authorised at now. */
    public void verify(BasicOCSPResp response, X509Certificate issuer, Instant now) throws RevocationUnavailableException {
        try {
            X509CertificateHolder issuerHolder = new X509CertificateHolder(issuer.getEncoded());
            RespID responderId = response.getResponderId();
            if (names(responderId, issuerHolder)) {
                requireSignature(response, issuer);
                return;
            }
            for (X509CertificateHolder candidate : response.getCerts()) {
                if (names(responderId, candidate)) {
                    X509Certificate delegate = new JcaX509CertificateConverter()
                            .setProvider(CryptoProviders.bouncyCastle()).getCertificate(candidate);
                    checkDelegate(delegate, issuer, now);
                    requireSignature(response, delegate);
                    return;
                }
            }
        } catch (RevocationUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new RevocationUnavailableException("cannot check the OCSP responder: " + e.getMessage());
        }
        throw new RevocationUnavailableException("the OCSP answer is signed neither by the issuer nor by a responder it sent");
    }

    private void checkDelegate(X509Certificate delegate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException {
        String who = "OCSP responder " + CertificateFields.subject(delegate);
        if (!delegate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                || !PathBuilder.SIGNATURES.signedBy(delegate, issuer.getPublicKey())) {
            throw new RevocationUnavailableException(who + " is not issued by the certificate's issuer");
        }
        if (!CertificateFields.extendedKeyUsages(delegate).contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
            throw new RevocationUnavailableException(who + " lacks the OCSPSigning purpose");
        }
        try {
            delegate.checkValidity(Date.from(now));
        } catch (Exception e) {
            throw new RevocationUnavailableException(who + " is not valid now");
        }
        if (CertificateFields.hasOcspNoCheck(delegate)) {
            return;
        }
        if (responderStatus == null) {
            throw new RevocationUnavailableException(who + " has no id-pkix-ocsp-nocheck and cannot be checked");
        }
        RevocationFinding finding = responderStatus.check(delegate, issuer, now);
        boolean current = finding.nextUpdate() == null || !now.isAfter(finding.nextUpdate());
        if (finding.status() != Status.GOOD || !current) {
            throw new RevocationUnavailableException(who + " is not known good: " + finding.detail());
        }
    }

    private static void requireSignature(BasicOCSPResp response, X509Certificate signer)
            throws RevocationUnavailableException {
        boolean valid;
        try {
            valid = response.isSignatureValid(Verifiers.of(signer.getPublicKey()));
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new RevocationUnavailableException("the OCSP answer has a bad signature");
        }
    }

    /** RFC 6960 4.2.2.3: the responder is named by its subject or by the SHA-1 hash of its public key. */
    private static boolean names(RespID responderId, X509CertificateHolder certificate) throws Exception {
        X500Name subject = certificate.getSubject();
        if (responderId.equals(new RespID(subject))) {
            return true;
        }
        return responderId.equals(new RespID(certificate.getSubjectPublicKeyInfo(),
                new JcaDigestCalculatorProviderBuilder().build().get(RespID.HASH_SHA1)));
    }

}
