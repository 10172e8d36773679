package org.fujie.bench.stamp;

import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.pades.PadesParameters;
import org.fujie.pki.pades.PadesSigner;
import org.fujie.pki.pades.SealAppearance;
import org.fujie.pki.tsp.TimeStamper;

/**
 * Fujie's {@link PadesSigner} (pki-core), one instance for all documents and threads per TSA (the seal's PKI's), as
 * seal-service holds it.
 */
final class FujieStamper implements Stamper {

    private final Map<TimeStamper, PadesSigner> signers = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "Fujie";
    }

    @Override
    public byte[] stamp(byte[] pdf, Seal seal, BaselineLevel level, Place place) throws Exception {
        SealAppearance appearance = SealAppearance.at(place.page(), place.x(), place.y(), place.width(), place.height(), seal.png());
        PadesSigner signer = signers.computeIfAbsent(seal.timeStamper(), t -> new PadesSigner(t, null));
        return signer.sign(pdf, seal.key(), seal.chain(),
                new PadesParameters(level, appearance, REASON, Calendar.getInstance(TimeZone.getTimeZone("UTC"))));
    }
}
