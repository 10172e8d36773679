package org.fujie.pki.csr;

import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.Sm2;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SubjectAltNames;

/**
 * Parses untrusted PKCS#10 requests (RFC 2986) defensively: the size is checked before any parsing,
 * the structure is parsed by Bouncy Castle's ASN.1 reader, and the self-signature must verify.
 */
public final class CsrParser {

    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    private final int maxPemLength;

    public CsrParser(int maxPemLength) {
        this.maxPemLength = maxPemLength;
        CryptoProviders.bouncyCastle();
    }

    public ParsedCsr parse(String pem) throws CsrException {
        if (pem == null || pem.isBlank()) {
            throw new CsrException(CsrException.Reason.MALFORMED, "the CSR is empty");
        }
        if (pem.length() > maxPemLength) {
            throw new CsrException(CsrException.Reason.TOO_LARGE,
                    "the CSR has " + pem.length() + " characters; at most " + maxPemLength + " are accepted");
        }
        PKCS10CertificationRequest request = decode(pem);
        KeyAlgorithm algorithm = KeyAlgorithm.of(request.getSubjectPublicKeyInfo())
                .orElseThrow(() -> new CsrException(CsrException.Reason.UNSUPPORTED_KEY,
                        "the CSR's public key is of an unsupported algorithm or size"));
        if (!signatureVerifies(request)) {
            throw new CsrException(CsrException.Reason.SIGNATURE_INVALID,
                    "the CSR's signature does not verify (no proof of possession of the private key)");
        }
        return new ParsedCsr(request.getSubject(), request.getSubjectPublicKeyInfo(), algorithm, requestedSans(request));
    }

    private static PKCS10CertificationRequest decode(String pem) throws CsrException {
        try {
            List<byte[]> blocks = Pem.decodeAll(pem, "CERTIFICATE REQUEST");
            if (blocks.isEmpty()) {
                blocks = Pem.decodeAll(pem, "NEW CERTIFICATE REQUEST");
            }
            byte[] der = blocks.isEmpty() ? Base64.getMimeDecoder().decode(pem.strip()) : blocks.get(0);
            return new PKCS10CertificationRequest(der);
        } catch (Exception e) {
            throw new CsrException(CsrException.Reason.MALFORMED, "the CSR is not a PEM or base64 PKCS#10 request");
        }
    }

    /**
     * Verifies the proof of possession once, with a plain JCA Signature: Bouncy Castle's
     * JcaContentVerifierProviderBuilder verifies ECDSA signatures twice (its RawSigVerifier), which was
     * 15 % of the service's CPU per issuance. Signature algorithms with parameters (RSA-PSS) still go
     * through the builder, which knows how to apply them; SM2 through Sm2, for the deployment's user ID.
     */
    private static boolean signatureVerifies(PKCS10CertificationRequest request) {
        AlgorithmIdentifier algorithm = request.getSignatureAlgorithm();
        try {
            if (Sm2.isSm2(request.getSubjectPublicKeyInfo())) {
                return request.isSignatureValid(Sm2.verifierProvider(BouncyCastleProvider.getPublicKey(request.getSubjectPublicKeyInfo())));
            }
            if (algorithm.getParameters() != null && !DERNull.INSTANCE.equals(algorithm.getParameters())) {
                return request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                        .setProvider(CryptoProviders.bouncyCastle())
                        .build(request.getSubjectPublicKeyInfo()));
            }
            Signature signature = Signature.getInstance(NAMES.getAlgorithmName(algorithm), CryptoProviders.bouncyCastle());
            signature.initVerify(BouncyCastleProvider.getPublicKey(request.getSubjectPublicKeyInfo()));
            signature.update(request.toASN1Structure().getCertificationRequestInfo().getEncoded(ASN1Encoding.DER));
            return signature.verify(request.getSignature());
        } catch (Exception e) {
            return false;
        }
    }

    private static List<SubjectAltNames.Entry> requestedSans(PKCS10CertificationRequest request) throws CsrException {
        List<SubjectAltNames.Entry> sans = new ArrayList<>();
        try {
            for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                if (attribute.getAttrValues().size() == 0) {
                    continue;
                }
                Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
                GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
                if (names != null) {
                    for (GeneralName name : names.getNames()) {
                        sans.add(SubjectAltNames.fromGeneralName(name));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CsrException(CsrException.Reason.MALFORMED, "the CSR's requested extensions are malformed: " + e.getMessage());
        }
        return sans;
    }
}
