package org.fujie.pki.cms;

import org.fujie.pki.validation.Purpose;

/**
 * Limits and choices for CMS signature verification.
 *
 * @param maxDocumentBytes largest signature file, and largest detached document, accepted (both are held in memory)
 * @param maxSigners most SignerInfos examined in one SignedData
 * @param signerPurpose the extended key usage a signing certificate must carry; null accepts any
 */
public record CmsVerifierSettings(int maxDocumentBytes, int maxSigners, Purpose signerPurpose) {

    public CmsVerifierSettings {
        if (maxDocumentBytes < 1024 || maxSigners < 1) {
            throw new IllegalArgumentException("CMS verification limits are too small");
        }
    }

    /** 64 MiB, 50 signers, document signing. */
    public static CmsVerifierSettings defaults() {
        return new CmsVerifierSettings(64 * 1024 * 1024, 50, Purpose.DOCUMENT_SIGNING);
    }

    public CmsVerifierSettings withSignerPurpose(Purpose purpose) {
        return new CmsVerifierSettings(maxDocumentBytes, maxSigners, purpose);
    }
}
