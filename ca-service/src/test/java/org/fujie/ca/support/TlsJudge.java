package org.fujie.ca.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code openssl s_client} against a service's HTTPS port: the outside judge of which protocol versions and
 * cipher suites the connector accepts. The client is allowed everything (security level 0), so a refusal is the
 * server's, and each refusal is checked for the server's alert, not merely for a failed exit.
 */
public final class TlsJudge {

    private final OpenSsl openssl;
    private final int port;

    public TlsJudge(Path workDirectory, int port) {
        Assumptions.assumeTrue(onPath(), "openssl is not installed (.ci/run installs it)");
        this.openssl = new OpenSsl(workDirectory);
        this.port = port;
    }

    public OpenSsl.Result handshake(String... options) {
        List<String> arguments = new ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + port, "-servername", "localhost"));
        arguments.addAll(List.of(options));
        return openssl.execute(arguments.toArray(String[]::new));
    }

    /** A handshake the server accepts: the session's protocol and cipher as openssl names them. */
    public void assertAccepted(String protocol, String cipher, String... options) {
        OpenSsl.Result result = handshake(options);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("New, " + protocol + ", Cipher is " + cipher);
    }

    /** A handshake the server turns down with the alert (e.g. {@code protocol version}, {@code handshake failure}). */
    public void assertRefused(String alert, String... options) {
        OpenSsl.Result result = handshake(options);
        assertThat(result.exitCode()).as(result.stdout()).isNotZero();
        assertThat(result.stderr()).as("openssl's report of the server's alert").contains("alert " + alert);
        assertThat(result.stdout()).contains("Cipher is (NONE)").contains("no peer certificate available");
    }

    private static boolean onPath() {
        try {
            return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
