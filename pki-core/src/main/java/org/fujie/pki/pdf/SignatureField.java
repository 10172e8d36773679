package org.fujie.pki.pdf;

import java.time.Instant;

import org.apache.pdfbox.cos.COSObjectKey;

/**
 * A signature dictionary as found in the final document, before any check.
 *
 * @param id the field's fully qualified name
 * @param key the signature dictionary's object key; null when it is a direct object
 * @param documentTimestamp whether /Type is /DocTimeStamp (or /SubFilter /ETSI.RFC3161)
 * @param byteRange null when missing or not four integers
 * @param contents null when missing or not a string
 * @param claimedTime /M, null when absent or unreadable
 * @param docMdpPermissions P of a DocMDP transform in this dictionary's /Reference, null when none
 * @param lock the fields a FieldMDP transform (or else the field's /Lock) locks, null when none
 */
record SignatureField(String id, COSObjectKey key, String subFilter, boolean documentTimestamp, long[] byteRange,
        byte[] contents, Instant claimedTime, Integer docMdpPermissions, FieldLock lock) {
}
