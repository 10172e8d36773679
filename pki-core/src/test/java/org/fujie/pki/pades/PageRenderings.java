package org.fujie.pki.pades;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Pages rendered by poppler's pdftoppm at 72 dpi (one pixel per point), and the seal's red looked for in them. */
public final class PageRenderings {

    private PageRenderings() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/pdftoppm"));
    }

    /** Page n (1-based) of the PDF as pdftoppm draws it. */
    public static BufferedImage render(byte[] pdf, int page, Path dir) throws IOException, InterruptedException {
        Path file = Files.write(dir.resolve("render-" + System.nanoTime() + ".pdf"), pdf);
        Path prefix = dir.resolve("page-" + System.nanoTime());
        Process process = new ProcessBuilder("pdftoppm", "-r", "72", "-png", "-singlefile", "-f", Integer.toString(page), "-l",
                Integer.toString(page), file.toString(), prefix.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("pdftoppm failed: " + output);
        }
        return ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
    }

    /** The pixel at PDF point (x, y) of a page 792 points high (PDF y grows upwards, image y downwards). */
    public static boolean redAt(BufferedImage page, float x, float y) {
        int argb = page.getRGB(Math.round(x), page.getHeight() - Math.round(y));
        int r = argb >> 16 & 0xff;
        int g = argb >> 8 & 0xff;
        int b = argb & 0xff;
        return r > 180 && g < 80 && b < 80;
    }
}
