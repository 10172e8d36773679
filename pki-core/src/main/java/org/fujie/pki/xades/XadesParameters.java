package org.fujie.pki.xades;

import java.time.Instant;
import java.util.Objects;

import org.fujie.pki.cms.BaselineLevel;

/**
 * What to sign (ETSI EN 319 132-1 baseline): the level, the packaging, the signing time written as xades:SigningTime,
 * and the signer's claimed role and commitment, and the data's MIME type and name.
 *
 * @param claimedRole a xades:SignerRoleV2 claimed role (a seal names itself here), or null
 * @param commitment a xades:CommitmentTypeIndication over all signed data, or null
 * @param mimeType the xades:DataObjectFormat MIME type of the signed data
 * @param dataName the reference URI of a detached signature (the file name), ignored otherwise
 */
public record XadesParameters(BaselineLevel level, XadesPackaging packaging, Instant signingTime, String claimedRole,
        CommitmentType commitment, String mimeType, String dataName) {

    public XadesParameters {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(packaging, "packaging");
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(mimeType, "mimeType");
        if (level == BaselineLevel.NONE) {
            throw new IllegalArgumentException("a XAdES signature is made at B-B, B-T, B-LT or B-LTA");
        }
        if (packaging == XadesPackaging.DETACHED && (dataName == null || dataName.isBlank())) {
            throw new IllegalArgumentException("a detached signature names its data");
        }
    }

    /** An enveloped signature over an XML document. */
    public static XadesParameters enveloped(BaselineLevel level, Instant signingTime) {
        return new XadesParameters(level, XadesPackaging.ENVELOPED, signingTime, null, null, "text/xml", null);
    }

    public XadesParameters withRole(String role) {
        return new XadesParameters(level, packaging, signingTime, role, commitment, mimeType, dataName);
    }

    public XadesParameters withCommitment(CommitmentType type) {
        return new XadesParameters(level, packaging, signingTime, claimedRole, type, mimeType, dataName);
    }

    public XadesParameters at(BaselineLevel newLevel) {
        return new XadesParameters(newLevel, packaging, signingTime, claimedRole, commitment, mimeType, dataName);
    }
}
