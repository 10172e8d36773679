package org.fujie.pki.xades;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;

/** A reference (or the signature around it) that Fujie will not dereference or trust, and why. */
final class ReferenceRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final Indication indication;
    private final SubIndication subIndication;

    ReferenceRefused(SubIndication subIndication, String message) {
        this(subIndication.indication(), subIndication, message);
    }

    private ReferenceRefused(Indication indication, SubIndication subIndication, String message) {
        super(message);
        this.indication = indication;
        this.subIndication = subIndication;
    }

    /** Past one of the verifier's own limits: it would not examine the signature, which says nothing against it. */
    static ReferenceRefused overLimit(String message) {
        return new ReferenceRefused(Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE, message);
    }

    Indication indication() {
        return indication;
    }

    SubIndication subIndication() {
        return subIndication;
    }
}
