package org.fujie.pki.tsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.util.List;

import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fujie's TSA checked by OpenSSL: queries made by {@code openssl ts -query}, replies verified by
 * {@code openssl ts -verify} against the root and read back with {@code openssl ts -reply -text}.
 */
class TimeStampAuthorityOpenSslTests {

    private static final TestCertificates.Issued ROOT = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=TSA Test Root,O=Fujie Test");
    private static final TestCertificates.Issued TSA = TestTsa.tsa(ROOT, KeyAlgorithm.EC_P256);

    @TempDir
    Path directory;
    private OpenSsl openssl;

    @BeforeEach
    void files() {
        openssl = new OpenSsl(directory);
        openssl.write("root.pem", ROOT.pem());
        openssl.write("tsa.pem", TSA.pem());
        openssl.write("data.txt", "a document of the bureau\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-sha256", "-sha384", "-sha512"})
    void respondWhenOpenSslQueryWithCertReqThenOpenSslVerifiesTheReply(String digest) throws Exception {
        openssl.run("ts", "-query", "-data", "data.txt", digest, "-cert", "-out", "q.tsq");

        openssl.write("reply.tsr", authority(TSA, TimeStampSettings.defaults(TestTsa.POLICY)).respond(openssl.readBytes("q.tsq")));

        assertThat(openssl.run("ts", "-verify", "-in", "reply.tsr", "-queryfile", "q.tsq", "-CAfile", "root.pem"))
                .contains("Verification: OK");
        assertThat(openssl.run("ts", "-verify", "-in", "reply.tsr", "-data", "data.txt", "-CAfile", "root.pem"))
                .contains("Verification: OK");
    }

    @Test
    void respondWhenNoCertReqThenNoCertificateAndOpenSslVerifiesWithTheTsaCertificateGiven() {
        openssl.run("ts", "-query", "-data", "data.txt", "-sha256", "-out", "q.tsq");

        openssl.write("reply.tsr", authority(TSA, TimeStampSettings.defaults(TestTsa.POLICY)).respond(openssl.readBytes("q.tsq")));

        assertThat(openssl.execute("ts", "-verify", "-in", "reply.tsr", "-queryfile", "q.tsq", "-CAfile", "root.pem").exitCode())
                .as("without the TSA certificate OpenSSL cannot find the signer").isNotZero();
        assertThat(openssl.run("ts", "-verify", "-in", "reply.tsr", "-queryfile", "q.tsq", "-CAfile", "root.pem",
                "-untrusted", "tsa.pem")).contains("Verification: OK");
    }

    @Test
    void respondThenOpenSslShowsPolicyEchoedNonceAccuracyOrderingAndSerial() throws Exception {
        openssl.run("ts", "-query", "-data", "data.txt", "-sha256", "-cert", "-out", "q.tsq");
        String query = openssl.run("ts", "-query", "-in", "q.tsq", "-text");
        String nonce = line(query, "Nonce:");

        byte[] reply = authority(TSA, TimeStampSettings.defaults(TestTsa.POLICY)).respond(openssl.readBytes("q.tsq"));
        openssl.write("reply.tsr", reply);
        String text = openssl.run("ts", "-reply", "-in", "reply.tsr", "-text");

        assertThat(text).contains("Status: Granted.")
                .contains("Policy OID: " + TestTsa.POLICY.getId())
                .contains("Hash Algorithm: sha256")
                .contains("Accuracy: 0x01 seconds, unspecified millis, unspecified micros")
                .contains("Ordering: no")
                .contains("TSA: unspecified");
        assertThat(nonce).startsWith("Nonce: 0x");
        assertThat(line(text, "Nonce:")).isEqualTo(nonce);
        String serial = new TimeStampResponse(reply).getTimeStampToken().getTimeStampInfo().getSerialNumber().toString(16).toUpperCase();
        assertThat(line(text, "Serial number:")).isEqualTo("Serial number: 0x" + serial);
    }

    @Test
    void respondWhenQueryNamesTheTsaPolicyThenVerifiedAndOtherPolicyRejected() throws Exception {
        TimeStampAuthority authority = authority(TSA, TimeStampSettings.defaults(TestTsa.POLICY));
        openssl.run("ts", "-query", "-data", "data.txt", "-sha256", "-cert", "-tspolicy", TestTsa.POLICY.getId(), "-out", "q.tsq");
        openssl.run("ts", "-query", "-data", "data.txt", "-sha256", "-cert", "-tspolicy", TestTsa.OTHER_POLICY.getId(), "-out", "other.tsq");

        openssl.write("reply.tsr", authority.respond(openssl.readBytes("q.tsq")));
        openssl.write("other.tsr", authority.respond(openssl.readBytes("other.tsq")));

        assertThat(openssl.run("ts", "-verify", "-in", "reply.tsr", "-queryfile", "q.tsq", "-CAfile", "root.pem"))
                .contains("Verification: OK");
        assertThat(openssl.run("ts", "-reply", "-in", "other.tsr", "-text"))
                .contains("Status: Rejected.")
                .contains("Failure info: the requested TSA policy is not supported by the TSA")
                .contains(TestTsa.OTHER_POLICY.getId());
    }

