package org.fujie.seal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.fujie.pki.ltv.LongTermDataCollector;
import org.fujie.pki.pades.PadesSigner;
import org.fujie.pki.tsp.TimeStampClient;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.xades.SecureXml;
import org.fujie.pki.xades.XadesSigner;
import org.fujie.seal.eseal.ElectronicSeals;
import org.fujie.seal.stamp.SesStamping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PAdES and XAdES signers of stamps: B-T and higher get their time-stamps from trust-service's TSA; B-LT validates the seal's
 * and the TSA's certificates against Fujie's root, asking ca-service's OCSP responder and CRLs over plain HTTP, and
 * embeds what they answered.
 */
@Configuration
class StampingConfiguration {

    /** XML documents are stamped in memory: up to 32 MiB (a DOM takes several times that), nested up to 256 deep. */
    private static final int MAX_XML_BYTES = 32 * 1024 * 1024;
    private static final int MAX_XML_DEPTH = 256;

    @Bean
    HttpFetcher stampingFetcher() {
        return JdkHttpFetcher.withDefaults();
    }

    @Bean
    LongTermDataCollector longTermDataCollector(SealProperties settings, HttpFetcher stampingFetcher, Clock clock) {
        ValidationPolicy policy = ValidationPolicy.defaults();
        return new LongTermDataCollector(new CertificateValidator(anchors(settings), policy, stampingFetcher,
                RevocationChecker.ocspThenCrl(stampingFetcher, policy), clock));
    }

    @Bean
    PadesSigner padesSigner(SealProperties settings, HttpFetcher stampingFetcher, LongTermDataCollector longTermData) {
        return new PadesSigner(TimeStampClient.http(stampingFetcher, settings.tsaUrl()), longTermData);
    }

    @Bean
    XadesSigner xadesSigner(SealProperties settings, HttpFetcher stampingFetcher, LongTermDataCollector longTermData) {
        return new XadesSigner(TimeStampClient.http(stampingFetcher, settings.tsaUrl()), longTermData,
                new SecureXml(MAX_XML_BYTES, MAX_XML_DEPTH));
    }

    @Bean
    SesStamping sesStamping(SealProperties settings, HttpFetcher stampingFetcher, ElectronicSeals eseals) {
        return new SesStamping(eseals, TimeStampClient.http(stampingFetcher, settings.tsaUrl()));
    }

    /** Read when the signer is built: the bootstrap writes the chain before seal-service starts. */
    private static List<TrustAnchor> anchors(SealProperties settings) {
        try {
            String pem = Files.readString(settings.trustAnchors());
            return Pem.decodeAll(pem, "CERTIFICATE").stream().map(Pem::parseCertificate)
                    .filter(StampingConfiguration::selfSigned).map(TrustAnchor::forAllPurposes).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the trust anchors of stamping cannot be read from " + settings.trustAnchors(), e);
        }
    }

    private static boolean selfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
