package org.fujie.pki.pdf;

import java.time.Instant;
import java.util.List;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;

/**
 * A verified (or refused) RFC 3161 time-stamp: a signature time-stamp inside a CMS signature, or a
 * document time-stamp of its own.
 *
 * @param genTime the time the TSA asserted; null when the token could not be read
 * @param tsa the subject of the TSA certificate (RFC 4514), null when unknown
 * @param subIndication null exactly when the indication is TOTAL_PASSED
 * @param chain the TSA certificate's path subjects, leaf first
 */
public record PdfTimestamp(Instant genTime, String tsa, Indication indication, SubIndication subIndication,
        List<String> chain, String detail) {

    public PdfTimestamp {
        chain = List.copyOf(chain);
    }

    public boolean valid() {
        return indication == Indication.TOTAL_PASSED;
    }

    static PdfTimestamp failed(Instant genTime, String tsa, SubIndication sub, String detail) {
        return new PdfTimestamp(genTime, tsa, sub.indication(), sub, List.of(), detail);
    }
}
