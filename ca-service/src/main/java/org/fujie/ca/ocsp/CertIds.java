package org.fujie.ca.ocsp;

import java.math.BigInteger;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** CertIDs as RFC 5019 clients build them: SHA-1, parameters NULL (as OpenSSL, Java and Bouncy Castle encode them). */
final class CertIds {

    private CertIds() {
    }

    static CertificateID sha1(X509CertificateHolder issuer, BigInteger serial) {
        try {
            DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE));
            return new CertificateID(sha1, issuer, serial);
        } catch (OperatorCreationException | OCSPException e) {
            throw new IllegalStateException("SHA-1 is missing", e);
        }
    }
}
