package org.fujie.bench.xades;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.xml.security.algorithms.JCEMapper;
import org.fujie.bench.verify.BenchPki;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.pki.xades.SecureXml;
import org.fujie.pki.xades.XadesParameters;
import org.fujie.pki.xades.XadesSigner;
import org.fujie.pki.xades.XadesVerifier;
import org.fujie.pki.xades.XadesVerifierSettings;
import org.fujie.pki.xades.XmlReport;
import org.fujie.pki.xades.XmlSignatureReport;

/**
 * pki-core's {@link XadesSigner}, built as seal-service builds it (a 32 MiB, depth-256 {@link SecureXml}; no TSA, no
 * validation-data source: B-B needs neither), and its {@link XadesVerifier}, built as trust-service builds it (online,
 * default policy and settings, the JDK HTTP fetcher with its CRL cache shared by all documents).
 */
final class FujieXades implements XadesSide {

    private static final int MAX_XML_BYTES = 32 * 1024 * 1024;
    private static final int MAX_XML_DEPTH = 256;

    private final BenchPki.Issued seal;
    private final List<X509Certificate> chain;
    private final XadesSigner signer = new XadesSigner(null, null, new SecureXml(MAX_XML_BYTES, MAX_XML_DEPTH));
    private final XadesVerifier verifier;

    /** @param chain the seal's certificate, then its issuers, as the signature embeds them */
    FujieXades(BenchPki pki, BenchPki.Issued seal, List<X509Certificate> chain) {
        this.seal = seal;
        this.chain = List.copyOf(chain);
        verifier = XadesVerifier.online(List.of(TrustAnchor.forAllPurposes(pki.root.x509())), ValidationPolicy.defaults(),
                JdkHttpFetcher.withDefaults(), Clock.systemUTC(), XadesVerifierSettings.defaults());
    }

    @Override
    public String name() {
        return "Fujie";
    }

    /** pki-core never sets a JCEMapper provider: Santuario then takes each algorithm from the JCA's provider order. */
    @Override
    public void select() {
        JCEMapper.setProviderId(null);
    }

    @Override
    public byte[] sign(byte[] xml) throws Exception {
        return signer.sign(xml, seal.key(), chain, XadesParameters.enveloped(BaselineLevel.B_B, Instant.now()));
    }

    @Override
    public Verdict verify(byte[] signed) {
        XmlReport report = verifier.verify(signed);
        if (report.signatures().isEmpty()) {
            return new Verdict(report.indication().name(), String.valueOf(report.subIndication()), "-", report.detail());
        }
        XmlSignatureReport first = report.signatures().get(0);
        return new Verdict(report.indication().name(), report.subIndication() == null ? null : report.subIndication().name(),
                first.level().label(), report.signatures().size() + " signature(s), " + String.join("; ", first.signedScopes())
                        + (report.indication() == org.fujie.pki.validation.Indication.TOTAL_PASSED ? "" : "; " + report.detail()));
    }
}
