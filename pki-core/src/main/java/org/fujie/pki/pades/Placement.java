package org.fujie.pki.pades;

/**
 * Where a seal's image is seen, in PDF points from the lower-left corner of the page's crop box; pages count from 1.
 * One signature may show its seal in several places (each occurrence of a keyword, or the slices of a cross-page seal):
 * every place is a widget of the one signature field.
 */
public sealed interface Placement {

    /** The whole image at (x, y), width by height, on one page. */
    record At(int page, float x, float y, float width, float height) implements Placement {

        public At {
            if (page < 1 || width <= 0 || height <= 0 || x < 0 || y < 0) {
                throw new IllegalArgumentException("a seal placement needs a page from 1, a position from 0 and a positive size");
            }
        }
    }

    /**
     * A cross-page seal (骑缝章): the image, width by height, cut into as many vertical slices as there are pages from
     * firstPage to lastPage, each slice against the right edge of its page at height y, in page order, so the pages
     * laid overlapping edge to edge show the whole seal.
     *
     * @param lastPage 0 for the document's last page
     */
    record AcrossPages(int firstPage, int lastPage, float y, float width, float height) implements Placement {

        public AcrossPages {
            if (firstPage < 1 || lastPage < 0 || lastPage != 0 && lastPage <= firstPage || width <= 0 || height <= 0 || y < 0) {
                throw new IllegalArgumentException("a cross-page seal spans at least two pages from page 1 and has a positive size");
            }
        }
    }
}
