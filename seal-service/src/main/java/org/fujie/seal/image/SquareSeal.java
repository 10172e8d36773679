package org.fujie.seal.image;

import java.awt.Font;
import java.awt.geom.Rectangle2D;

/**
 * A square seal in 法定代表人章 style: the organization name and then the seal name in columns,
 * read top to bottom and the columns right to left; every character stretched to fill its cell,
 * as carved seals do, so that a column with fewer characters still fills the height.
 */
final class SquareSeal {

    private static final double BORDER = 0.06;
    private static final double PADDING = 0.05;
    private static final double INK = 0.92;

    private SquareSeal() {
    }

    static void paint(SealCanvas canvas, String organization, String sealName) {
        double size = canvas.width();
        double border = size * BORDER;
        canvas.stroke(new Rectangle2D.Double(border / 2, border / 2, size - border, size - border), border);

        int[] text = (organization + sealName).codePoints().toArray();
        int columns = (int) Math.ceil(Math.sqrt(text.length));
        double origin = border + size * PADDING;
        double inner = size - 2 * origin;
        double columnWidth = inner / columns;
        int first = 0;
        for (int column = 0; column < columns; column++) {
            // Spread evenly: the right-hand (first read) columns take the odd characters over.
            int inColumn = text.length / columns + (column < text.length % columns ? 1 : 0);
            double cellHeight = inner / inColumn;
            Font font = SealFont.font().deriveFont((float) (cellHeight * INK));
            double squeeze = columnWidth / cellHeight;
            double cx = origin + inner - columnWidth * (column + 0.5);
            for (int row = 0; row < inColumn; row++) {
                double cy = origin + cellHeight * (row + 0.5);
                canvas.glyph(new String(text, first + row, 1), font, cx, cy, 0, squeeze, 1.0);
            }
            first += inColumn;
        }
    }
}
