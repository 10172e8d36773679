package org.fujie.seal.image;

import java.awt.Font;

/**
 * Text set clockwise along the upper arc of an ellipse (a circle being the case a = b), each
 * character upright as seen from outside the seal: its top points along the outward normal.
 * Characters are spaced by arc length, not by angle, so that they are evenly spread on an oval too.
 */
final class ArcText {

    private static final int SAMPLES = 1024;

    private final double cx;
    private final double cy;
    private final double a;
    private final double b;
    private final double span;
    private final double[] lengths = new double[SAMPLES + 1];

    /**
     * @param a    semi-axis across of the ellipse the characters' centres lie on
     * @param b    semi-axis up and down of that ellipse
     * @param span the angle the text covers, centred on the top, in radians
     */
    ArcText(double cx, double cy, double a, double b, double span) {
        this.cx = cx;
        this.cy = cy;
        this.a = a;
        this.b = b;
        this.span = span;
        for (int i = 1; i <= SAMPLES; i++) {
            double t0 = angleAt(i - 1);
            double t1 = angleAt(i);
            lengths[i] = lengths[i - 1] + Math.hypot(x(t1) - x(t0), y(t1) - y(t0));
        }
    }

    /** The length of the arc the text covers. */
    double length() {
        return lengths[SAMPLES];
    }

    /**
     * Draws the characters, each in a slot of equal arc length, squeezed across (never stretched)
     * when a slot is narrower than the font's em.
     */
    void draw(SealCanvas canvas, String text, Font font) {
        int[] codePoints = text.codePoints().toArray();
        double slot = length() / codePoints.length;
        double squeeze = Math.min(1.0, 0.92 * slot / font.getSize2D());
        for (int i = 0; i < codePoints.length; i++) {
            double t = angleAtLength(slot * (i + 0.5));
            double rotation = Math.atan2(Math.sin(t) / a, Math.cos(t) / b);
            canvas.glyph(new String(codePoints, i, 1), font, x(t), y(t), rotation, squeeze, 1.0);
        }
    }

    // t = 0 is the top of the ellipse, and t grows clockwise on screen (y grows downwards).
    private double x(double t) {
        return cx + a * Math.sin(t);
    }

    private double y(double t) {
        return cy - b * Math.cos(t);
    }

    private double angleAt(int sample) {
        return -span / 2 + span * sample / SAMPLES;
    }

    private double angleAtLength(double s) {
        int lo = 0;
        int hi = SAMPLES;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (lengths[mid] < s) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double piece = lengths[hi] - lengths[lo];
        double within = piece == 0 ? 0 : (s - lengths[lo]) / piece;
        return angleAt(lo) + (angleAt(hi) - angleAt(lo)) * within;
    }
}
