package org.fujie.pki.xades;

import java.util.Set;

import org.fujie.pki.validation.Purpose;

/**
 * Limits and choices for XML signature verification.
 *
 * @param maxDocumentBytes largest XML document (and detached data) accepted; both are held in memory
 * @param maxDepth deepest element nesting parsed
 * @param maxSignatures most ds:Signature elements examined in one document
 * @param maxReferences most ds:Reference elements in one SignedInfo
 * @param maxTransforms most ds:Transform elements in one reference
 * @param externalSchemes URI schemes a reference may use to name detached data (resolved only to the data given, never
 *        fetched); relative names without a scheme always may
 * @param signerPurpose the extended key usage a signing certificate must carry; null accepts any
 */
public record XadesVerifierSettings(int maxDocumentBytes, int maxDepth, int maxSignatures, int maxReferences, int maxTransforms,
        Set<String> externalSchemes, Purpose signerPurpose) {

    public XadesVerifierSettings {
        if (maxDocumentBytes < 1024 || maxDepth < 8 || maxSignatures < 1 || maxReferences < 2 || maxTransforms < 2) {
            throw new IllegalArgumentException("XML verification limits are too small");
        }
        externalSchemes = Set.copyOf(externalSchemes);
    }

    /** 64 MiB, depth 256, 50 signatures, 30 references, 5 transforms (Santuario's secure-validation limits), no schemes. */
    public static XadesVerifierSettings defaults() {
        return new XadesVerifierSettings(64 * 1024 * 1024, 256, 50, 30, 5, Set.of(), Purpose.DOCUMENT_SIGNING);
    }

    public SecureXml parser() {
        return new SecureXml(maxDocumentBytes, maxDepth);
    }
}
