package org.fujie.pki.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.GeneralName;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SubjectAltNames;
import org.fujie.pki.x509.SubjectNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CsrParserTests {

    private static final int LIMIT = 16 * 1024;

    private final CsrParser parser = new CsrParser(LIMIT);

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519", "SM2"})
    void parseWhenOpenSslCsrThenAcceptedWithItsAlgorithm(KeyAlgorithm algorithm) throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        String csr = openSslCsr(openssl, algorithm, "/C=CN/O=Fujie/CN=" + algorithm.id());

        ParsedCsr parsed = parser.parse(csr);

        assertThat(parsed.keyAlgorithm()).isEqualTo(algorithm);
        assertThat(SubjectNames.format(parsed.subject())).isEqualTo("CN=" + algorithm.id() + ",O=Fujie,C=CN");
        assertThat(parsed.requestedSans()).isEmpty();
        String publicKeyFromOpenSsl = openssl.publicKeyOfPrivateKey("k.pem");
        assertThat(parsed.publicKey().getEncoded()).isEqualTo(Pem.decode(publicKeyFromOpenSsl, "PUBLIC KEY"));
    }

    @Test
    void parseWhenSm2CsrSignedWithoutDefaultUserIdThenSignatureInvalid() throws Exception {
        // OpenSSL 3.0 signs SM2 without the GM/T 0009 default ID unless told; this proves the ID is checked.
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(KeyAlgorithm.SM2));
        openssl.run("req", "-new", "-key", "k.pem", "-sm3", "-subj", "/CN=sm2", "-out", "r.csr");

        assertRejected(openssl.read("r.csr"), CsrException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void parseWhenSubjectIsChineseThenUtf8Preserved() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        String csr = openSslCsr(openssl, KeyAlgorithm.EC_P256, "/C=CN/O=富杰数字证书/OU=信息中心/CN=张三");

        ParsedCsr parsed = parser.parse(csr);

        assertThat(SubjectNames.format(parsed.subject())).isEqualTo("CN=张三,OU=信息中心,O=富杰数字证书,C=CN");
    }

    @Test
    void parseWhenCsrRequestsSansThenTheyAreReturned() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-new", "-key", "k.pem", "-subj", "/CN=sans", "-addext",
                "subjectAltName=DNS:www.example.com,DNS:*.example.org,IP:192.0.2.7,IP:2001:db8::1,"
                        + "email:ops@example.com,URI:https://example.com/device/1",
                "-out", "r.csr");

        ParsedCsr parsed = parser.parse(openssl.read("r.csr"));

        assertThat(parsed.requestedSans()).extracting(SubjectAltNames.Entry::type).containsExactly(
                SubjectAltNames.Type.DNS, SubjectAltNames.Type.DNS, SubjectAltNames.Type.IP, SubjectAltNames.Type.IP,
                SubjectAltNames.Type.EMAIL, SubjectAltNames.Type.URI);
        assertThat(parsed.requestedSans()).extracting(SubjectAltNames.Entry::toGeneralName).containsExactly(
                new GeneralName(GeneralName.dNSName, "www.example.com"),
                new GeneralName(GeneralName.dNSName, "*.example.org"),
                new GeneralName(GeneralName.iPAddress, "192.0.2.7"),
                new GeneralName(GeneralName.iPAddress, "2001:db8::1"),
                new GeneralName(GeneralName.rfc822Name, "ops@example.com"),
                new GeneralName(GeneralName.uniformResourceIdentifier, "https://example.com/device/1"));
    }

    @Test
    void parseWhenCsrRequestsUnsupportedSanTypeThenMalformed() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-new", "-key", "k.pem", "-subj", "/CN=other", "-addext",
                "subjectAltName=DNS:a.example.com,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@example.com",
                "-out", "r.csr");

        assertRejected(openssl.read("r.csr"), CsrException.Reason.MALFORMED);
    }

    @Test
    void parseWhenSignatureBitStringTamperedThenSignatureInvalid() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        String csr = openSslCsr(openssl, KeyAlgorithm.RSA_2048, "/CN=tampered");
        byte[] der = Pem.decode(csr, "CERTIFICATE REQUEST");
        int signatureStart = der.length - signatureLength(der);

        for (int offset : new int[] {signatureStart, signatureStart + 100, der.length - 1}) {
            byte[] tampered = der.clone();
            tampered[offset] ^= 0x01;
            assertRejected(Pem.encode("CERTIFICATE REQUEST", tampered), CsrException.Reason.SIGNATURE_INVALID);
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "ED25519", "SM2"})
    void parseWhenSignatureTamperedThenSignatureInvalid(KeyAlgorithm algorithm) throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        byte[] der = Pem.decode(openSslCsr(openssl, algorithm, "/CN=tampered"), "CERTIFICATE REQUEST");
        byte[] tampered = der.clone();
        tampered[der.length - 1] ^= 0x01;

        assertRejected(Pem.encode("CERTIFICATE REQUEST", tampered), CsrException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void parseWhenSubjectTamperedThenSignatureInvalid() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        String csr = openSslCsr(openssl, KeyAlgorithm.EC_P256, "/CN=alice");
        byte[] der = Pem.decode(csr, "CERTIFICATE REQUEST");
        int at = TestPdfs.indexOf(der, "alice".getBytes());
        der[at] = 'm';

        CsrException rejected = assertRejected(Pem.encode("CERTIFICATE REQUEST", der), CsrException.Reason.SIGNATURE_INVALID);

        assertThat(rejected).hasMessageContaining("signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgY3Ny\n-----END CERTIFICATE REQUEST-----\n",
            "-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n",
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
            "\u0000\u0001\u0002"})
    void parseWhenGarbageThenMalformed(String input) {
        assertRejected(input, CsrException.Reason.MALFORMED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void parseWhenEmptyThenMalformed(String input) {
        assertRejected(input, CsrException.Reason.MALFORMED);
    }

    @Test
    void parseWhenCertificateInsteadOfCsrThenMalformed() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-x509", "-new", "-key", "k.pem", "-subj", "/CN=cert", "-days", "1", "-out", "c.pem");

        assertRejected(openssl.read("c.pem"), CsrException.Reason.MALFORMED);
    }

    @Test
    void parseWhenOverLimitThenTooLargeWithoutParsing() throws Exception {
        // A valid CSR just over the limit is refused on size alone, as is garbage that would be MALFORMED.
        OpenSsl openssl = new OpenSsl(directory);
        String csr = openSslCsr(openssl, KeyAlgorithm.EC_P256, "/CN=size");
        CsrParser exact = new CsrParser(csr.length());
        CsrParser oneShort = new CsrParser(csr.length() - 1);

        assertThatCode(() -> exact.parse(csr)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(CsrException.class, () -> oneShort.parse(csr)).reason())
                .isEqualTo(CsrException.Reason.TOO_LARGE);
        assertRejected("x".repeat(LIMIT + 1), CsrException.Reason.TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA1024", "secp256k1", "P-521", "ED448", "P-256-explicit", "RSA1536"})
    void parseWhenKeyUnsupportedThenUnsupportedKey(String key) throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        String[] options = switch (key) {
            case "RSA1024" -> new String[] {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"};
            case "RSA1536" -> new String[] {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1536"};
            case "secp256k1" -> new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"};
            case "P-521" -> new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"};
            case "ED448" -> new String[] {"-algorithm", "ED448"};
            case "P-256-explicit" -> new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-pkeyopt", "ec_param_enc:explicit"};
            default -> throw new IllegalArgumentException(key);
        };
        openssl.generateKey("k.pem", options);
        openssl.run("req", "-new", "-key", "k.pem", "-subj", "/CN=" + key, "-out", "r.csr");
        openssl.run("req", "-in", "r.csr", "-verify", "-noout");

        assertRejected(openssl.read("r.csr"), CsrException.Reason.UNSUPPORTED_KEY);
    }

    @Test
    void parseWhenBase64DerWithoutArmourThenAccepted() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        String csr = openSslCsr(openssl, KeyAlgorithm.EC_P256, "/CN=bare");
        byte[] der = Pem.decode(csr, "CERTIFICATE REQUEST");

        assertThat(parser.parse(Base64.getEncoder().encodeToString(der)).keyAlgorithm()).isEqualTo(KeyAlgorithm.EC_P256);
        assertThat(parser.parse(Base64.getMimeEncoder().encodeToString(der)).keyAlgorithm()).isEqualTo(KeyAlgorithm.EC_P256);
    }

    @Test
    void parseWhenNewCertificateRequestLabelThenAccepted() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P384));
        openssl.run("req", "-new", "-key", "k.pem", "-subj", "/CN=new", "-out", "r.csr");
        String csr = openssl.read("r.csr").replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

        assertThat(parser.parse(csr).keyAlgorithm()).isEqualTo(KeyAlgorithm.EC_P384);
    }

    @Test
    void parseWhenCrlfLineEndingsThenAccepted() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        String csr = openSslCsr(openssl, KeyAlgorithm.ED25519, "/CN=crlf").replace("\n", "\r\n");

        assertThat(parser.parse(csr).keyAlgorithm()).isEqualTo(KeyAlgorithm.ED25519);
    }

    @Test
    void parseWhenAnyByteOfCsrChangedOrCutThenOnlyCsrExceptionIsThrown() throws Exception {
        // Untrusted input: every damaged variant must end as a CsrException (or, rarely, a valid parse),
        // never as an unchecked exception escaping the parser.
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-new", "-key", "k.pem", "-subj", "/C=CN/CN=fuzz", "-addext",
                "subjectAltName=DNS:a.example.com,IP:192.0.2.1,email:a@example.com,URI:https://example.com/",
                "-out", "r.csr");
        byte[] der = Pem.decode(openssl.read("r.csr"), "CERTIFICATE REQUEST");
        List<String> escaped = new ArrayList<>();

        for (int i = 0; i < der.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xff}) {
                byte[] changed = der.clone();
                changed[i] ^= (byte) mask;
                parseExpectingOnlyCsrException(changed, "byte " + i + " ^ " + mask, escaped);
            }
            parseExpectingOnlyCsrException(Arrays.copyOf(der, i), "cut at " + i, escaped);
        }

        assertThat(escaped).isEmpty();
    }

    private void parseExpectingOnlyCsrException(byte[] der, String variant, List<String> escaped) {
        try {
            parser.parse(Pem.encode("CERTIFICATE REQUEST", der));
        } catch (CsrException expected) {
            // rejected as it should be
        } catch (RuntimeException e) {
            escaped.add(variant + ": " + e);
        }
    }

    private CsrException assertRejected(String input, CsrException.Reason reason) {
        CsrException rejected = catchThrowableOfType(CsrException.class, () -> parser.parse(input));
        assertThat(rejected).as("parse should reject with %s", reason).isNotNull();
        assertThat(rejected.reason()).isEqualTo(reason);
        return rejected;
    }

    private static String openSslCsr(OpenSsl openssl, KeyAlgorithm algorithm, String subject) {
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(algorithm));
        List<String> arguments = new ArrayList<>(List.of("req", "-new", "-key", "k.pem", "-utf8", "-subj", subject, "-out", "r.csr"));
        if (algorithm == KeyAlgorithm.SM2) {
            arguments.addAll(List.of("-sm3", "-sigopt", "distid:" + OpenSsl.SM2_DEFAULT_ID));
        }
        openssl.run(arguments.toArray(new String[0]));
        List<String> verify = new ArrayList<>(List.of("req", "-in", "r.csr", "-verify", "-noout"));
        verify.addAll(OpenSsl.verifyOptions(algorithm));
        openssl.run(verify.toArray(new String[0]));
        return openssl.read("r.csr");
    }

    /** The length in octets of the signature BIT STRING's contents, which end the DER. */
    private static int signatureLength(byte[] der) {
        ASN1BitString signature = ASN1BitString.getInstance(ASN1Sequence.getInstance(der).getObjectAt(2));
        return signature.getOctets().length;
    }
}
