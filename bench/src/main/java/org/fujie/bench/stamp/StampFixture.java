package org.fujie.bench.stamp;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
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
 * An SM2 seal gets an SM2 PKI of its own, throughout as a Chinese deployment has it: SM2 root and issuing CA, SM2 CRLs,
 * the SM2 seal certificate and an SM2 TSA; the judge trusts both roots.
 */
final class StampFixture implements AutoCloseable {

    /** Room for a 100 MB document and its parse in the judge; the stamping itself has no such limit. */
    private static final PdfVerifierSettings LARGE = new PdfVerifierSettings(512 * 1024 * 1024, 1024L * 1024 * 1024,
            64L * 1024 * 1024, 50, 200_000, Purpose.DOCUMENT_SIGNING);

    final BenchPki pki;
    /** The SM2 PKI, when an SM2 seal was asked for; else null. */
    final BenchPki sm2Pki;
    final Map<String, Stamper.Seal> seals = new LinkedHashMap<>();
    final byte[] png;
    /** The EC P-256 TSA, of every seal but SM2 and of DSS. */
    final TimeStamper timeStamper;
    final PdfVerifier verifier;

    /**
     * @param keys key algorithm ids, e.g. "EC-P256", "RSA-2048", "SM2"
     * @param sealPixels the side of the seal PNG in pixels
     */
    StampFixture(List<String> keys, int sealPixels) throws IOException {
        png = SealImage.png(sealPixels);
        pki = new BenchPki("Fujie Stamp Bench");
        timeStamper = timeStamper(pki, KeyAlgorithm.EC_P256);
        List<KeyAlgorithm> algorithms = keys.stream().map(id -> KeyAlgorithm.fromId(id)
                .orElseThrow(() -> new IllegalArgumentException("unknown key " + id))).toList();
        sm2Pki = algorithms.contains(KeyAlgorithm.SM2) ? new BenchPki("Fujie Stamp Bench SM2", KeyAlgorithm.SM2) : null;
        TimeStamper sm2TimeStamper = sm2Pki == null ? null : timeStamper(sm2Pki, KeyAlgorithm.SM2);
        for (KeyAlgorithm algorithm : algorithms) {
            BenchPki from = algorithm == KeyAlgorithm.SM2 ? sm2Pki : pki;
            BenchPki.Issued certificate = algorithm == KeyAlgorithm.RSA_2048 ? pki.signer
                    : from.documentSigner("CN=Fujie Stamp Bench Seal " + algorithm.id() + ",O=Fujie Bench", algorithm);
            seals.put(algorithm.id(), new Stamper.Seal(algorithm.id(), certificate.key(),
                    List.of(certificate.holder(), from.issuing.holder(), from.root.holder()),
                    List.of(certificate.x509(), from.issuing.x509(), from.root.x509()), png,
                    algorithm == KeyAlgorithm.SM2 ? sm2TimeStamper : timeStamper));
        }
        List<TrustAnchor> anchors = new ArrayList<>(List.of(TrustAnchor.forAllPurposes(pki.root.x509())));
        if (sm2Pki != null) {
            anchors.add(TrustAnchor.forAllPurposes(sm2Pki.root.x509()));
        }
        verifier = PdfVerifier.online(anchors, ValidationPolicy.defaults(), JdkHttpFetcher.withDefaults(), Clock.systemUTC(), LARGE);
    }

    /** A TSA of the PKI's issuing CA with a key of the algorithm, its chain in every token, behind a local client. */
    private static TimeStamper timeStamper(BenchPki pki, KeyAlgorithm algorithm) {
        BenchPki.Issued tsa = pki.timeStampingUnit("CN=Fujie Stamp Bench TSA " + algorithm.id() + ",O=Fujie Bench", algorithm);
        TimeStampAuthority authority = new TimeStampAuthority(tsa.key(), List.of(tsa.holder(), pki.issuing.holder()),
                TimeStampSettings.defaults(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1")).withIncludeChain(true),
                Clock.systemUTC());
        return TimeStampClient.local(authority);
    }

    @Override
    public void close() {
        pki.close();
        if (sm2Pki != null) {
            sm2Pki.close();
        }
    }
}
