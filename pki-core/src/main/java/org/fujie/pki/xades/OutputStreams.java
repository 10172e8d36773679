package org.fujie.pki.xades;

import java.io.OutputStream;

/** Where digests are fed from: the bytes themselves are not kept. */
final class OutputStreams {

    static final OutputStream NULL = OutputStream.nullOutputStream();

    private OutputStreams() {
    }
}
