package org.fujie.ca.issuance;

import java.util.HashSet;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.pki.x509.CertificateTemplate;

/**
 * Checks a template against RFC 5280 before the CA key touches it. A finding here is a bug in policy
 * or configuration, never the requester's fault, so it fails loudly instead of issuing.
 */
final class TemplateLint {

    private TemplateLint() {
    }

    static void check(CertificateTemplate template, CertificateAuthority ca) {
        // RFC 5280 4.1.2.2: positive, at most 20 octets.
        if (template.serial().signum() <= 0 || template.serial().toByteArray().length > 20) {
            fail("serial number must be positive and at most 20 octets");
        }
        // RFC 5280 6.1.3 (a)(2): a certificate outside its issuer's validity cannot be validated.
        if (template.notBefore().isBefore(ca.notBefore().minusSeconds(86_400)) || template.notAfter().isAfter(ca.notAfter())) {
            fail("validity must lie within the issuer's validity");
        }
        // RFC 5280 4.2: an extension appears at most once.
        Set<ASN1ObjectIdentifier> seen = new HashSet<>();
        boolean sanCritical = false;
        for (Extension extension : template.extensions()) {
            if (!seen.add(extension.getExtnId())) {
                fail("extension " + extension.getExtnId() + " appears twice");
            }
            if (extension.getExtnId().equals(Extension.subjectAlternativeName)) {
                sanCritical = extension.isCritical();
            }
            // RFC 5280 4.2.1.9: keyCertSign only with cA true; end-entity templates never carry it.
            if (extension.getExtnId().equals(Extension.keyUsage)
                    && KeyUsage.getInstance(extension.getParsedValue()).hasUsages(KeyUsage.keyCertSign)) {
                fail("an end-entity certificate must not assert keyCertSign");
            }
        }
        // RFC 5280 4.2.1.6: an empty subject needs a critical subjectAltName.
        if (template.subject().getRDNs().length == 0 && !sanCritical) {
            fail("an empty subject needs a critical subject alternative name");
        }
        if (!seen.contains(Extension.keyUsage)) {
            fail("keyUsage is missing");
        }
    }

    private static void fail(String finding) {
        throw new IllegalStateException("certificate lint failed: " + finding);
    }
}
