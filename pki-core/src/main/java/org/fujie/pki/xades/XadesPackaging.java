package org.fujie.pki.xades;

/** Where the signature sits relative to what it signs (ETSI EN 319 132-1 4.2). */
public enum XadesPackaging {
    /** Inside the signed XML document, which it covers whole (less every ds:Signature). */
    ENVELOPED,
    /** Around the signed data: an XML document's root element, or any bytes base64 encoded, in a ds:Object. */
    ENVELOPING,
    /** Beside the signed data, named by the reference's URI; the data is not in the signature. */
    DETACHED
}
