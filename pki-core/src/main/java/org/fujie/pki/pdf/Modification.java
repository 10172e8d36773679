package org.fujie.pki.pdf;

/**
 * One change an incremental update made to an object of the signed revision.
 *
 * @param object the object number ("trailer" for the trailer)
 * @param kind what kind of change it is
 * @param allowed whether the signature's DocMDP/FieldMDP permissions (or, without them, the rules for
 *        approval signatures) allow it
 */
public record Modification(String object, Kind kind, boolean allowed, String description) {

    public enum Kind {
        /** Validation data: the /DSS dictionary, its VRI entries and streams. */
        VALIDATION_DATA,
        /** A new signature field, its widget or value, or a document time-stamp. */
        SIGNATURE,
        /** A form field's value or appearance changed. */
        FORM_FILL,
        /** A form field was added (other than a signature field). */
        FORM_FIELD_ADDED,
        /** An annotation was added or changed. */
        ANNOTATION,
        /** Document information or XMP metadata. */
        METADATA,
        /** Anything else: page content, resources, fonts, the page tree, the catalog, removed objects. */
        OTHER
    }
}
