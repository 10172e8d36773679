package org.fujie.pki.ses;

import java.time.Instant;

/**
 * What a verified (or refused) seal says, for the report: read from the seal, trusted only as far as the checks passed.
 *
 * @param maker the maker certificate's subject (RFC 4514); null when it could not be read
 */
public record SealFields(SesVersion version, int headerVersion, String vendorId, String esId, int type, String name,
        Instant created, Instant validStart, Instant validEnd, String pictureType, String maker) {

    static SealFields of(SesSeal seal, String maker) {
        SesSealInfo info = seal.sealInfo();
        SesPropertyInfo p = info.property();
        return new SealFields(seal.version(), info.header().version(), info.header().vendorId(), info.esId(), p.type(), p.name(),
                p.createDate(), p.validStart(), p.validEnd(), info.picture().type(), maker);
    }
}
