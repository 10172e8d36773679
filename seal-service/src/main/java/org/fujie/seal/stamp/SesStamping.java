package org.fujie.seal.stamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.bouncycastle.asn1.ASN1Encoding;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.ses.SesSigner;
import org.fujie.pki.ses.SignatureTimeStamper;
import org.fujie.pki.tsp.TimeStamper;
import org.fujie.pki.x509.Pem;
import org.fujie.seal.eseal.ElectronicSeals;
import org.fujie.seal.seal.Seal;

/**
 * A GB/T 38540 SES_Signature by a seal: its SESeal, the time, the document's SM3 hash and its property information
 * (the file name), signed with the seal's key and, when asked, time-stamped by the TSA over the signature value. Decides
 * nothing: {@link SealStamper} has checked who may stamp with which seal.
 */
public final class SesStamping {

    private final ElectronicSeals eseals;
    private final TimeStamper tsa;

    public SesStamping(ElectronicSeals eseals, TimeStamper tsa) {
        this.eseals = eseals;
        this.tsa = tsa;
    }

    byte[] sign(Seal seal, SigningKey key, byte[] documentSm3, String propertyInfo, Instant time, boolean timeStamped)
            throws TimeStamper.TimeStampException {
        SesSigner signer = new SesSigner(Pem.parseCertificate(seal.certificateDer()), key,
                timeStamped ? SignatureTimeStamper.sm3(tsa) : null);
        try {
            return signer.sign(eseals.of(seal), time, documentSm3, propertyInfo).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
