package org.fujie.client.sdk.seal;

/**
 * The {@code options} part of a stamp: where the visible seal goes (page and position in PDF points, or beside a
 * keyword), crossPage for a seal across the page edges, the PAdES/XAdES level (B-B, B-T, B-LT, B-LTA) and a reason.
 */
public record StampOptions(Integer page, Float x, Float y, Float width, String keyword, Boolean crossPage, String level,
        String reason) {

    /** At a position of a page (1 is the first). */
    public static StampOptions at(int page, float x, float y, float width) {
        return new StampOptions(page, x, y, width, null, null, null, null);
    }

    /** Where the keyword first occurs. */
    public static StampOptions atKeyword(String keyword) {
        return new StampOptions(null, null, null, null, keyword, null, null, null);
    }

    /** seal-service's defaults (no visible position given: for XML, or its own placement). */
    public static StampOptions defaults() {
        return new StampOptions(null, null, null, null, null, null, null, null);
    }

    public StampOptions withLevel(String value) {
        return new StampOptions(page, x, y, width, keyword, crossPage, value, reason);
    }

    public StampOptions withReason(String value) {
        return new StampOptions(page, x, y, width, keyword, crossPage, level, value);
    }

    public StampOptions acrossPages() {
        return new StampOptions(page, x, y, width, keyword, true, level, reason);
    }
}
