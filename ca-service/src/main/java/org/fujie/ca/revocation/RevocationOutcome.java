package org.fujie.ca.revocation;

import org.fujie.ca.store.CertificateRecord;

/** The certificate after a revoke or release, whether that changed anything, and what happened in words. */
public record RevocationOutcome(CertificateRecord certificate, boolean changed, String detail) {
}
