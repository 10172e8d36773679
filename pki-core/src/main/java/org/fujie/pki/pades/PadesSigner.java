package org.fujie.pki.pades;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.tsp.TimeStamper;
import org.fujie.pki.validation.Purpose;

/**
 * Signs a PDF with a PAdES baseline signature (ETSI EN 319 142-1) at the level asked, each step an incremental update
 * so earlier signatures stay valid: B-B the signature, B-T with a signature time-stamp in its CMS, B-LT adding the
 * Document Security Store with the signer's and the TSA's paths and revocation data, B-LTA adding a document
 * time-stamp over all of it. The signer knows no policy: who may stamp, with which seal, is decided before it is called.
 */
public final class PadesSigner {

    private final TimeStamper timeStamper;
    private final LongTermDataCollector longTermData;

    /**
     * @param timeStamper the TSA for B-T and above, or null
     * @param longTermData the validation-data source for B-LT and above, or null
     */
    public PadesSigner(TimeStamper timeStamper, LongTermDataCollector longTermData) {
        this.timeStamper = timeStamper;
        this.longTermData = longTermData;
    }

    /** A signer of B-B signatures only: no TSA, no validation data. */
    public static PadesSigner baselineB() {
        return new PadesSigner(null, null);
    }

    /**
     * @param chain the signing certificate first, then its issuers (all are embedded)
     * @throws PadesException for a document that cannot be signed (unreadable, encrypted, no such page, off the page) or a
     *         level this signer was not given the means for
     * @throws SigningServiceException when the TSA or the validation of a certificate fails
     */
    public byte[] sign(byte[] pdf, SigningKey key, List<X509CertificateHolder> chain, PadesParameters parameters)
            throws PadesException, SigningServiceException {
        BaselineLevel level = parameters.level();
        boolean timeStamped = level.compareTo(BaselineLevel.B_T) >= 0;
        boolean longTerm = level.compareTo(BaselineLevel.B_LT) >= 0;
        if (timeStamped && timeStamper == null || longTerm && longTermData == null) {
            throw new PadesException("level " + level.label() + " is not available: no "
                    + (timeStamper == null ? "time-stamp authority" : "validation-data source") + " is configured");
        }
        SignatureRevision.Result signed = SignatureRevision.append(pdf, key, chain, parameters, timeStamped ? timeStamper : null);
        if (!longTerm) {
            return signed.pdf();
        }
        List<X509Certificate> path = x509(chain);
        LongTermData data = longTermData.collect(path.get(0), path.subList(1, path.size()), null)
                .plus(timeStampAuthorityData(signed.signatureTimeStamp(), path));
        try {
            byte[] withDss = DssRevision.append(signed.pdf(), data);
            return level == BaselineLevel.B_LTA ? DocumentTimeStampRevision.append(withDss, timeStamper) : withDss;
        } catch (IOException e) {
            throw new PadesException("the signed document cannot be extended: " + e.getMessage(), e);
        }
    }

    /** The TSA's path and revocation data, its certificate taken from the token (which was asked to carry it). */
    private LongTermData timeStampAuthorityData(byte[] token, List<X509Certificate> signerPath) throws SigningServiceException {
        try {
            TimeStampToken timeStamp = new TimeStampToken(new CMSSignedData(token));
            List<X509CertificateHolder> carried = new ArrayList<>(timeStamp.getCertificates().getMatches(null));
            X509CertificateHolder tsa = carried.stream().filter(timeStamp.getSID()::match).findFirst()
                    .orElseThrow(() -> new SigningServiceException("the signature time-stamp carries no TSA certificate"));
            List<X509Certificate> intermediates = new ArrayList<>(x509(carried));
            intermediates.addAll(signerPath);
            return longTermData.collect(x509(List.of(tsa)).get(0), intermediates, Purpose.TIME_STAMPING);
        } catch (CMSException | TSPException | IOException e) {
            throw new SigningServiceException("the signature time-stamp cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> x509(List<X509CertificateHolder> holders) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (X509CertificateHolder holder : holders) {
                certificates.add(converter.getCertificate(holder));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a certificate of the chain cannot be read: " + e.getMessage(), e);
        }
        return certificates;
    }
}
