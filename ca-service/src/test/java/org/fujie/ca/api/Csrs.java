package org.fujie.ca.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fujie.pki.OpenSsl;

/** CSRs made by openssl req, so that what ca-service parses was written by someone else. */
final class Csrs {

    private Csrs() {
    }

    /**
     * @param newkey openssl's -newkey argument, e.g. {@code rsa:2048} or {@code ec -pkeyopt ec_paramgen_curve:P-256}
     * @param san    openssl subjectAltName value (e.g. {@code DNS:a.example}), or empty for none
     */
    static String openssl(Path dir, String newkey, String subject, String san) {
        List<String> arguments = new ArrayList<>(List.of("req", "-new", "-nodes", "-keyout", "key.pem", "-out", "request.csr",
                "-utf8", "-subj", subject));
        String[] keyParts = newkey.split(" ");
        arguments.add("-newkey");
        arguments.addAll(List.of(keyParts));
        if (san != null && !san.isBlank()) {
            arguments.addAll(List.of("-addext", "subjectAltName=" + san));
        }
        new OpenSsl(dir).run(arguments.toArray(String[]::new));
        return new OpenSsl(dir).read("request.csr");
    }
}
