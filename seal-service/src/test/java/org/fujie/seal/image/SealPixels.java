package org.fujie.seal.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading rendered seals back, pixel by pixel. */
final class SealPixels {

    private SealPixels() {
    }

    static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opaque enough and close to seal red: the middle of a stroke, not its antialiased edge. */
    static boolean isRed(BufferedImage image, int x, int y) {
        int argb = image.getRGB(x, y);
        int alpha = argb >>> 24;
        int red = (argb >> 16) & 0xFF;
        int green = (argb >> 8) & 0xFF;
        int blue = argb & 0xFF;
        return alpha > 200 && red > 200 && green < 40 && blue < 60;
    }

    static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    /** Red pixels in the rectangle [x0, x1) x [y0, y1). */
    static int redIn(BufferedImage image, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (isRed(image, x, y)) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Red pixels of a round seal in a ring sector: radii as fractions of the seal's radius, angles in
     * degrees clockwise from straight up.
     */
    static int redInSector(BufferedImage image, double r0, double r1, double fromDegrees, double toDegrees) {
        double c = image.getWidth() / 2.0;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double dx = x + 0.5 - c;
                double dy = y + 0.5 - c;
                double r = Math.hypot(dx, dy) / c;
                double angle = Math.toDegrees(Math.atan2(dx, -dy));
                if (r >= r0 && r < r1 && angle >= fromDegrees && angle < toDegrees && isRed(image, x, y)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Leaves the image in target/ for a person to look at. */
    static void save(byte[] png, String name) {
        try {
            Path dir = Path.of("target", "seal-images");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
