package org.fujie.bench.stamp;

import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.tsp.TimeStamper;

/** One PAdES signer under test: a visible seal on a PDF, byte array in, signed byte array out. */
interface Stamper {

    /** The reason both signers write into the signature dictionary. */
    String REASON = "Fujie stamping benchmark";

    String name();

    /** @return the signed document: the input followed by an incremental update with the signature */
    byte[] stamp(byte[] pdf, Seal seal, BaselineLevel level, Place place) throws Exception;

    /** Whether this signer can sign with the seal's key at all (DSS cannot sign SM2). */
    default boolean supports(Seal seal) {
        return true;
    }

    /**
     * A seal: its key, its certificate first then its issuers up to the root (all embedded by both signers), its image,
     * and the TSA of its PKI for B-T (an SM2 seal's PKI has an SM2 TSA).
     *
     * @param label the key's name in reports, e.g. "EC-P256"
     */
    record Seal(String label, SigningKey key, List<X509CertificateHolder> chain, List<X509Certificate> x509Chain, byte[] png,
            TimeStamper timeStamper) {

        public Seal {
            chain = List.copyOf(chain);
            x509Chain = List.copyOf(x509Chain);
        }
    }

    /**
     * Where the seal is seen: page from 1, lower-left corner and size in points from the lower-left corner of the page.
     *
     * @param pageHeight the page's height, for signers that measure from the top
     */
    record Place(int page, float x, float y, float width, float height, float pageHeight) {
    }
}
