package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFilesTests {

    @TempDir
    Path directory;

    @Test
    void writeOwnerOnlyThenMode0600InNewDirectories() throws Exception {
        Path target = directory.resolve("a/b/secret.key");

        SecureFiles.writeOwnerOnly(target, bytes("secret"));

        assertThat(target).hasContent("secret");
        assertThat(permissions(target)).isEqualTo("rw-------");
        assertThat(names(target.getParent())).containsExactly("secret.key");
    }

    @Test
    void writeOwnerOnlyWhenFileWasWorldReadableThenReplacedWithMode0600() throws Exception {
        Path target = directory.resolve("secret.key");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));

        SecureFiles.writeOwnerOnly(target, bytes("new"));

        assertThat(target).hasContent("new");
        assertThat(permissions(target)).isEqualTo("rw-------");
        assertThat(names(directory)).containsExactly("secret.key");
    }

    @Test
    void writePublicThenMode0644AndReplaced() throws Exception {
        Path target = directory.resolve("certs/ca.pem");

        SecureFiles.writePublic(target, bytes("first"));
        SecureFiles.writePublic(target, bytes("second"));

        assertThat(target).hasContent("second");
        assertThat(permissions(target)).isEqualTo("rw-r--r--");
        assertThat(names(target.getParent())).containsExactly("ca.pem");
    }

    @Test
    void writeOwnerOnlyWhenRelativePathThenWrittenThere() throws Exception {
        Path relative = Path.of("").toAbsolutePath().relativize(directory.resolve("relative.key"));

        SecureFiles.writeOwnerOnly(relative, bytes("x"));

        assertThat(directory.resolve("relative.key")).hasContent("x");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static java.util.List<String> names(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
