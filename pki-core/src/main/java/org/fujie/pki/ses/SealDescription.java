package org.fujie.pki.ses;

import java.time.Instant;
import java.util.Objects;

/**
 * What a seal says, as seal-service's policy decided it (who keeps it, how long it lasts); {@link SealMaker} only signs it.
 *
 * @param vendorId SES_Header.Vid, the software vendor's identifier
 * @param esId the seal's unique identifier (IA5)
 * @param type the seal type; GB/T 38540 leaves the numbers to the application
 * @param keepers the signers' (签章者) certificates, or their digests
 */
public record SealDescription(String vendorId, String esId, int type, String name, SesCertList keepers, Instant created,
        Instant validStart, Instant validEnd, SesPictureInfo picture) {

    public SealDescription {
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(esId, "esId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keepers, "keepers");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(validStart, "validStart");
        Objects.requireNonNull(validEnd, "validEnd");
        Objects.requireNonNull(picture, "picture");
        if (!validEnd.isAfter(validStart)) {
            throw new IllegalArgumentException("a seal's validity must end after it starts");
        }
    }
}
