package org.fujie.ca.tls;

import java.net.URI;
import java.nio.file.Path;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.TlsJudge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ca-service's HTTPS connector as openssl s_client finds it: TLS 1.3 and 1.2 only, for 1.2 only ECDHE with AEAD ciphers. */
class TlsHardeningTests extends EmbeddedCaServiceTest {

    @TempDir
    Path work;
    private TlsJudge judge;

    @BeforeEach
    void judge() {
        judge = new TlsJudge(work, URI.create(ca.baseUrl()).getPort());
    }

    @Test
    void handshakeWhenTls13ThenAcceptedWithEachAeadSuite() {
        judge.assertAccepted("TLSv1.3", "TLS_AES_128_GCM_SHA256", "-tls1_3", "-ciphersuites", "TLS_AES_128_GCM_SHA256");
        judge.assertAccepted("TLSv1.3", "TLS_AES_256_GCM_SHA384", "-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384");
        judge.assertAccepted("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256", "-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void handshakeWhenTls12EcdheWithAeadThenAccepted() {
        // The bootstrap's TLS keys are EC P-256: the ECDSA variants.
        judge.assertAccepted("TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256", "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        judge.assertAccepted("TLSv1.2", "ECDHE-ECDSA-AES256-GCM-SHA384", "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384");
        judge.assertAccepted("TLSv1.2", "ECDHE-ECDSA-CHACHA20-POLY1305", "-tls1_2", "-cipher", "ECDHE-ECDSA-CHACHA20-POLY1305");
    }

    @Test
    void handshakeWhenTls11OrTls10ThenRefusedByTheServer() {
        // Security level 0 lets the client offer these old versions: the refusal is the server's protocol_version alert.
        judge.assertRefused("protocol version", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
        judge.assertRefused("protocol version", "-tls1", "-cipher", "DEFAULT@SECLEVEL=0");
    }

    @Test
    void handshakeWhenTls12CbcOrRsaKeyExchangeOrSha1MacThenRefused() {
        // AES128-SHA: RSA key exchange, CBC, SHA-1. The ECDHE CBC suites below are enabled in the JDK by default,
        // so their refusal is this configuration's doing.
        for (String cipher : new String[] {"AES128-SHA", "AES256-GCM-SHA384", "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA",
                "ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA384"}) {
            judge.assertRefused("handshake failure", "-tls1_2", "-cipher", cipher + "@SECLEVEL=0");
        }
    }
}
