package org.fujie.pki;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * Runs the {@code openssl} command line tool in one working directory (a test's {@code @TempDir}),
 * the verifier that no one here wrote. A non-zero exit fails the test with the tool's stderr.
 */
public final class OpenSsl {

    private static final long TIMEOUT_SECONDS = 30;

    private final Path directory;

    public OpenSsl(Path directory) {
        this.directory = directory;
    }

    /** Runs openssl and returns its stdout; fails the test with its stderr when it exits non-zero. */
    public String run(String... arguments) {
        return runForResult(arguments).stdout();
    }

    /** Runs openssl and returns stdout and stderr (some commands report there); fails on a non-zero exit. */
    public Result runForResult(String... arguments) {
        Result result = execute(arguments);
        if (result.exitCode() != 0) {
            fail("openssl " + String.join(" ", arguments) + " exited with " + result.exitCode()
                    + "\nstderr:\n" + result.stderr() + "\nstdout:\n" + result.stdout());
        }
        return result;
    }

    /** Runs openssl and returns what happened, for commands that are expected to fail. */
    public Result execute(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile(directory, ".openssl-", ".out");
            Path err = Files.createTempFile(directory, ".openssl-", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("openssl " + String.join(" ", arguments) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            Result result = new Result(process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    public Path path(String name) {
        return directory.resolve(name);
    }

    public Path write(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String name, byte[] content) {
        try {
            return Files.write(path(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] readBytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates a private key file with {@code openssl genpkey} and returns its name. */
    public String generateKey(String name, String... genpkeyOptions) {
        List<String> arguments = new ArrayList<>(List.of("genpkey"));
        arguments.addAll(List.of(genpkeyOptions));
        arguments.addAll(List.of("-out", name));
        run(arguments.toArray(new String[0]));
        return name;
    }

    /** The public key of a private key, certificate or PEM public key file, as PEM from openssl itself. */
    public String publicKeyOfPrivateKey(String keyFile, String... passinOptions) {
        List<String> arguments = new ArrayList<>(List.of("pkey", "-in", keyFile, "-pubout"));
        arguments.addAll(List.of(passinOptions));
        return run(arguments.toArray(new String[0]));
    }

    public String publicKeyOfCertificate(String certificateFile) {
        return run("x509", "-in", certificateFile, "-noout", "-pubkey");
    }

    /** The {@code openssl genpkey} options that make a key of the algorithm. */
    public static String[] genpkeyOptions(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA_2048 -> new String[] {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"};
            case RSA_3072 -> new String[] {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"};
            case RSA_4096 -> new String[] {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096"};
            case EC_P256 -> new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"};
            case EC_P384 -> new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"};
            case ED25519 -> new String[] {"-algorithm", "ED25519"};
            case SM2 -> new String[] {"-algorithm", "SM2"};
        };
    }

    /**
     * Options that make {@code openssl verify} and {@code req -verify} use the GM/T 0009 default user ID
     * for SM2, as Bouncy Castle does (see shared/FACTS.md); none for the other algorithms.
     */
    public static List<String> verifyOptions(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.SM2 ? List.of("-vfyopt", "distid:" + SM2_DEFAULT_ID) : List.of();
    }

    public static final String SM2_DEFAULT_ID = "1234567812345678";

    /** Verifies a signature over a file with a PEM public key, the way the algorithm's users would. */
    public Result verifySignature(KeyAlgorithm algorithm, String publicKeyFile, String dataFile, String signatureFile) {
        return switch (algorithm) {
            case RSA_2048, RSA_3072, RSA_4096, EC_P256 ->
                    execute("dgst", "-sha256", "-verify", publicKeyFile, "-signature", signatureFile, dataFile);
            case EC_P384 -> execute("dgst", "-sha384", "-verify", publicKeyFile, "-signature", signatureFile, dataFile);
            case ED25519 -> execute("pkeyutl", "-verify", "-pubin", "-inkey", publicKeyFile, "-rawin", "-in", dataFile,
                    "-sigfile", signatureFile);
            case SM2 -> execute("dgst", "-sm3", "-verify", publicKeyFile, "-sigopt", "distid:" + SM2_DEFAULT_ID,
                    "-signature", signatureFile, dataFile);
        };
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }
}
