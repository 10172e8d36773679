package org.fujie.seal.image;

import java.awt.Shape;
import java.awt.geom.Path2D;

/** The five-pointed star in the middle of a 公章. */
final class Star {

    // A regular pentagram's inner vertices lie at this fraction of its outer radius.
    private static final double INNER_RATIO = Math.sin(Math.toRadians(18)) / Math.sin(Math.toRadians(126));

    private Star() {
    }

    /** A star with one point straight up, centred at (cx, cy). */
    static Shape fivePointed(double cx, double cy, double outerRadius) {
        Path2D.Double star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outerRadius : outerRadius * INNER_RATIO;
            double angle = Math.PI * i / 5;
            double x = cx + r * Math.sin(angle);
            double y = cy - r * Math.cos(angle);
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
