package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fujie.pki.TestCertificates.Issued;

/**
 * xmlsec1 (the XML Security Library, an independent XML Signature verifier; shared/FACTS.md) over a signed file,
 * each CA given with its own --trusted-pem (xmlsec1 1.2.37 reads only a PEM file's first certificate).
 */
public final class Xmlsec1 {

    public record Result(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0 && output.contains("OK");
        }
    }

    private Xmlsec1() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/xmlsec1"));
    }

    static Result verify(Path directory, byte[] signed, Issued... cas) throws Exception {
        return verify(directory, signed, java.util.Arrays.stream(cas).map(Issued::pem).toList());
    }

    /** @param caPems each CA certificate's PEM, given to xmlsec1 with its own --trusted-pem */
    public static Result verify(Path directory, byte[] signed, List<String> caPems) throws Exception {
        Path file = Files.createTempFile(directory, "signed", ".xml");
        Files.write(file, signed);
        List<String> command = new ArrayList<>(List.of("xmlsec1", "--verify"));
        for (int i = 0; i < caPems.size(); i++) {
            Path pem = directory.resolve("ca-" + i + ".pem");
            Files.writeString(pem, caPems.get(i));
            command.add("--trusted-pem");
            command.add(pem.toString());
        }
        // the XAdES properties are signed by Id: xmlsec1 must know Id is an ID attribute of SignedProperties
        command.addAll(List.of("--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
