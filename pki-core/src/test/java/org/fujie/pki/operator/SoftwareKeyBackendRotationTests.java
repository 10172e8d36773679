package org.fujie.pki.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.fujie.pki.OpenSsl;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareKeyBackendRotationTests {

    private static final String A = "passphrase-A-before-rotation";
    private static final String B = "passphrase-B-after-rotation";
    private static final String WRONG = "not-the-previous-passphrase";

    /** Alias to algorithm: every algorithm family the software backend keeps. */
    private static final Map<String, KeyAlgorithm> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("ca-ec", KeyAlgorithm.EC_P256);
        KEYS.put("ca-rsa", KeyAlgorithm.RSA_2048);
        KEYS.put("ca-sm2", KeyAlgorithm.SM2);
        KEYS.put("seal-ed25519", KeyAlgorithm.ED25519);
    }

    @TempDir
    Path directory;

    @Test
    void reencryptWhenPreviousPassphraseThenKeysOpenWithNewOnly() throws Exception {
        Map<String, SigningKey> generated = generateAll(A);

        SoftwareKeyBackend.Rotation rotation = backend(B).reencryptFrom(A.toCharArray());

        assertThat(rotation.reencrypted()).containsExactly("ca-ec", "ca-rsa", "ca-sm2", "seal-ed25519");
        assertThat(rotation.alreadyCurrent()).isEmpty();
        SoftwareKeyBackend withB = backend(B);
        SoftwareKeyBackend withA = backend(A);
        OpenSsl openssl = new OpenSsl(directory);
        byte[] data = "rotated, still the same key".getBytes(StandardCharsets.US_ASCII);
        openssl.write("data", data);
        for (var entry : KEYS.entrySet()) {
            SigningKey key = withB.get(entry.getKey());
            assertThat(key.algorithm()).isEqualTo(entry.getValue());
            assertThat(key.publicKeyInfo()).isEqualTo(generated.get(entry.getKey()).publicKeyInfo());
            openssl.write("sig", JcaSigningKeyTests.sign(key.newContentSigner(), data));
            OpenSsl.Result verified = openssl.verifySignature(entry.getValue(),
                    keys().resolve(entry.getKey() + ".pub.pem").toString(), "data", "sig");
            assertThat(verified.exitCode()).as(entry.getKey() + ": " + verified.stderr()).isZero();
            assertThatThrownBy(() -> withA.get(entry.getKey())).isInstanceOf(KeyBackendException.class)
                    .hasMessageContaining(entry.getKey());
        }
    }

    @Test
    void reencryptThenOpenSslOpensKeyFilesWithNewPassphraseOnly() throws Exception {
        Map<String, SigningKey> generated = generateAll(A);

        backend(B).reencryptFrom(A.toCharArray());

        OpenSsl openssl = new OpenSsl(keys());
        for (var entry : generated.entrySet()) {
            String file = entry.getKey() + ".key.pem";
            openssl.run("pkey", "-in", file, "-passin", "pass:" + B, "-noout");
            String publicKey = openssl.publicKeyOfPrivateKey(file, "-passin", "pass:" + B);
            assertThat(Pem.decode(publicKey, "PUBLIC KEY")).as(file).isEqualTo(entry.getValue().publicKeyInfo().getEncoded());
            OpenSsl.Result withA = openssl.execute("pkey", "-in", file, "-passin", "pass:" + A, "-noout");
            assertThat(withA.exitCode()).as(file + " must no longer open with the previous passphrase").isNotZero();
        }
    }

    @Test
    void reencryptThenFreshSaltAndIvUnderTheSameParameters() throws Exception {
        generateAll(A);
        OpenSsl openssl = new OpenSsl(keys());
        Map<String, List<String>> before = new TreeMap<>();
        for (String alias : KEYS.keySet()) {
            before.put(alias, saltAndIv(openssl, alias));
        }

        backend(B).reencryptFrom(A.toCharArray());

        for (String alias : KEYS.keySet()) {
            String asn1 = openssl.run("asn1parse", "-in", alias + ".key.pem");
            assertThat(asn1).as(alias).contains(":PBES2", ":PBKDF2", ":hmacWithSHA256", ":aes-256-cbc",
                    "INTEGER           :0186A0");
            List<String> after = saltAndIv(openssl, alias);
            assertThat(after.get(0)).as(alias + " salt").isNotEqualTo(before.get(alias).get(0));
            assertThat(after.get(1)).as(alias + " IV").isNotEqualTo(before.get(alias).get(1));
        }
    }

    @Test
    void reencryptWhenRunTwiceThenSecondFindsAllCurrentAndChangesNothing() throws Exception {
        generateAll(A);
        backend(B).reencryptFrom(A.toCharArray());
        Map<String, String> once = snapshot();

        SoftwareKeyBackend.Rotation again = backend(B).reencryptFrom(A.toCharArray());

        assertThat(again.reencrypted()).isEmpty();
        assertThat(again.alreadyCurrent()).containsExactly("ca-ec", "ca-rsa", "ca-sm2", "seal-ed25519");
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void reencryptWhenPreviousPassphraseWrongThenRefusedAndNoFileChanged() throws Exception {
        generateAll(A);
        Map<String, String> before = snapshot();

        KeyBackendException refused = catchThrowableOfType(KeyBackendException.class,
                () -> backend(B).reencryptFrom(WRONG.toCharArray()));

        assertThat(refused).isNotNull().hasMessageContaining("no key file was changed");
        assertThat(refused.getMessage()).contains("ca-ec", "ca-rsa", "ca-sm2", "seal-ed25519");
        assertThat(stackTrace(refused)).doesNotContain(A).doesNotContain(B).doesNotContain(WRONG);
        assertThat(snapshot()).isEqualTo(before);
        SoftwareKeyBackend withA = backend(A);
        KEYS.keySet().forEach(alias -> assertThat(withA.get(alias).alias()).isEqualTo(alias));
    }

    @Test
    void reencryptWhenOneKeyOpensUnderNeitherPassphraseThenItIsNamedAndNoFileChanged() throws Exception {
        backend(A).generate("k1", KeyAlgorithm.EC_P256);
        backend(A).generate("k2", KeyAlgorithm.EC_P256);
        backend(WRONG).generate("stranger", KeyAlgorithm.EC_P256);
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> backend(B).reencryptFrom(A.toCharArray()))
                .isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("stranger")
                .hasMessageNotContaining("k1")
                .hasMessageNotContaining("k2");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void reencryptWhenHalfDoneThenRerunCompletes() throws Exception {
        Map<String, SigningKey> generated = generateAll(A);
        // The state a crash half-way leaves: some files already under B (here written by openssl, a tool we did
        // not write), the others still under A, and a temporary file that was never renamed.
        OpenSsl openssl = new OpenSsl(keys());
        for (String alias : List.of("ca-ec", "ca-rsa")) {
            openssl.run("pkcs8", "-topk8", "-in", alias + ".key.pem", "-passin", "pass:" + A, "-v2", "aes-256-cbc",
                    "-v2prf", "hmacWithSHA256", "-iter", "100000", "-passout", "pass:" + B, "-out", alias + ".new");
            Files.move(keys().resolve(alias + ".new"), keys().resolve(alias + ".key.pem"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.write(keys().resolve(".rotate-123456.tmp"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMII".getBytes(StandardCharsets.US_ASCII));
        byte[] ecUnderB = Files.readAllBytes(keys().resolve("ca-ec.key.pem"));
        byte[] rsaUnderB = Files.readAllBytes(keys().resolve("ca-rsa.key.pem"));

        SoftwareKeyBackend.Rotation rerun = backend(B).reencryptFrom(A.toCharArray());

        assertThat(rerun.reencrypted()).containsExactly("ca-sm2", "seal-ed25519");
        assertThat(rerun.alreadyCurrent()).containsExactly("ca-ec", "ca-rsa");
        assertThat(keys().resolve("ca-ec.key.pem")).hasBinaryContent(ecUnderB);
        assertThat(keys().resolve("ca-rsa.key.pem")).hasBinaryContent(rsaUnderB);
        SoftwareKeyBackend withB = backend(B);
        generated.forEach((alias, key) -> assertThat(withB.get(alias).publicKeyInfo()).isEqualTo(key.publicKeyInfo()));
        assertThat(backend(B).reencryptFrom(A.toCharArray()).reencrypted()).isEmpty();
    }

    @Test
    void reencryptThenKeyFilesStayOwnerOnlyAndNoTemporaryFileRemains() throws Exception {
        generateAll(A);

        backend(B).reencryptFrom(A.toCharArray());

        try (Stream<Path> files = Files.list(keys())) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(2 * KEYS.size());
            for (Path file : all) {
                assertThat(file.getFileName().toString()).matches("[a-z0-9-]+\\.(key|pub)\\.pem");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void reencryptWhenPlaceholderOfGenerationInProgressThenSkippedAndLeftEmpty() throws Exception {
        backend(A).generate("k", KeyAlgorithm.EC_P256);
        Path placeholder = Files.createFile(keys().resolve("pending.key.pem"));

        SoftwareKeyBackend.Rotation rotation = backend(B).reencryptFrom(A.toCharArray());

        assertThat(rotation.reencrypted()).containsExactly("k");
        assertThat(rotation.alreadyCurrent()).isEmpty();
        assertThat(placeholder).exists().isEmptyFile();
        assertThatThrownBy(() -> backend(B).generate("pending", KeyAlgorithm.EC_P256))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("exists already");
    }

    @Test
    void reencryptWhenKeysCachedOrFailedBeforeThenBothStillWork() throws Exception {
        SoftwareKeyBackend withA = backend(A);
        SigningKey cachedUnderA = withA.generate("k", KeyAlgorithm.EC_P256);
        SoftwareKeyBackend withB = backend(B);
        assertThatThrownBy(() -> withB.get("k")).isInstanceOf(KeyBackendException.class);

        withB.reencryptFrom(A.toCharArray());

        SigningKey opened = withB.get("k");
        assertThat(opened.publicKeyInfo()).isEqualTo(cachedUnderA.publicKeyInfo());
        assertThat(withB.get("k")).isSameAs(opened);
        assertThat(withA.get("k")).isSameAs(cachedUnderA);
        assertThat(JcaSigningKeyTests.sign(withA.get("k").newContentSigner(), new byte[] {1, 2, 3})).isNotEmpty();
    }

    @Test
    void reencryptWhenNoKeysThenNothingToDo() {
        SoftwareKeyBackend.Rotation missing = new SoftwareKeyBackend(directory.resolve("none"), B.toCharArray())
                .reencryptFrom(A.toCharArray());
        SoftwareKeyBackend.Rotation empty = backend(B).reencryptFrom(A.toCharArray());

        assertThat(missing.reencrypted()).isEmpty();
        assertThat(missing.alreadyCurrent()).isEmpty();
        assertThat(empty).isEqualTo(missing);
        assertThat(directory.resolve("none")).doesNotExist();
    }

    @Test
    void reencryptWhenPreviousPassphraseMissingThenRefused() {
        assertThatThrownBy(() -> backend(B).reencryptFrom(null)).isInstanceOf(KeyBackendException.class);
        assertThatThrownBy(() -> backend(B).reencryptFrom(new char[0])).isInstanceOf(KeyBackendException.class);
    }

    private Map<String, SigningKey> generateAll(String passphrase) {
        SoftwareKeyBackend backend = backend(passphrase);
        Map<String, SigningKey> generated = new LinkedHashMap<>();
        KEYS.forEach((alias, algorithm) -> generated.put(alias, backend.generate(alias, algorithm)));
        return generated;
    }

    private SoftwareKeyBackend backend(String passphrase) {
        return new SoftwareKeyBackend(keys(), passphrase.toCharArray());
    }

    private Path keys() {
        try {
            return Files.createDirectories(directory.resolve("keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file in the key directory, by name, with its bytes. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(keys())) {
            for (Path file : all.toList()) {
                files.put(file.getFileName().toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    /** The PBKDF2 salt and the AES IV of a key file, as openssl reads them: its first two OCTET STRINGs. */
    private static List<String> saltAndIv(OpenSsl openssl, String alias) {
        List<String> octets = openssl.run("asn1parse", "-in", alias + ".key.pem").lines()
                .filter(line -> line.contains("OCTET STRING"))
                .map(line -> line.substring(line.indexOf("[HEX DUMP]:") + "[HEX DUMP]:".length()))
                .toList();
        assertThat(octets).as(alias).hasSizeGreaterThanOrEqualTo(3);
        return octets.subList(0, 2);
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
