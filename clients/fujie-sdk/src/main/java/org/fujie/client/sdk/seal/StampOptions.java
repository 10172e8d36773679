package org.fujie.client.sdk.seal;

/**
 * The {@code options} part of a stamp (CONTRACT.md): where the visible seal goes (page and position in PDF points, or
 * beside a keyword, every occurrence of it with everyOccurrence), crossPage from page to lastPage for a seal across the
 * page edges, the PAdES/XAdES level (B-B, B-T, B-LT, B-LTA), a reason, certify (DocMDP, first seal only); for XML and
 * other data packaging (enveloped, enveloping, detached), a commitment type and countersign; format "ses" for a
 * GB/T 38540 SES_Signature. Null fields are left out, so seal-service's defaults apply.
 */
public record StampOptions(Integer page, Float x, Float y, Float width, String keyword, Boolean everyOccurrence,
        Boolean crossPage, Integer lastPage, String level, String reason, Boolean certify, String packaging, String commitment,
        Boolean countersign, String format) {

    /** At a position of a page (1 is the first). */
    public static StampOptions at(int page, float x, float y, float width) {
        return defaults().withPlacement(page, x, y, width);
    }

    /** Where the keyword first occurs. */
    public static StampOptions atKeyword(String keyword) {
        return defaults().withKeyword(keyword, false);
    }

    /** seal-service's defaults (no visible position given: for XML, or its own placement). */
    public static StampOptions defaults() {
        return new StampOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Page, x, y and width may each be null (seal-service's default for that one). */
    public StampOptions withPlacement(Integer p, Float left, Float bottom, Float w) {
        return new StampOptions(p, left, bottom, w, keyword, everyOccurrence, crossPage, lastPage, level, reason, certify,
                packaging, commitment, countersign, format);
    }

    public StampOptions withKeyword(String value, boolean every) {
        return new StampOptions(page, x, y, width, value, every ? Boolean.TRUE : null, crossPage, lastPage, level, reason,
                certify, packaging, commitment, countersign, format);
    }

    public StampOptions withLevel(String value) {
        return new StampOptions(page, x, y, width, keyword, everyOccurrence, crossPage, lastPage, value, reason, certify,
                packaging, commitment, countersign, format);
    }

    public StampOptions withReason(String value) {
        return new StampOptions(page, x, y, width, keyword, everyOccurrence, crossPage, lastPage, level, value, certify,
                packaging, commitment, countersign, format);
    }

    public StampOptions acrossPages() {
        return acrossPages(null);
    }

    /** A cross-page seal up to lastPage (null: the document's last page). */
    public StampOptions acrossPages(Integer last) {
        return new StampOptions(page, x, y, width, keyword, everyOccurrence, true, last, level, reason, certify, packaging,
                commitment, countersign, format);
    }

    public StampOptions certifying() {
        return new StampOptions(page, x, y, width, keyword, everyOccurrence, crossPage, lastPage, level, reason, true,
                packaging, commitment, countersign, format);
    }

    /** XML and other data: packaging (null: enveloped for XML), a commitment type (may be null), countersign. */
    public StampOptions withXml(String packagingValue, String commitmentValue, boolean countersignLast) {
        return new StampOptions(page, x, y, width, keyword, everyOccurrence, crossPage, lastPage, level, reason, certify,
                packagingValue, commitmentValue, countersignLast ? Boolean.TRUE : null, format);
    }

    /** "ses": a GB/T 38540 SES_Signature (SM2 seals) over any document, answered instead of the document. */
    public StampOptions withFormat(String value) {
        return new StampOptions(page, x, y, width, keyword, everyOccurrence, crossPage, lastPage, level, reason, certify,
                packaging, commitment, countersign, value);
    }
}
