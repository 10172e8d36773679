package org.fujie.pki.ses;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

import org.bouncycastle.operator.ContentSigner;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.tsp.TimeStamper;

/**
 * Stamps: makes a GB/T 38540 (v4) SES_Signature with a keeper's key over TBS_Sign { 4, seal, time, dataHash, propertyInfo },
 * then, when a time-stamper is given, time-stamps the signature value. It knows no policy: whether this keeper may use
 * this seal now is seal-service's decision, taken before; the verifier checks the seal lists the signer.
 */
public final class SesSigner {

    private final byte[] signerCertificate;
    private final SigningKey key;
    private final SignatureTimeStamper timeStamper;

    /** @param timeStamper null for a signature without time-stamp */
    public SesSigner(X509Certificate signerCertificate, SigningKey key, SignatureTimeStamper timeStamper) {
        this.key = Objects.requireNonNull(key, "key");
        this.timeStamper = timeStamper;
        try {
            this.signerCertificate = signerCertificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the signer certificate cannot be encoded", e);
        }
        if (!SealMaker.keyMatches(signerCertificate, key)) {
            throw new IllegalArgumentException("the signing key is not the signer certificate's");
        }
    }

    /**
     * @param dataHash the document's hash, SM3 for an SM2 signer ({@link SesDigests#sm3})
     * @param propertyInfo what is signed (GB/T 38540: at least the protected range), IA5 text
     * @throws TimeStamper.TimeStampException when a time-stamp was asked for and none could be had
     */
    public SesSignature sign(SesSeal seal, Instant time, byte[] dataHash, String propertyInfo) throws TimeStamper.TimeStampException {
        if (seal.version() != SesVersion.V4) {
            throw new IllegalArgumentException("TBS_Sign's version follows the seal's; Fujie stamps with v4 seals only");
        }
        if (dataHash.length == 0) {
            throw new IllegalArgumentException("no data hash");
        }
        TbsSign toSign = TbsSign.v4(seal, time, dataHash, propertyInfo);
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(SesSeal.der(toSign));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] value = signer.getSignature();
        byte[] token = timeStamper == null ? null : timeStamper.timeStamp(value);
        return new SesSignature(toSign, signerCertificate, signer.getAlgorithmIdentifier().getAlgorithm(), value, token);
    }
}
