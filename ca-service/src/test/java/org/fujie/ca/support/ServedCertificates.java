package org.fujie.ca.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** The certificate a server presents on a new TLS connection (no session reuse), checked against Fujie's trust chain. */
public final class ServedCertificates {

    private ServedCertificates() {
    }

    /** The bundle reloads after the file watcher's quiet period: new handshakes get the new certificate soon after. */
    public static X509Certificate awaitSerial(int port, Path trustChain, BigInteger serial) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        X509Certificate served = served(port, trustChain);
        while (!served.getSerialNumber().equals(serial) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            served = served(port, trustChain);
        }
        assertThat(served.getSerialNumber()).as("the serial served on port " + port).isEqualTo(serial);
        return served;
    }

    public static X509Certificate served(int port, Path trustChain) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, FujieTestClient.trustManagers(trustChain), null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                return (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        } catch (Exception e) {
            throw new IllegalStateException("no TLS handshake with port " + port + ": " + e, e);
        }
    }
}
