package org.fujie.pki.tsp;

/** Which certificates a token carries in its SignedData {@code certificates} (RFC 3161 2.4.1 certReq). */
public enum CertificateInclusion {
    NONE,
    TSA_CERTIFICATE,
    /** The TSA certificate and the issuers given with it. */
    CHAIN
}
