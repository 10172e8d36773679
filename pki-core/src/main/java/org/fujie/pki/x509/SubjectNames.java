package org.fujie.pki.x509;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;

/** Distinguished names as RFC 4514 strings, parsed as RDNs by the JDK's X.500 parser, never by regex. */
public final class SubjectNames {

    private SubjectNames() {
    }

    /** Parses an RFC 4514 name; throws IllegalArgumentException when it is not one. */
    public static X500Name parse(String rfc4514) {
        if (rfc4514 == null || rfc4514.isBlank() || rfc4514.length() > 1024) {
            throw new IllegalArgumentException("a distinguished name must have 1 to 1024 characters");
        }
        return X500Name.getInstance(new X500Principal(rfc4514).getEncoded());
    }

    public static String format(X500Name name) {
        try {
            return new X500Principal(name.getEncoded()).getName(X500Principal.RFC2253);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot encode the name", e);
        }
    }

    public static String format(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }
}
