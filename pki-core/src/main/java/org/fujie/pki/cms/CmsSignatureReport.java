package org.fujie.pki.cms;

import java.time.Instant;
import java.util.List;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.RevocationFinding;
import org.fujie.pki.validation.SubIndication;

/**
 * The verdict on one signer of a CMS SignedData (a .p7s), in EN 319 102-1 terms.
 *
 * @param id "S-1", "S-2" ... in the order of the SignerInfos
 * @param format "CAdES" when signed attributes bind the signing certificate (ESS signing-certificate(-v2)), else "CMS"
 * @param signer the signing certificate's subject, RFC 4514; null when it was not found
 * @param signingTime the best signing time: the genTime of a valid signature time-stamp, else the claimed time
 * @param claimedSigningTime the signingTime attribute; may be null
 * @param timestamp the signature time-stamp; null when none
 * @param archiveTimestamps the archive-time-stamp-v3 attributes, in order
 * @param subIndication null exactly when the indication is TOTAL_PASSED
 * @param integrity whether the digest of the content and the signature verify
 * @param chain the signing certificate's path subjects, leaf first
 * @param revocation the revocation findings for the path, leaf first
 */
public record CmsSignatureReport(String id, String format, String signer, Instant signingTime, Instant claimedSigningTime,
        VerifiedTimestamp timestamp, List<VerifiedTimestamp> archiveTimestamps, Indication indication,
        SubIndication subIndication, boolean integrity, List<String> chain, List<RevocationFinding> revocation,
        BaselineLevel level, String detail) {

    public CmsSignatureReport {
        archiveTimestamps = List.copyOf(archiveTimestamps);
        chain = List.copyOf(chain);
        revocation = List.copyOf(revocation);
    }
}
