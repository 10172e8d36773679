package org.fujie.dss;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

/**
 * Runs inside {@link org.fujie.pki.dss.ShippedDss}'s class loader, beside DSS and the Bouncy Castle version DSS was
 * built with, so only JDK types cross its boundary: bytes in, one row of strings per signature out.
 */
public final class ShippedDssBridge {

    private ShippedDssBridge() {
    }

    /**
     * @param detached the signed document of a detached signature, or null
     * @param crls DER CRLs DSS may use besides what the document embeds (it fetches nothing)
     * @return per signature: id, indication, subIndication (or ""), signature format, errors; then the number of time-stamps and the
     *         Bouncy Castle version DSS ran on
     */
    public static List<String[]> validate(byte[] document, byte[] detached, List<byte[]> trusted, List<byte[]> crls, Date validationTime) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(document, "signed"));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        for (byte[] der : trusted) {
            anchors.addCertificate(DSSUtils.loadCertificate(der));
        }
        verifier.setTrustedCertSources(anchors);
        if (!crls.isEmpty()) {
            verifier.setCrlSource(new ExternalResourcesCRLSource(crls.stream().map(c -> (DSSDocument) new InMemoryDocument(c)).toArray(DSSDocument[]::new)));
        } else {
            verifier.setCrlSource(null);
        }
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        validator.setCertificateVerifier(verifier);
        if (detached != null) {
            validator.setDetachedContents(List.of(new InMemoryDocument(detached, "detached")));
        }
        if (validationTime != null) {
            validator.setValidationTime(validationTime);
        }
        SimpleReport simple = validator.validateDocument().getSimpleReport();
        List<String[]> rows = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            rows.add(new String[] {id, String.valueOf(simple.getIndication(id)),
                    simple.getSubIndication(id) == null ? "" : simple.getSubIndication(id).name(),
                    String.valueOf(simple.getSignatureFormat(id)),
                    simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList().toString()});
        }
        rows.add(new String[] {"timestamps", String.valueOf(simple.getTimestampIdList().size()),
                new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr()});
        return rows;
    }
}
