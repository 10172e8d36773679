package org.fujie.trust.anchor;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Set;

import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.x509.Pem;

/** A stored trust anchor; purposes empty means trusted for every purpose. */
public record AnchorRecord(String id, String subject, String fingerprint, byte[] certificateDer, Set<Purpose> purposes,
        Instant createdAt) {

    public AnchorRecord {
        purposes = Set.copyOf(purposes);
    }

    public TrustAnchor toTrustAnchor() {
        X509Certificate certificate = Pem.parseCertificate(certificateDer);
        return purposes.isEmpty() ? TrustAnchor.forAllPurposes(certificate) : TrustAnchor.limitedTo(certificate, purposes);
    }
}
