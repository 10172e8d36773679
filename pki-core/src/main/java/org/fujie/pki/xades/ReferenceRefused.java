package org.fujie.pki.xades;

import org.fujie.pki.validation.SubIndication;

/** A reference (or the signature around it) that Fujie will not dereference or trust, and why. */
final class ReferenceRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final SubIndication subIndication;

    ReferenceRefused(SubIndication subIndication, String message) {
        super(message);
        this.subIndication = subIndication;
    }

    SubIndication subIndication() {
        return subIndication;
    }
}
