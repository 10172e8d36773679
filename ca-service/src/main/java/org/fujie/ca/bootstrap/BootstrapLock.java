package org.fujie.ca.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Instances sharing a data folder take turns at making the bootstrap material: the first makes the CAs and the files
 * under {@code bootstrap/}, the others wait, then find and load them. Across processes this is an OS file lock
 * ({@link FileChannel#lock()}, released by the OS if the holder dies); within one JVM a lock per folder as well,
 * because the JVM refuses a second file lock of its own on the same file.
 */
public final class BootstrapLock implements AutoCloseable {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private BootstrapLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Where the lock lives: beside ca-service's bootstrap CA files, not among the files others read. */
    public static Path file(Path dataDir) {
        return dataDir.resolve("ca-service").resolve("bootstrap.lock");
    }

    /** Waits until no other instance (process or in this JVM) is making the material of this data folder. */
    public static BootstrapLock acquire(Path dataDir) {
        Path file = file(dataDir.toAbsolutePath().normalize());
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new BootstrapLock(local, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock " + file + " for the bootstrap", io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the bootstrap lock", e);
        } finally {
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the acquisition failed already; that error is the one to report
            }
        }
    }
}
