package org.fujie.bench.stamp;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.fujie.bench.verify.BenchPki;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.pdf.PdfVerifier;
import org.fujie.pki.pdf.PdfVerifierSettings;
import org.fujie.pki.tsp.TimeStampAuthority;
import org.fujie.pki.tsp.TimeStampClient;
import org.fujie.pki.tsp.TimeStampSettings;
import org.fujie.pki.tsp.TimeStamper;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;

/**
 * What both signers share in one run: the bench PKI (EC P-256 root and issuing CA, CRLs on 127.0.0.1), one seal
 * certificate per key algorithm asked for (RSA-2048 is the PKI's own document signer), the red seal PNG, one in-process
 * RFC 3161 TSA (pki-core's {@link TimeStampAuthority}, EC P-256, its chain in every token) behind one
 * {@link TimeStampClient}, and the judge of every document: pki-core's {@link PdfVerifier}, online against the local CRLs.
 */
final class StampFixture implements AutoCloseable {

    /** Room for a 100 MB document and its parse in the judge; the stamping itself has no such limit. */
    private static final PdfVerifierSettings LARGE = new PdfVerifierSettings(512 * 1024 * 1024, 1024L * 1024 * 1024,
            64L * 1024 * 1024, 50, 200_000, Purpose.DOCUMENT_SIGNING);

    final BenchPki pki;
    final Map<String, Stamper.Seal> seals = new LinkedHashMap<>();
    final byte[] png;
    final TimeStamper timeStamper;
    final PdfVerifier verifier;

    /**
     * @param keys key algorithm ids, e.g. "EC-P256", "RSA-2048"
     * @param sealPixels the side of the seal PNG in pixels
     */
    StampFixture(List<String> keys, int sealPixels) throws IOException {
        png = SealImage.png(sealPixels);
        pki = new BenchPki("Fujie Stamp Bench");
        for (String id : keys) {
            KeyAlgorithm algorithm = KeyAlgorithm.fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown key " + id));
            BenchPki.Issued certificate = algorithm == KeyAlgorithm.RSA_2048 ? pki.signer
                    : pki.documentSigner("CN=Fujie Stamp Bench Seal " + algorithm.id() + ",O=Fujie Bench", algorithm);
            seals.put(algorithm.id(), new Stamper.Seal(algorithm.id(), certificate.key(),
                    List.of(certificate.holder(), pki.issuing.holder(), pki.root.holder()),
                    List.of(certificate.x509(), pki.issuing.x509(), pki.root.x509()), png));
        }
        BenchPki.Issued tsa = pki.timeStampingUnit("CN=Fujie Stamp Bench TSA,O=Fujie Bench", KeyAlgorithm.EC_P256);
        TimeStampAuthority authority = new TimeStampAuthority(tsa.key(), List.of(tsa.holder(), pki.issuing.holder()),
                TimeStampSettings.defaults(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1")).withIncludeChain(true),
                Clock.systemUTC());
        timeStamper = TimeStampClient.local(authority);
        verifier = PdfVerifier.online(List.of(TrustAnchor.forAllPurposes(pki.root.x509())), ValidationPolicy.defaults(),
                JdkHttpFetcher.withDefaults(), Clock.systemUTC(), LARGE);
    }

    @Override
    public void close() {
        pki.close();
    }
}
