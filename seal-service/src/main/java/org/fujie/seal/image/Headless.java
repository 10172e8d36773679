package org.fujie.seal.image;

/**
 * Seals are drawn on servers without a display. Spring Boot already sets java.awt.headless; a
 * plain caller may not have, and AWT decides once, on first use, so this runs before any of it.
 */
final class Headless {

    private Headless() {
    }

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
