package org.fujie.ca.issuance;

import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.profile.CertificateProfile;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.SubjectAltNames;

/** Everything policy judges: the parsed request, the profile asked for and the CA that would sign. */
public record IssuanceInput(
        CertificateProfile profile,
        CertificateAuthority ca,
        SubjectPublicKeyInfo publicKey,
        KeyAlgorithm keyAlgorithm,
        X500Name subject,
        List<SubjectAltNames.Entry> sans,
        Integer validityDays) {

    public IssuanceInput {
        sans = List.copyOf(sans);
    }
}
