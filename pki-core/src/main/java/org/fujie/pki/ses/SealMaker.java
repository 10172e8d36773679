package org.fujie.pki.ses;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.fujie.pki.operator.SigningKey;

/**
 * Makes GB/T 38540 (v4) seals: builds SES_SealInfo from a {@link SealDescription} and signs its DER with the maker's key
 * (see {@link SesSeal#signedContent()}). It knows no policy: who may keep a seal and for how long was decided before.
 * Thread-safe; each seal gets a fresh ContentSigner.
 */
public final class SealMaker {

    private final byte[] makerCertificate;
    private final SigningKey key;

    public SealMaker(X509Certificate makerCertificate, SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
        try {
            this.makerCertificate = makerCertificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the maker certificate cannot be encoded", e);
        }
        if (!keyMatches(makerCertificate, key)) {
            throw new IllegalArgumentException("the signing key is not the maker certificate's");
        }
    }

    public SesSeal make(SealDescription description) {
        SesPropertyInfo property = new SesPropertyInfo(SesVersion.V4, description.type(), description.name(), description.keepers(),
                description.created(), description.validStart(), description.validEnd());
        SesSealInfo info = new SesSealInfo(new SesHeader(SesVersion.V4.number(), description.vendorId()), description.esId(),
                property, description.picture(), null);
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(SesSeal.der(info));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] value = signer.getSignature();
        return new SesSeal(SesVersion.V4, info, makerCertificate, signer.getAlgorithmIdentifier().getAlgorithm(), value);
    }

    /** Something signed by another key than its certificate's could never verify; refused before signing. */
    static boolean keyMatches(X509Certificate certificate, SigningKey key) {
        try {
            return Arrays.equals(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()).getEncoded("DER"),
                    key.publicKeyInfo().getEncoded("DER"));
        } catch (IOException e) {
            return false;
        }
    }
}
