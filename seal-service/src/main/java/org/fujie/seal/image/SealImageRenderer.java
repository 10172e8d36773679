package org.fujie.seal.image;

import java.util.Objects;

/**
 * Draws the image of a Chinese electronic seal (电子印章) as a PNG: seal red on a transparent
 * background, antialiased, with the shipped font so that it looks the same on every server.
 * Stateless and thread-safe.
 */
public final class SealImageRenderer {

    /** The side of a round or square seal, and the width of an oval one, unless told otherwise. */
    public static final int DEFAULT_SIZE = 400;
    public static final int MIN_SIZE = 100;
    public static final int MAX_SIZE = 2000;
    /** More would be squeezed to unreadable slivers on the arc. */
    public static final int MAX_ORGANIZATION_LENGTH = 24;
    public static final int MAX_SEAL_NAME_LENGTH = 12;
    /** A square seal holds at most four columns of four. */
    public static final int MAX_SQUARE_LENGTH = 16;
    /** Height to width of an oval seal: 1.4 : 2. */
    static final double OVAL_RATIO = 0.7;

    /** Draws a seal {@value #DEFAULT_SIZE} pixels across. */
    public byte[] render(String organization, String sealName, SealShape shape) {
        return render(organization, sealName, shape, DEFAULT_SIZE);
    }

    /**
     * Draws a seal.
     *
     * @param organization the organization name, e.g. 北京市某某局, set along the upper arc
     * @param sealName     the seal name, e.g. 合同专用章 or 公章, set across below the star
     * @param size         the image's width in pixels ({@value #MIN_SIZE} to {@value #MAX_SIZE});
     *                     an oval seal is 0.7 times as high, the others square
     * @return a PNG image with an alpha channel
     * @throws IllegalArgumentException for a missing or too long name, a character the seal font
     *                                  lacks, or a size out of range
     */
    public byte[] render(String organization, String sealName, SealShape shape, int size) {
        Objects.requireNonNull(shape, "shape");
        String org = requireText(organization, "organization name", MAX_ORGANIZATION_LENGTH);
        String name = requireText(sealName, "seal name", MAX_SEAL_NAME_LENGTH);
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(String.format(
                    "seal size must be %d to %d pixels, was %d", MIN_SIZE, MAX_SIZE, size));
        }
        return switch (shape) {
            case ROUND -> {
                SealCanvas canvas = new SealCanvas(size, size);
                EllipticSeal.paint(canvas, org, name);
                yield canvas.toPng();
            }
            case OVAL -> {
                SealCanvas canvas = new SealCanvas(size, (int) Math.round(size * OVAL_RATIO));
                EllipticSeal.paint(canvas, org, name);
                yield canvas.toPng();
            }
            case SQUARE -> {
                int length = length(org) + length(name);
                if (length > MAX_SQUARE_LENGTH) {
                    throw new IllegalArgumentException(String.format(
                            "a square seal holds at most %d characters of organization and seal name together, was %d",
                            MAX_SQUARE_LENGTH, length));
                }
                SealCanvas canvas = new SealCanvas(size, size);
                SquareSeal.paint(canvas, org, name);
                yield canvas.toPng();
            }
        };
    }

    // Leading and trailing blanks are dropped; blanks or control characters inside have no place on a seal.
    private static String requireText(String text, String what, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String stripped = text.strip();
        if (stripped.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.isISOControl(cp))) {
            throw new IllegalArgumentException(what + " must not contain spaces or control characters");
        }
        int length = length(stripped);
        if (length > maxLength) {
            throw new IllegalArgumentException(String.format(
                    "%s has %d characters; at most %d fit on a seal", what, length, maxLength));
        }
        SealFont.requireDisplayable(stripped, what);
        return stripped;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
