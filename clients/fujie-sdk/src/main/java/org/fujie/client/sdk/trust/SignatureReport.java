package org.fujie.client.sdk.trust;

import java.util.List;

/** One signature of a verified document; {@code seal} is set for a GB/T 38540 electronic seal. */
public record SignatureReport(String id, String format, String signer, String signingTime, String claimedSigningTime,
        TimestampReport timestamp, String indication, String subIndication, boolean integrity, List<String> chain,
        List<RevocationFinding> revocation, boolean coversWholeDocument, String level, List<String> signedScopes,
        String claimedRole, SealReport seal, String detail) {

    /** A signature time-stamp or an archive time-stamp. */
    public record TimestampReport(String genTime, String tsa, String indication, String subIndication, List<String> chain,
            String detail) {
    }

    /** A GB/T 38540 seal's fields as read. */
    public record SealReport(String version, String vendorId, String esId, int type, String name, String created,
            String validStart, String validEnd, String pictureType, String maker) {
    }
}
