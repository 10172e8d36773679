package org.fujie.pki.csr;

import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.SubjectAltNames;

/** A PKCS#10 request whose signature verified: proof that the requester holds the private key. */
public record ParsedCsr(
        X500Name subject,
        SubjectPublicKeyInfo publicKey,
        KeyAlgorithm keyAlgorithm,
        List<SubjectAltNames.Entry> requestedSans) {

    public ParsedCsr {
        requestedSans = List.copyOf(requestedSans);
    }
}
