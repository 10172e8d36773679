package org.fujie.ca.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap lock makes a second instance wait, whether it is another process or another start in this JVM. */
class BootstrapLockTests {

    @Test
    void acquireWhenAnotherProcessHoldsTheLockThenWaitsUntilItIsReleased(@TempDir Path dataDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BootstrapLockHolder.class.getName(), dataDir.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> BootstrapLock.acquire(dataDir).close());
            Thread.sleep(500);
            assertThat(second).as("the lock is held by the other process").isNotDone();

            holder.getOutputStream().close();
            second.get(20, TimeUnit.SECONDS);
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void acquireWhenHeldInThisJvmThenWaitsInsteadOfFailing(@TempDir Path dataDir) throws Exception {
        // The JVM refuses a second FileChannel lock of its own (OverlappingFileLockException): the in-process lock waits instead.
        CompletableFuture<Void> second;
        try (BootstrapLock first = BootstrapLock.acquire(dataDir)) {
            second = CompletableFuture.runAsync(() -> BootstrapLock.acquire(dataDir).close());
            Thread.sleep(300);
            assertThat(second).isNotDone();
        }
        second.get(20, TimeUnit.SECONDS);
        assertThat(BootstrapLock.file(dataDir)).exists();
    }
}
