package org.fujie.seal.image;

/** The width and height of an image, in pixels. */
public record ImageSize(int width, int height) {
}
