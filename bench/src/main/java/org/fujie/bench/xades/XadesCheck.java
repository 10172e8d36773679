package org.fujie.bench.xades;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one signed document before anything is timed, so a broken signature cannot look fast: it still holds every
 * record of the original; every verifier (each under its own provider settings) answers TOTAL_PASSED at B-B; and a copy
 * with one text node changed ({@link XmlCatalogue#tamper}) is TOTAL_FAILED/HASH_FAILURE for every verifier. Any
 * deviation throws.
 */
final class XadesCheck {

    private XadesCheck() {
    }

    /** @return one line per finding */
    static List<String> check(String who, byte[] original, byte[] signed, List<XadesSide> verifiers) {
        List<String> lines = new ArrayList<>();
        int records = XmlCatalogue.records(original);
        if (XmlCatalogue.records(signed) != records) {
            fail(who, "the signed document holds " + XmlCatalogue.records(signed) + " records, the original " + records);
        }
        lines.add(String.format(Locale.ROOT, "signed by %s: %,d bytes (+%,d), all %,d records kept", who, signed.length,
                signed.length - original.length, records));
        byte[] tampered = XmlCatalogue.tamper(signed);
        for (XadesSide verifier : verifiers) {
            verifier.select();
            XadesSide.Verdict intact = verifier.verify(signed);
            if (!intact.totalPassed() || !"B-B".equals(intact.level())) {
                fail(who, verifier.name() + " does not pass it at B-B: " + intact);
            }
            XadesSide.Verdict changed = verifier.verify(tampered);
            if (!"TOTAL_FAILED".equals(changed.indication()) || !"HASH_FAILURE".equals(changed.subIndication())) {
                fail(who, verifier.name() + " does not refuse a copy with one price changed: " + changed);
            }
            lines.add(String.format(Locale.ROOT, "  %-5s verifies: %s; one price changed: %s", verifier.name(), intact, changed));
        }
        return lines;
    }

    private static void fail(String who, String what) {
        throw new IllegalStateException("signed by " + who + ": sanity check failed: " + what);
    }
}
