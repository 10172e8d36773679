package org.fujie.pki.xades;

/** A signature's XML is not the XML Signature or XAdES structure it claims to be. */
final class XadesFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    XadesFormatException(String message) {
        super(message);
    }
}
