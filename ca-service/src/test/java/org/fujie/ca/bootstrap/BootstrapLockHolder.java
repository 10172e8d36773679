package org.fujie.ca.bootstrap;

import java.nio.file.Path;

/** Another process holding the bootstrap lock of a data folder until its standard input closes (BootstrapLockTests). */
public final class BootstrapLockHolder {

    private BootstrapLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (BootstrapLock lock = BootstrapLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
