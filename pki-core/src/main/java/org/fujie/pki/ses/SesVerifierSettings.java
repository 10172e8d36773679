package org.fujie.pki.ses;

import org.fujie.pki.validation.Purpose;

/**
 * Limits and purposes for {@link SesVerifier}.
 *
 * @param maxBytes the largest seal or signature read (the picture is inside; 16 MiB by default)
 * @param makerPurpose the extended key usage the maker certificate must carry; null for none (GB/T 38540 asks only a
 *        unit certificate)
 * @param signerPurpose the extended key usage the signer certificate must carry; null for none
 */
public record SesVerifierSettings(int maxBytes, Purpose makerPurpose, Purpose signerPurpose) {

    public SesVerifierSettings {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024");
        }
    }

    public static SesVerifierSettings defaults() {
        return new SesVerifierSettings(16 * 1024 * 1024, null, null);
    }

    public SesVerifierSettings withSignerPurpose(Purpose purpose) {
        return new SesVerifierSettings(maxBytes, makerPurpose, purpose);
    }

    public SesVerifierSettings withMakerPurpose(Purpose purpose) {
        return new SesVerifierSettings(maxBytes, purpose, signerPurpose);
    }
}
