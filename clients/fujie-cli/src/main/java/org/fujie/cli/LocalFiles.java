package org.fujie.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Reading inputs and writing results: a missing input is exit 66 with the file named, never a stack trace. */
public final class LocalFiles {

    private LocalFiles() {
    }

    /** what: how the user knows the file, e.g. "CSR" or "document". */
    public static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.NO_INPUT, "no " + what + " file " + file + ": check the path");
        } catch (AccessDeniedException e) {
            throw new CliException(ExitCode.NO_INPUT, "cannot read the " + what + " file " + file + ": permission denied");
        } catch (IOException e) {
            throw new CliException(ExitCode.NO_INPUT, "cannot read the " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }

    public static String readText(Path file, String what) {
        return new String(read(file, what), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static void write(Path file, byte[] content) {
        write(file, content, false);
    }

    /**
     * Written beside the target and moved over it, so a reader never sees half a file; private (0600) for key stores,
     * set before any byte is written.
     */
    public static void write(Path file, byte[] content, boolean secret) {
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            Path folder = target.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            temporary = secret && supportsPosix(folder)
                    ? Files.createTempFile(folder, ".fujie-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, ".fujie-", ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCode.CANNOT_WRITE, "cannot write " + file + ": " + e.getMessage() + ": check the folder exists and is writable", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // moved already, or the earlier error says what went wrong
                }
            }
        }
    }

    private static boolean supportsPosix(Path folder) {
        return folder != null && Files.getFileAttributeView(folder, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }
}
