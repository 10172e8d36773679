package org.fujie.seal.image;

import java.awt.Font;
import java.awt.geom.Ellipse2D;

/**
 * A round or oval seal: the border, the organization name along the upper arc, the star in the
 * middle and the seal name across below it. Proportions follow a 42 mm 公章 (1.2 mm border,
 * 14 mm star, about 6.5 mm organization characters), scaled to the shorter semi-axis.
 */
final class EllipticSeal {

    private static final double BORDER = 0.057;
    private static final double TEXT_GAP = 0.05;
    private static final double ORG_FONT = 0.30;
    private static final double STAR_RADIUS = 0.32;
    private static final double NAME_FONT = 0.21;
    private static final double NAME_CENTRE = 0.56;
    private static final double NAME_MAX_WIDTH = 1.15;
    private static final double MAX_SPAN = Math.toRadians(240);
    private static final double SPAN_PER_CHARACTER = Math.toRadians(40);

    private EllipticSeal() {
    }

    static void paint(SealCanvas canvas, String organization, String sealName) {
        double semiA = canvas.width() / 2.0;
        double semiB = canvas.height() / 2.0;
        double unit = Math.min(semiA, semiB);
        double border = unit * BORDER;
        canvas.stroke(new Ellipse2D.Double(border / 2, border / 2,
                canvas.width() - border, canvas.height() - border), border);

        drawOrganization(canvas, organization, semiA, semiB, border, unit);
        canvas.fill(Star.fivePointed(semiA, semiB, unit * STAR_RADIUS));
        HorizontalText.draw(canvas, sealName, SealFont.font().deriveFont((float) (unit * NAME_FONT)),
                semiA, semiB + unit * NAME_CENTRE, semiA * NAME_MAX_WIDTH);
    }

    private static void drawOrganization(SealCanvas canvas, String text, double semiA, double semiB,
            double border, double unit) {
        int count = text.codePointCount(0, text.length());
        // Few characters are not spread thin over the whole arc; many get a smaller font.
        double span = Math.min(MAX_SPAN, count * SPAN_PER_CHARACTER);
        double size = unit * ORG_FONT;
        ArcText arc = arcFor(semiA, semiB, border + unit * TEXT_GAP + size / 2, span);
        double fitting = 1.6 * arc.length() / count;
        if (fitting < size) {
            size = fitting;
            arc = arcFor(semiA, semiB, border + unit * TEXT_GAP + size / 2, span);
        }
        arc.draw(canvas, text, SealFont.font().deriveFont((float) size));
    }

    // The characters' centres lie on an ellipse this far inside the outer edge.
    private static ArcText arcFor(double semiA, double semiB, double inset, double span) {
        return new ArcText(semiA, semiB, semiA - inset, semiB - inset, span);
    }
}
