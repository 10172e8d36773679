package org.fujie.pki.pdf;

import java.time.Instant;
import java.util.List;

import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.RevocationFinding;
import org.fujie.pki.validation.SubIndication;

/**
 * The verdict on one signature or document time-stamp of a PDF, in EN 319 102-1 terms.
 *
 * @param id the field's fully qualified name
 * @param format "PAdES" (ETSI.CAdES.detached), "PKCS7" (adbe.pkcs7.detached) or "DOC-TIMESTAMP" (ETSI.RFC3161)
 * @param signer the signing (or TSA) certificate's subject, RFC 4514; null when it was not found
 * @param signingTime the best signing time: the genTime of a valid time-stamp, else the claimed time
 * @param claimedSigningTime what the signer claims (CMS signingTime, else the dictionary's /M); may be null
 * @param timestamp the signature time-stamp (for a document time-stamp: the token itself); null when none
 * @param subIndication null exactly when the indication is TOTAL_PASSED
 * @param integrity whether the byte range is well formed and its digest and the signature verify
 * @param chain the signing certificate's path subjects, leaf first
 * @param revocation the revocation findings for the path, leaf first
 * @param coversWholeDocument whether the byte range ends at the end of the file
 * @param modifications what later incremental updates changed, each saying whether it is allowed
 */
public record PdfSignatureReport(String id, String format, String signer, Instant signingTime,
        Instant claimedSigningTime, VerifiedTimestamp timestamp, Indication indication, SubIndication subIndication,
        boolean integrity, List<String> chain, List<RevocationFinding> revocation, boolean coversWholeDocument,
        BaselineLevel level, List<Modification> modifications, String detail) {

    public PdfSignatureReport {
        chain = List.copyOf(chain);
        revocation = List.copyOf(revocation);
        modifications = List.copyOf(modifications);
    }
}
