package org.fujie.ca.console;

import java.time.Instant;
import java.util.List;

/** A certificate's fields and extensions in words, for the detail page. */
record DecodedCertificate(int version, String serial, String subject, String issuer, Instant notBefore, Instant notAfter,
        String publicKey, String signatureAlgorithm, String sha256, List<Extension> extensions) {

    /** One extension: its name (or OID), whether critical, and its value as lines of text. */
    record Extension(String name, String oid, boolean critical, List<String> values) {
    }
}
