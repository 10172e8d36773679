package org.fujie.seal.image;

/**
 * An uploaded seal image that is refused: not a PNG, damaged, too large, without transparency,
 * or not decodable. The message says which, in words fit to show the uploader.
 */
public final class InvalidPngException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidPngException(String message) {
        super(message);
    }

    InvalidPngException(String message, Throwable cause) {
        super(message, cause);
    }
}
