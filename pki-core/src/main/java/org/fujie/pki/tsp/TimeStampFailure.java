package org.fujie.pki.tsp;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;

/** Why a time-stamp request was rejected: the PKIFailureInfo bits of RFC 3161 2.4.2 that Fujie uses. */
public enum TimeStampFailure {
    /** Unrecognized or unsupported hash algorithm, or an imprint whose length does not fit it. */
    BAD_ALG(PKIFailureInfo.badAlg),
    /** Not a TimeStampReq: unparseable, trailing data, too large, wrong version. */
    BAD_REQUEST(PKIFailureInfo.badRequest),
    /** A TimeStampReq whose contents are out of bounds (an over-long nonce). */
    BAD_DATA_FORMAT(PKIFailureInfo.badDataFormat),
    /** The request names a policy this TSA does not stamp under. */
    UNACCEPTED_POLICY(PKIFailureInfo.unacceptedPolicy),
    /** The request carries an extension; this TSA supports none (RFC 3161 2.4.1 requires refusal). */
    UNACCEPTED_EXTENSION(PKIFailureInfo.unacceptedExtension),
    /** The TSA could not sign: key backend failure, or its certificate is not valid at the current time. */
    SYSTEM_FAILURE(PKIFailureInfo.systemFailure);

    private final int failInfo;

    TimeStampFailure(int failInfo) {
        this.failInfo = failInfo;
    }

    /** The bit as Bouncy Castle's {@link PKIFailureInfo} constants spell it. */
    public int failInfo() {
        return failInfo;
    }
}
