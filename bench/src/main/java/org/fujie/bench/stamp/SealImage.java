package org.fujie.bench.stamp;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * The seal both signers draw: a red round seal (outer ring, inner ring, five-pointed star) on a transparent ground,
 * drawn with java.awt (headless, no fonts) and written as a PNG by ImageIO; the same bytes every time.
 */
final class SealImage {

    /** The default side in pixels: a seal of 120 pt printed at about 240 dpi. */
    static final int PIXELS = 400;

    private SealImage() {
    }

    /** @param pixels the side of the square image; the drawing scales with it */
    static byte[] png(int pixels) {
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(pixels / (double) PIXELS, pixels / (double) PIXELS);
            g.setColor(new Color(220, 20, 30));
            g.setStroke(new BasicStroke(18));
            g.drawOval(12, 12, PIXELS - 24, PIXELS - 24);
            g.setStroke(new BasicStroke(4));
            g.drawOval(44, 44, PIXELS - 88, PIXELS - 88);
            g.fill(star(PIXELS / 2.0, PIXELS / 2.0, 110, 44));
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D.Double star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(angle), y = cy + r * Math.sin(angle);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        return star;
    }
}
