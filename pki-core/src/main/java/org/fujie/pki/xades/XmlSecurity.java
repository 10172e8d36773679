package org.fujie.pki.xades;

/** Apache Santuario's one-time initialisation (algorithms, canonicalizers, transforms, resolvers). */
final class XmlSecurity {

    private static final String IGNORE_LINE_BREAKS = "org.apache.xml.security.ignoreLineBreaks";

    private XmlSecurity() {
    }

    static void init() {
        if (!org.apache.xml.security.Init.isInitialized()) {
            // Santuario breaks base64 text into CRLF lines by default, which canonical output writes as "&#xD;": one line
            // reads better and verifies the same. Read once when Santuario's XMLUtils loads, so set before; an explicit
            // setting wins.
            if (System.getProperty(IGNORE_LINE_BREAKS) == null) {
                System.setProperty(IGNORE_LINE_BREAKS, "true");
            }
            org.apache.xml.security.Init.init();
        }
    }
}
