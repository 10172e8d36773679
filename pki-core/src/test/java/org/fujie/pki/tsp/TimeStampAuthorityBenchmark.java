package org.fujie.pki.tsp;

import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.SerialNumbers;

/**
 * A timed loop, not a test (no timing assertions in unit tests): stamps per second of
 * {@link TimeStampAuthority#respond} on one and on two threads, beside a bare signature with the same
 * key and beside Bouncy Castle's own TimeStampTokenGenerator rebuilt per request. Run from pki-core:
 * <pre>
 * ./mvnw -o test-compile -pl pki-core
 * java -cp "pki-core/target/classes:pki-core/target/test-classes:$(ls ~/.m2/repository/org/bouncycastle/bc{prov,pkix,util}-jdk18on/1.87/*.jar | paste -sd:)" \
 *      org.fujie.pki.tsp.TimeStampAuthorityBenchmark [EC-P256] [seconds]
 * </pre>
 */
public final class TimeStampAuthorityBenchmark {

    public static void main(String[] args) throws Exception {
        KeyAlgorithm algorithm = KeyAlgorithm.fromId(args.length > 0 ? args[0] : "EC-P256").orElseThrow();
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
        TestCertificates.Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Bench Root");
        TestCertificates.Issued tsa = TestTsa.tsa(root, algorithm);
        TimeStampAuthority authority = new TimeStampAuthority(tsa.signingKey(), List.of(tsa.certificate()),
                TimeStampSettings.defaults(TestTsa.POLICY), Clock.systemUTC());
        byte[] request = TimeStampAuthorityTests.request(TSPAlgorithms.SHA256, 32, BigInteger.valueOf(System.nanoTime()), true, null);
        byte[] toSign = new byte[200];

        run("warm-up respond", seconds, 1, () -> authority.respond(request));
        java.security.Signature reused = java.security.Signature.getInstance(algorithm.signatureAlgorithm(),
                algorithm.provider() == null ? java.security.Security.getProvider("SunRsaSign") : org.fujie.pki.crypto.CryptoProviders.bouncyCastle());
        reused.initSign(tsa.keyPair().getPrivate());
        run("JCA Signature reused, sign 200 B", seconds, 1, () -> {
            reused.update(toSign);
            reused.sign();
        });
        run("SigningKey: newContentSigner + sign 200 B", seconds, 1, () -> sign(tsa.signingKey(), toSign));
        run("respond, certReq", seconds, 1, () -> authority.respond(request));
        TimeStampAuthority unsigned = new TimeStampAuthority(new NoSignatureKey(tsa.signingKey()), List.of(tsa.certificate()),
                TimeStampSettings.defaults(TestTsa.POLICY), Clock.systemUTC());
        run("respond with a no-op signer (all but the signature)", seconds, 1, () -> unsigned.respond(request));
        run("BC TimeStampTokenGenerator per request", seconds, 1, () -> bouncyCastle(tsa, request));
        run("respond, certReq, 2 threads", seconds, 2, () -> authority.respond(request));
    }

    private static void sign(SigningKey key, byte[] data) throws Exception {
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(data);
        }
        signer.getSignature();
    }

    /** What using Bouncy Castle's generators would cost: a SignerInfoGenerator and token generator per signer. */
    private static void bouncyCastle(TestCertificates.Issued tsa, byte[] requestDer) throws Exception {
        DigestCalculatorProvider digests = new BcDigestCalculatorProvider();
        DigestCalculator sha256 = digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests).build(tsa.signingKey().newContentSigner(), tsa.certificate());
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signerInfo, sha256, TestTsa.POLICY);
        tokens.addCertificates(new JcaCertStore(List.of(tsa.x509())));
        tokens.setAccuracySeconds(1);
        TimeStampRequest request = new TimeStampRequest(requestDer);
        new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED).generate(request, SerialNumbers.next(), new Date()).getEncoded();
    }

    /** The key's identity with a signer that signs nothing: isolates the cost around the signature. */
    private record NoSignatureKey(SigningKey key) implements SigningKey {
        private static final byte[] SIGNATURE = new byte[72];

        @Override
        public String alias() {
            return key.alias();
        }

        @Override
        public KeyAlgorithm algorithm() {
            return key.algorithm();
        }

        @Override
        public org.bouncycastle.asn1.x509.SubjectPublicKeyInfo publicKeyInfo() {
            return key.publicKeyInfo();
        }

        @Override
        public ContentSigner newContentSigner() {
            AlgorithmIdentifier algorithm = new org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder()
                    .find(key.algorithm().signatureAlgorithm());
            return new ContentSigner() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return OutputStream.nullOutputStream();
                }

                @Override
                public byte[] getSignature() {
                    return SIGNATURE;
                }
            };
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void run(String name, long seconds, int threads, Work work) throws Exception {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        work.run();
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        double perSecond = count.get() / (double) seconds;
        System.out.printf("%-50s %8.0f /s   %6.1f us per stamp per thread%n", name, perSecond, 1e6 * threads / perSecond);
    }
}
