package org.fujie.pki.xades;

/** Namespaces, element names and algorithm URIs of XML Signature 1.1 and XAdES (ETSI EN 319 132-1). */
final class XadesNames {

    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    static final String XADES141 = "http://uri.etsi.org/01903/v1.4.1#";

    /** The ds:Reference Type of the one that covers xades:SignedProperties. */
    static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    /** The ds:Reference Type of a countersignature's reference to the countersigned ds:SignatureValue. */
    static final String COUNTERSIGNED_TYPE = "http://uri.etsi.org/01903#CountersignedSignature";

    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String XPATH2_FILTER = "http://www.w3.org/2002/06/xmldsig-filter2";
    static final String BASE64 = "http://www.w3.org/2000/09/xmldsig#base64";
    /** What every enveloped signature subtracts, so that parallel signatures do not break each other (as DSS does). */
    static final String ALL_SIGNATURES = "/descendant::ds:Signature";

    private XadesNames() {
    }
}
