package org.fujie.pki.pdf;

/** Why a document cannot be examined at all; the message goes into the report as it is. */
public final class PdfFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    PdfFormatException(String message) {
        super(message);
    }
}
