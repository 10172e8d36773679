package org.fujie.seal.image;

/** The outline of a seal. */
public enum SealShape {

    /** A circle: the usual 公章 and 合同专用章. Drawn {@code size} by {@code size}. */
    ROUND,

    /** An ellipse of width to height 2 : 1.4, as many 财务专用章. Drawn {@code size} wide. */
    OVAL,

    /** A square: 法定代表人章 style, the characters in columns read right to left. */
    SQUARE
}
