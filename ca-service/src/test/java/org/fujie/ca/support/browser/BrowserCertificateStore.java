package org.fujie.ca.support.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fujie.pki.x509.Pem;

/**
 * The NSS database Chromium on Linux reads client certificates and trusted CAs from ({@code $HOME/.pki/nssdb}), made
 * in a fresh home folder with NSS's own tools: the one client certificate this browser is to present, and Fujie's CAs
 * trusted for TLS servers. One client certificate per home, so the browser's automatic choice has only it to pick.
 */
final class BrowserCertificateStore {

    private BrowserCertificateStore() {
    }

    /** A new home folder whose NSS database holds the PKCS#12 file's key and certificate and trusts the chain's CAs. */
    static Path create(Path home, byte[] pkcs12, char[] password, Path trustChain) throws IOException {
        Path database = Files.createDirectories(home.resolve(".pki/nssdb"));
        String db = "sql:" + database;
        run("certutil", "-N", "-d", db, "--empty-password");
        Path p12 = home.resolve("client.p12");
        Path passwordFile = home.resolve("client.pass");
        Files.write(p12, pkcs12);
        Files.writeString(passwordFile, new String(password));
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        run("pk12util", "-i", p12.toString(), "-d", db, "-w", passwordFile.toString(), "-K", "");
        Files.delete(p12);
        Files.delete(passwordFile);
        int i = 0;
        for (byte[] ca : Pem.decodeAll(Files.readString(trustChain), "CERTIFICATE")) {
            // certutil reads one certificate a file; "C,," trusts it to issue TLS server certificates.
            Path file = home.resolve("ca-" + i + ".pem");
            Files.writeString(file, Pem.encode("CERTIFICATE", ca));
            run("certutil", "-A", "-d", db, "-n", "fujie-ca-" + i++, "-t", "C,,", "-i", file.toString());
        }
        return home;
    }

    private static void run(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(line + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IOException(line + " failed (" + process.exitValue() + "): " + output);
        }
    }
}
