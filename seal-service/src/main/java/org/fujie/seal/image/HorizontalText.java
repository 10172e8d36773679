package org.fujie.seal.image;

import java.awt.Font;

/** A line of characters across, each in an em-wide cell, squeezed across to fit a width. */
final class HorizontalText {

    private HorizontalText() {
    }

    static void draw(SealCanvas canvas, String text, Font font, double cx, double cy, double maxWidth) {
        int[] codePoints = text.codePoints().toArray();
        double em = font.getSize2D();
        double squeeze = Math.min(1.0, maxWidth / (codePoints.length * em));
        double cell = em * squeeze;
        double left = cx - cell * codePoints.length / 2;
        for (int i = 0; i < codePoints.length; i++) {
            canvas.glyph(new String(codePoints, i, 1), font, left + cell * (i + 0.5), cy, 0, squeeze, 1.0);
        }
    }
}
