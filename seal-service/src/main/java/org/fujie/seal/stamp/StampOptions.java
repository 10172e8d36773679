package org.fujie.seal.stamp;

/**
 * Where and how to stamp (CONTRACT.md), in PDF points from the page's lower-left corner; the seal's height follows its
 * image's proportions.
 *
 * @param page the page (from 1); for a cross-page seal the first page it spans (default 1)
 * @param x the seal's left edge; not used by a cross-page seal, which sits against the right edge
 * @param y the seal's lower edge; a cross-page seal defaults to the middle of the page
 * @param width the seal's width (default 119, 4.2 cm)
 * @param keyword centre the seal on this text instead of page/x/y
 * @param everyOccurrence with a keyword: a seal on every occurrence, not only the first
 * @param crossPage a cross-page seal (骑缝章) sliced across the right edge of the pages from page to lastPage
 * @param lastPage the last page of a cross-page seal (default: the document's last)
 * @param level B-B (default), B-T, B-LT or B-LTA
 * @param reason shown in the signature (default: the seal's name)
 * @param certify the seal certifies the document (DocMDP, form filling and further seals permitted); only as the first seal
 * @param packaging XML and other data only: "enveloped" (the default for XML), "enveloping" or "detached" (any data)
 * @param commitment XML only: a XAdES commitment type, e.g. "ProofOfApproval"
 * @param countersign XML only: countersign the document's last signature instead of sealing the document beside it
 * @param format "ses": a GB/T 38540 SES_Signature over any document (SM2 seals), returned beside it; null: PAdES or XAdES
 */
public record StampOptions(Integer page, Float x, Float y, Float width, String keyword, Boolean everyOccurrence, Boolean crossPage,
        Integer lastPage, String level, String reason, Boolean certify, String packaging, String commitment, Boolean countersign,
        String format) {

    static final String SES = "ses";

    static StampOptions none() {
        return new StampOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    boolean isSes() {
        return SES.equals(format);
    }

    /** Whether any option that only a PDF's page can take is set. */
    boolean placesOnAPage() {
        return page != null || x != null || y != null || width != null || keyword != null || everyOccurrence != null
                || crossPage != null || lastPage != null || certify != null;
    }

    boolean isCrossPage() {
        return Boolean.TRUE.equals(crossPage);
    }
}
