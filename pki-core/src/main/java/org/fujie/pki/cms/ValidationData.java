package org.fujie.pki.cms;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Validation data a signed document carries: a PDF's Document Security Store, or the certificates and
 * revocationInfoChoices of a CMS SignedData (CAdES B-LT, ETSI EN 319 122-1 5.5.1: CRLs, and OCSP responses as
 * other revocation info in the id-ri-ocsp-response or RFC 5940 id-pkix-ocsp-basic format). Unreadable entries are
 * skipped: they are untrusted input that can only help, never decide, since each is verified where it is used.
 */
public record ValidationData(List<X509Certificate> certificates, List<X509CRLHolder> crls, List<BasicOCSPResp> ocsps) {

    public static final ValidationData EMPTY = new ValidationData(List.of(), List.of(), List.of());

    public ValidationData {
        certificates = List.copyOf(certificates);
        crls = List.copyOf(crls);
        ocsps = List.copyOf(ocsps);
    }

    public boolean isEmpty() {
        return certificates.isEmpty() && crls.isEmpty() && ocsps.isEmpty();
    }

    /** The validation data inside a SignedData; the certificates also serve path building. */
    public static ValidationData of(CMSSignedData cms) {
        List<X509Certificate> certificates = CmsObjects.certificates(cms.getCertificates().getMatches(null));
        List<X509CRLHolder> crls = new ArrayList<>();
        for (Object crl : cms.getCRLs().getMatches(null)) {
            if (crl instanceof X509CRLHolder holder) {
                crls.add(holder);
            }
        }
        List<BasicOCSPResp> ocsps = new ArrayList<>();
        for (Object item : cms.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null)) {
            ocsp(item, true).ifPresent(ocsps::add);
        }
        for (Object item : cms.getOtherRevocationInfo(OCSPObjectIdentifiers.id_pkix_ocsp_basic).getMatches(null)) {
            ocsp(item, false).ifPresent(ocsps::add);
        }
        return new ValidationData(certificates, crls, ocsps);
    }

    private static java.util.Optional<BasicOCSPResp> ocsp(Object item, boolean wrapped) {
        try {
            byte[] encoded = ((ASN1Encodable) item).toASN1Primitive().getEncoded();
            if (!wrapped) {
                return java.util.Optional.of(new BasicOCSPResp(org.bouncycastle.asn1.ocsp.BasicOCSPResponse.getInstance(encoded)));
            }
            return new OCSPResp(encoded).getResponseObject() instanceof BasicOCSPResp basic
                    ? java.util.Optional.of(basic) : java.util.Optional.empty();
        } catch (IOException | RuntimeException | org.bouncycastle.cert.ocsp.OCSPException e) {
            return java.util.Optional.empty(); // skipped: see the class comment
        }
    }
}
