package org.fujie.ca.revocation;

import org.fujie.ca.store.CertificateRecord;

/** Told after a certificate's revocation status changed and the change committed. */
@FunctionalInterface
public interface RevocationListener {

    void statusChanged(CertificateRecord certificate);
}
