package org.fujie.seal.stamp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.fujie.pki.pades.KeywordLocator;
import org.fujie.pki.pades.PadesException;

/**
 * A document to stamp: small ones in memory (the fast path), large ones in a file so memory stays bounded; one of
 * bytes or file is set.
 */
public record StampDocument(byte[] bytes, Path file) {

    public StampDocument {
        if ((bytes == null) == (file == null)) {
            throw new IllegalArgumentException("a document is either in memory or in a file");
        }
    }

    public static StampDocument of(byte[] bytes) {
        return new StampDocument(bytes, null);
    }

    public static StampDocument of(Path file) {
        return new StampDocument(null, file);
    }

    List<KeywordLocator.Occurrence> find(String keyword, boolean each) throws PadesException {
        return bytes != null ? KeywordLocator.find(bytes, keyword, each) : KeywordLocator.find(file, keyword, each);
    }

    /** Lower-case hex SHA-256, streamed from a file. */
    String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (bytes != null) {
                return HexFormat.of().formatHex(digest.digest(bytes));
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[256 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
