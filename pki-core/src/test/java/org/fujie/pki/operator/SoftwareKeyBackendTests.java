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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fujie.pki.OpenSsl;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoftwareKeyBackendTests {

    private static final String PASSPHRASE = "correct-horse-battery-staple";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519", "SM2"})
    void generateThenKeyFileIsEncryptedPkcs8ThatOpenSslDecrypts(KeyAlgorithm algorithm) {
        SoftwareKeyBackend backend = new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray());

        SigningKey key = backend.generate("ca-root", algorithm);

        OpenSsl openssl = new OpenSsl(keys());
        String keyFile = openssl.read("ca-root.key.pem");
        assertThat(keyFile).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("BEGIN PRIVATE KEY");
        String publicKey = openssl.publicKeyOfPrivateKey("ca-root.key.pem", "-passin", "pass:" + PASSPHRASE);
        assertThat(Pem.decode(publicKey, "PUBLIC KEY")).isEqualTo(encoded(key));
        assertThat(Pem.decode(openssl.read("ca-root.pub.pem"), "PUBLIC KEY")).isEqualTo(encoded(key));
        OpenSsl.Result wrong = openssl.execute("pkey", "-in", "ca-root.key.pem", "-passin", "pass:not-the-passphrase", "-noout");
        assertThat(wrong.exitCode()).isNotZero();
    }

    @Test
    void generateThenPbes2WithPbkdf2HmacSha256AndAes256() {
        new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray()).generate("k", KeyAlgorithm.EC_P256);

        String asn1 = new OpenSsl(keys()).run("asn1parse", "-in", "k.key.pem");

        assertThat(asn1).contains(":PBES2", ":PBKDF2", ":hmacWithSHA256", ":aes-256-cbc");
        assertThat(asn1).contains("INTEGER           :0186A0"); // 100,000 iterations
    }

    @Test
    void generateThenFilesAreReadableByTheOwnerOnly() throws Exception {
        new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray()).generate("k", KeyAlgorithm.EC_P256);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys().resolve("k.key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys().resolve("k.pub.pem"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(keys())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("k.key.pem", "k.pub.pem");
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "ED25519", "SM2"})
    void getWhenNewBackendOnSameDirectoryThenKeyLoadsAndSigns(KeyAlgorithm algorithm) throws Exception {
        SigningKey generated = new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray()).generate("k", algorithm);
        SoftwareKeyBackend reopened = new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray());

        SigningKey loaded = reopened.get("k");

        assertThat(loaded.algorithm()).isEqualTo(algorithm);
        assertThat(loaded.publicKeyInfo()).isEqualTo(generated.publicKeyInfo());
        assertThat(reopened.get("k")).isSameAs(loaded);
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("data", "to be signed".getBytes(StandardCharsets.US_ASCII));
        openssl.write("sig", JcaSigningKeyTests.sign(loaded.newContentSigner(), "to be signed".getBytes(StandardCharsets.US_ASCII)));
        OpenSsl.Result verified = openssl.verifySignature(algorithm, keys().resolve("k.pub.pem").toString(), "data", "sig");
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
    }

    @Test
    void getWhenWrongPassphraseThenRejectedWithoutSecretsInTheMessage() throws Exception {
        new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray()).generate("ca-root", KeyAlgorithm.EC_P256);
        String wrongPassphrase = "wrong-passphrase-123";
        SoftwareKeyBackend wrong = new SoftwareKeyBackend(keys(), wrongPassphrase.toCharArray());
        OpenSsl openssl = new OpenSsl(keys());
        openssl.run("pkey", "-in", "ca-root.key.pem", "-passin", "pass:" + PASSPHRASE, "-outform", "DER", "-out", "../plain.der");
        byte[] plainKey = Files.readAllBytes(directory.resolve("plain.der"));
        String encryptedBody = openssl.read("ca-root.key.pem").lines().skip(1).findFirst().orElseThrow();

        KeyBackendException rejected = catchThrowableOfType(KeyBackendException.class, () -> wrong.get("ca-root"));

        assertThat(rejected).isNotNull().hasMessageContaining("ca-root");
        String everything = stackTrace(rejected);
        assertThat(everything)
                .doesNotContain(PASSPHRASE)
                .doesNotContain(wrongPassphrase)
                .doesNotContain(encryptedBody)
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(plainKey, plainKey.length - 32, plainKey.length))
                .doesNotContain(Base64.getEncoder().encodeToString(plainKey).substring(40, 80));
        assertThat(wrong.contains("ca-root")).isTrue();
    }

    @Test
    void generateWhenAliasExistsThenRefusedAndKeyKept() throws Exception {
        SoftwareKeyBackend backend = new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray());
        SigningKey original = backend.generate("ca-root", KeyAlgorithm.EC_P256);
        byte[] keyFile = Files.readAllBytes(keys().resolve("ca-root.key.pem"));
        byte[] publicFile = Files.readAllBytes(keys().resolve("ca-root.pub.pem"));

        assertThatThrownBy(() -> backend.generate("ca-root", KeyAlgorithm.EC_P384))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("ca-root");
        assertThatThrownBy(() -> new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray()).generate("ca-root", KeyAlgorithm.EC_P256))
                .isInstanceOf(KeyBackendException.class);

        assertThat(keys().resolve("ca-root.key.pem")).hasBinaryContent(keyFile);
        assertThat(keys().resolve("ca-root.pub.pem")).hasBinaryContent(publicFile);
        assertThat(new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray()).get("ca-root").publicKeyInfo())
                .isEqualTo(original.publicKeyInfo());
    }

    @Test
    void generateWhenSameAliasConcurrentlyThenOnlyOneSucceedsAndItsKeyIsKept() throws Exception {
        // Two backends on one directory, as two beans of a service could be: the alias must still be taken once.
        SoftwareKeyBackend[] backends = {new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray()),
                new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray())};
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<SigningKey>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                SoftwareKeyBackend backend = backends[i % 2];
                results.add(pool.submit(() -> {
                    start.await();
                    return backend.generate("race", KeyAlgorithm.EC_P256);
                }));
            }
            start.countDown();
            List<SigningKey> generated = new ArrayList<>();
            for (Future<SigningKey> result : results) {
                try {
                    generated.add(result.get());
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(KeyBackendException.class);
                }
            }

            assertThat(generated).hasSize(1);
            assertThat(new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray()).get("race").publicKeyInfo())
                    .isEqualTo(generated.get(0).publicKeyInfo());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void generateWhenStoringFailsThenAliasIsFreeAgain() throws Exception {
        SoftwareKeyBackend backend = new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray());
        Path obstacle = Files.createDirectories(keys().resolve("k.pub.pem").resolve("in-the-way"));

        assertThatThrownBy(() -> backend.generate("k", KeyAlgorithm.EC_P256))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("cannot store key k");

        assertThat(backend.contains("k")).isFalse();
        Files.delete(obstacle);
        Files.delete(obstacle.getParent());
        assertThat(backend.generate("k", KeyAlgorithm.EC_P256).alias()).isEqualTo("k");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../escape", "a/b", "a\\b", ".hidden", "-dash", "_under", "a b", "ä", "a\u0000b",
            "/etc/passwd", "..", "a:b", "x\n"})
    void generateOrGetWhenAliasInvalidThenRefused(String alias) throws Exception {
        SoftwareKeyBackend backend = new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray());

        assertThatThrownBy(() -> backend.generate(alias, KeyAlgorithm.EC_P256)).isInstanceOf(KeyBackendException.class);
        assertThatThrownBy(() -> backend.get(alias)).isInstanceOf(KeyBackendException.class);
        assertThatThrownBy(() -> backend.contains(alias)).isInstanceOf(KeyBackendException.class);
        try (var files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void generateWhenAliasNullOrTooLongThenRefused() {
        SoftwareKeyBackend backend = new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray());

        assertThatThrownBy(() -> backend.generate(null, KeyAlgorithm.EC_P256)).isInstanceOf(KeyBackendException.class);
        assertThatThrownBy(() -> backend.generate("a".repeat(129), KeyAlgorithm.EC_P256)).isInstanceOf(KeyBackendException.class);
        assertThat(backend.generate("a".repeat(128), KeyAlgorithm.EC_P256).alias()).hasSize(128);
        assertThat(backend.generate("ca-issuing.2026_v1", KeyAlgorithm.EC_P256).alias()).isEqualTo("ca-issuing.2026_v1");
    }

    @Test
    void getWhenNoSuchAliasThenRefused() {
        SoftwareKeyBackend backend = new SoftwareKeyBackend(keys(), PASSPHRASE.toCharArray());

        assertThat(backend.contains("missing")).isFalse();
        assertThatThrownBy(() -> backend.get("missing")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void newWhenPassphraseShorterThan12CharactersThenRefused() {
        assertThatThrownBy(() -> new SoftwareKeyBackend(keys(), "short-11chr".toCharArray()))
                .isInstanceOf(KeyBackendException.class).hasMessageNotContaining("short-11chr");
        assertThatThrownBy(() -> new SoftwareKeyBackend(keys(), null)).isInstanceOf(KeyBackendException.class);
        assertThat(new SoftwareKeyBackend(keys(), "exactly-12ch".toCharArray()).name()).isEqualTo("software");
    }

    @Test
    void newThenPassphraseIsCopied() {
        char[] passphrase = PASSPHRASE.toCharArray();
        SoftwareKeyBackend backend = new SoftwareKeyBackend(keys(), passphrase);
        Arrays.fill(passphrase, '\0');

        backend.generate("k", KeyAlgorithm.EC_P256);

        OpenSsl openssl = new OpenSsl(keys());
        openssl.run("pkey", "-in", "k.key.pem", "-passin", "pass:" + PASSPHRASE, "-noout");
        assertThat(backend.toString()).doesNotContain(PASSPHRASE);
    }

    private Path keys() {
        Path keys = directory.resolve("keys");
        try {
            return Files.createDirectories(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encoded(SigningKey key) {
        try {
            return key.publicKeyInfo().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
