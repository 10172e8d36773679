package org.fujie.pki.xades;

/** Apache Santuario's one-time initialisation (algorithms, canonicalizers, transforms, resolvers). */
final class XmlSecurity {

    private XmlSecurity() {
    }

    static void init() {
        if (!org.apache.xml.security.Init.isInitialized()) {
            org.apache.xml.security.Init.init();
        }
    }
}
