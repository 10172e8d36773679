package org.fujie.ca.issuance;

import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.profile.CertificateProfile;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.IdentityExtension;
import org.fujie.pki.x509.SubjectAltNames;

/** Everything policy judges: the parsed request, the profile asked for and the CA that would sign. */
public record IssuanceInput(
        CertificateProfile profile,
        CertificateAuthority ca,
        SubjectPublicKeyInfo publicKey,
        KeyAlgorithm keyAlgorithm,
        X500Name subject,
        List<SubjectAltNames.Entry> sans,
        Map<IdentityExtension, String> identity,
        Integer validityDays) {

    public IssuanceInput {
        sans = List.copyOf(sans);
        identity = Map.copyOf(identity);
    }

    public IssuanceInput(CertificateProfile profile, CertificateAuthority ca, SubjectPublicKeyInfo publicKey,
            KeyAlgorithm keyAlgorithm, X500Name subject, List<SubjectAltNames.Entry> sans, Integer validityDays) {
        this(profile, ca, publicKey, keyAlgorithm, subject, sans, Map.of(), validityDays);
    }
}