    @Test
    void respondWhenChainIncludedThenOpenSslVerifiesWithTheRootAlone() {
        TestCertificates.Issued intermediate = TestCertificates.intermediate(ROOT, KeyAlgorithm.EC_P256, "CN=TSA Test Issuing,O=Fujie Test");
        TestCertificates.Issued tsa = TestTsa.tsa(intermediate, KeyAlgorithm.EC_P256);
        TimeStampAuthority authority = new TimeStampAuthority(tsa.signingKey(), List.of(tsa.certificate(), intermediate.certificate()),
                TimeStampSettings.defaults(TestTsa.POLICY).withIncludeChain(true), Clock.systemUTC());
        openssl.run("ts", "-query", "-data", "data.txt", "-sha384", "-cert", "-out", "q.tsq");

        openssl.write("reply.tsr", authority.respond(openssl.readBytes("q.tsq")));

        assertThat(openssl.run("ts", "-verify", "-in", "reply.tsr", "-queryfile", "q.tsq", "-CAfile", "root.pem"))
                .contains("Verification: OK");
    }

    @Test
    void respondWhenRsaTsaKeyThenOpenSslVerifies() {
        TestCertificates.Issued rsa = TestTsa.tsa(ROOT, KeyAlgorithm.RSA_2048);
        openssl.run("ts", "-query", "-data", "data.txt", "-sha512", "-cert", "-out", "q.tsq");

        openssl.write("reply.tsr", authority(rsa, TimeStampSettings.defaults(TestTsa.POLICY)).respond(openssl.readBytes("q.tsq")));

        assertThat(openssl.run("ts", "-verify", "-in", "reply.tsr", "-queryfile", "q.tsq", "-CAfile", "root.pem"))
                .contains("Verification: OK");
    }

    /**
     * OpenSSL 3.0.19 cannot check an Ed25519 token: {@code ts -verify} goes through its PKCS7 code ("operation not
     * supported for this keytype") and {@code cms -verify} refuses the SHA-512 digest that RFC 8419 requires with
     * signed attributes ("eddsa_digest_signverify_init: invalid digest"; {@code cms -sign} fails the same way). So
     * OpenSSL only reads the token here, and the signature is checked by Bouncy Castle's CMS verifier and by the
     * JDK's own Ed25519 (SunEC), neither of which the signer uses.
     */
    @Test
    void respondWhenEd25519TsaKeyThenOpenSslReadsItAndBouncyCastleAndJdkVerify() throws Exception {
        TestCertificates.Issued ed = TestTsa.tsa(ROOT, KeyAlgorithm.ED25519);
        openssl.run("ts", "-query", "-data", "data.txt", "-sha256", "-cert", "-out", "q.tsq");

        byte[] reply = authority(ed, TimeStampSettings.defaults(TestTsa.POLICY)).respond(openssl.readBytes("q.tsq"));
        openssl.write("reply.tsr", reply);

        String query = openssl.run("ts", "-query", "-in", "q.tsq", "-text");
        String text = openssl.run("ts", "-reply", "-in", "reply.tsr", "-text");
        assertThat(text).contains("Status: Granted.").contains("Policy OID: " + TestTsa.POLICY.getId());
        assertThat(line(text, "Nonce:")).isEqualTo(line(query, "Nonce:"));
        assertThat(imprint(text)).isEqualTo(imprint(query)).isNotEmpty();
        TimeStampToken token = new TimeStampResponse(reply).getTimeStampToken();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProviders.bouncyCastle()).build(ed.certificate()));
        SignerInformation signer = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initVerify(ed.x509().getPublicKey());
        jdk.update(signer.getEncodedSignedAttributes());
        assertThat(jdk.verify(signer.getSignature())).isTrue();
        assertThat(signer.getDigestAlgOID()).isEqualTo(ImprintDigests.SHA512.getId());
    }

    private static TimeStampAuthority authority(TestCertificates.Issued tsa, TimeStampSettings settings) {
        return new TimeStampAuthority(tsa.signingKey(), List.of(tsa.certificate()), settings, Clock.systemUTC());
    }

    /** The message imprint's hex dump in openssl's text output: the lines from "Message data:" to the next field. */
    private static String imprint(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        int start = lines.indexOf("Message data:");
        StringBuilder dump = new StringBuilder();
        for (int i = start + 1; i < lines.size() && lines.get(i).matches("[0-9a-f]{4} - .*"); i++) {
            dump.append(lines.get(i)).append('\n');
        }
        return dump.toString();
    }

    private static String line(String text, String prefix) {
        return text.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst().orElse("(no " + prefix + ")");
    }
}
