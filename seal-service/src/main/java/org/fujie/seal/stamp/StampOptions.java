package org.fujie.seal.stamp;

/**
 * Where and how to stamp (CONTRACT.md): page (1-based), x and y of the seal's lower-left corner and its width, in
 * PDF points, or centred on the first occurrence of a keyword in the page text; the height follows the image's
 * proportions. Only B-B is made so far.
 */
public record StampOptions(Integer page, Float x, Float y, Float width, String keyword, String level, String reason) {
}
