package org.fujie.pki.ses;

/**
 * What a DER upload is, by its first tags, for routing (not a promise that it parses): an SES_Signature is a SEQUENCE
 * whose first element, TBS_Sign, begins with its version INTEGER; an SESeal is a SEQUENCE whose SES_SealInfo begins
 * with the SES_Header SEQUENCE (both versions of GB/T 38540 and GM/T 0031). A CMS ContentInfo begins with an OID.
 */
public final class SesDocuments {

    public enum Kind { SIGNATURE, SEAL, OTHER }

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private SesDocuments() {
    }

    public static Kind kind(byte[] head) {
        int inner = contentStart(head, 0);
        if (inner < 0 || (head[0] & 0xff) != SEQUENCE || inner >= head.length || (head[inner] & 0xff) != SEQUENCE) {
            return Kind.OTHER;
        }
        int first = contentStart(head, inner);
        if (first < 0 || first >= head.length) {
            return Kind.OTHER;
        }
        return switch (head[first] & 0xff) {
            case INTEGER -> Kind.SIGNATURE;
            case SEQUENCE -> Kind.SEAL;
            default -> Kind.OTHER;
        };
    }

    /** Where the content of the TLV at {@code at} begins (definite lengths of up to 4 octets), or -1. */
    private static int contentStart(byte[] der, int at) {
        if (at + 1 >= der.length) {
            return -1;
        }
        int length = der[at + 1] & 0xff;
        if (length < 0x80) {
            return at + 2;
        }
        int octets = length & 0x7f;
        return octets == 0 || octets > 4 || at + 2 + octets > der.length ? -1 : at + 2 + octets;
    }
}
