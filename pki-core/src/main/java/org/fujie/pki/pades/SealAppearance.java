package org.fujie.pki.pades;

/**
 * Where the visible seal goes: a page (1-based) and a rectangle in PDF user-space points from the page's
 * lower-left corner, and the image drawn into it (a PNG, transparency kept).
 */
public record SealAppearance(int page, float x, float y, float width, float height, byte[] png) {

    public SealAppearance {
        if (page < 1 || width <= 0 || height <= 0 || x < 0 || y < 0) {
            throw new IllegalArgumentException("a seal appearance needs a page from 1, a position from 0 and a positive size");
        }
        if (png == null || png.length == 0) {
            throw new IllegalArgumentException("a seal appearance needs an image");
        }
    }
}
