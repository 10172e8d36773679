package org.fujie.pki.ltv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a B-LT document carries so it can be validated later without asking anyone (ETSI EN 319 142-1 5.4.2, the
 * Document Security Store): certificates, CRLs and OCSP responses, each DER as fetched, without duplicates.
 */
public record LongTermData(List<byte[]> certificates, List<byte[]> crls, List<byte[]> ocspResponses) {

    public LongTermData {
        certificates = distinct(certificates);
        crls = distinct(crls);
        ocspResponses = distinct(ocspResponses);
    }

    public LongTermData plus(LongTermData more) {
        return new LongTermData(concat(certificates, more.certificates), concat(crls, more.crls),
                concat(ocspResponses, more.ocspResponses));
    }

    private static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
        List<byte[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<byte[]> distinct(List<byte[]> objects) {
        Map<String, byte[]> unique = new LinkedHashMap<>();
        for (byte[] der : objects) {
            unique.putIfAbsent(java.util.HexFormat.of().formatHex(der), der);
        }
        return List.copyOf(unique.values());
    }
}
