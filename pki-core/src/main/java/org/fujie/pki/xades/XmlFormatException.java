package org.fujie.pki.xades;

/** The bytes are not an XML document Fujie will sign or examine: not well-formed, a DOCTYPE, too large, too deep. */
public final class XmlFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public XmlFormatException(String message) {
        super(message);
    }
}
