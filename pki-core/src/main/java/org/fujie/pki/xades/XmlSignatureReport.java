package org.fujie.pki.xades;

import java.time.Instant;
import java.util.List;

import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.RevocationFinding;
import org.fujie.pki.validation.SubIndication;

/**
 * The verdict on one ds:Signature of an XML document, in EN 319 102-1 terms.
 *
 * @param id the signature's Id attribute, or "S-n" in document order when it has none
 * @param format "XAdES" when signed properties bind the signing certificate, else "XMLDSig"
 * @param signer the signing certificate's subject (RFC 4514), null when not found
 * @param signingTime a valid signature time-stamp's genTime, else the claimed time
 * @param claimedSigningTime xades:SigningTime, null when absent
 * @param counterSignatureOf the Id of the signature this one countersigns, or null
 * @param coversWholeDocument whether a reference covers the document root (less its signatures)
 * @param signedScopes what the references cover, one line each: only this is signed
 */
public record XmlSignatureReport(String id, String format, String signer, Instant signingTime, Instant claimedSigningTime,
        VerifiedTimestamp timestamp, List<VerifiedTimestamp> archiveTimestamps, Indication indication,
        SubIndication subIndication, boolean integrity, List<String> chain, List<RevocationFinding> revocation,
        BaselineLevel level, boolean coversWholeDocument, List<String> signedScopes, String claimedRole,
        String counterSignatureOf, String detail) {

    public XmlSignatureReport {
        archiveTimestamps = List.copyOf(archiveTimestamps);
        chain = List.copyOf(chain);
        revocation = List.copyOf(revocation);
        signedScopes = List.copyOf(signedScopes);
    }
}
