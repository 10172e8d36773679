package org.fujie.seal.image;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font shipped with this package (Noto Serif SC Bold, subset to GB 2312 plus ASCII,
 * SIL OFL 1.1; see font/README.md beside it). Shipped rather than looked up so that a seal looks the same
 * on every machine and never falls back to whatever fonts a server happens to have.
 */
public final class SealFont {

    static final String RESOURCE = "font/NotoSerifSC-Bold-GB2312.ttf";

    /**
     * Where the ideographic em box's centre lies above the baseline, in ems: Noto CJK's em box runs
     * from -0.12 to 0.88. Centring on it, not on each glyph's ink, keeps 一 and 口 on one line.
     */
    static final double EM_BOX_CENTRE = 0.38;

    private SealFont() {
    }

    /** The font at 1 pt; derive the size needed. Loaded once, on first use. */
    public static Font font() {
        return Holder.FONT;
    }

    /**
     * Refuses text that has a character the font cannot draw, rather than drawing a box for it.
     *
     * @param what how the text is called in the message, e.g. "organization name"
     */
    public static void requireDisplayable(String text, String what) {
        int at = font().canDisplayUpTo(text);
        if (at >= 0) {
            int cp = text.codePointAt(at);
            throw new IllegalArgumentException(String.format(
                    "%s has a character the seal font cannot draw: '%s' (U+%04X) at position %d;"
                            + " the font covers GB 2312 and ASCII",
                    what, new String(Character.toChars(cp)), cp, text.codePointCount(0, at) + 1));
        }
    }

    // Holder idiom: the 3 MB font is read only when a seal is first drawn, and only once.
    private static final class Holder {
        static final Font FONT = load();

        private static Font load() {
            Headless.ensure();
            try (InputStream in = SealFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("seal font missing from the classpath: " + RESOURCE);
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException("seal font could not be read: " + RESOURCE, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("seal font is not a TrueType font: " + RESOURCE, e);
            }
        }
    }
}
