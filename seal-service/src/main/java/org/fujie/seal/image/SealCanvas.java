package org.fujie.seal.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** A transparent ARGB image that seal parts are drawn on in seal red, and encoded as PNG. */
final class SealCanvas {

    /** The red of Chinese official seals' ink (印泥红). */
    static final Color SEAL_RED = new Color(0xE6, 0x00, 0x12);

    static {
        Headless.ensure();
    }

    private final BufferedImage image;
    private final Graphics2D g;

    SealCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(SEAL_RED);
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    void stroke(Shape shape, double lineWidth) {
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(shape);
    }

    void fill(Shape shape) {
        g.fill(shape);
    }

    /**
     * Draws one character centred on (cx, cy): centred on its advance across and on the em box
     * up and down, turned by {@code rotation} (radians, clockwise) and scaled by sx and sy.
     * Glyphs are filled as outlines so that text is antialiased exactly like the border.
     */
    void glyph(String character, Font font, double cx, double cy, double rotation, double sx, double sy) {
        FontRenderContext frc = g.getFontRenderContext();
        GlyphVector vector = font.createGlyphVector(frc, character);
        double advance = vector.getGlyphMetrics(0).getAdvance();
        AffineTransform at = new AffineTransform();
        at.translate(cx, cy);
        at.rotate(rotation);
        at.scale(sx, sy);
        at.translate(-advance / 2, font.getSize2D() * SealFont.EM_BOX_CENTRE);
        g.fill(at.createTransformedShape(vector.getOutline()));
    }

    byte[] toPng() {
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // In memory: ImageIO's default disk cache would leave temporary files behind on a server.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
