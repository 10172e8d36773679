package org.fujie.pki.pades;

import java.util.List;

/** The seal as seen: its image (a PNG, transparency kept) and the places it is drawn, all covered by one signature. */
public record SealAppearance(List<Placement> placements, byte[] png) {

    public SealAppearance {
        placements = List.copyOf(placements);
        if (placements.isEmpty()) {
            throw new IllegalArgumentException("a seal appearance needs at least one placement");
        }
        if (png == null || png.length == 0) {
            throw new IllegalArgumentException("a seal appearance needs an image");
        }
    }

    /** The seal once, at (x, y) on the page. */
    public static SealAppearance at(int page, float x, float y, float width, float height, byte[] png) {
        return new SealAppearance(List.of(new Placement.At(page, x, y, width, height)), png);
    }
}
