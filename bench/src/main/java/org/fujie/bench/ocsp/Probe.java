package org.fujie.bench.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * One OCSP request of the load and the answer it must get: {@code kind} is good, revoked or unknown,
 * {@code reason} the RFC 5280 reason name of a revoked one ("-" otherwise). The request is DER, one
 * SHA-1 CertID (as openssl sends by default), no nonce, so responders may answer from pre-signed
 * responses (RFC 5019). The set is a file of tab-separated lines, kind, serial, reason, request in
 * hex, which wrk's Lua script reads too.
 */
record Probe(String kind, BigInteger serial, String reason, byte[] der) {

    static final String FILE = "requests.tsv";
    /** Requests with a nonce: each answer is signed for its request, the path whose speed is the signing rate's. */
    static final String NONCE_FILE = "requests-nonce.tsv";

    /** A request for one serial of the issuer, built with a fresh SHA-1 digest calculator per call. */
    static Probe of(String kind, BigInteger serial, String reason, X509CertificateHolder issuer) {
        try {
            return new Probe(kind, serial, reason, new OCSPReqBuilder().addRequest(certificateId(issuer, serial)).build().getEncoded());
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException("cannot build an OCSP request", e);
        }
    }

    /** As {@link #of}, with a nonce (RFC 8954): the responder must sign an answer for this request and echo the nonce. */
    static Probe withNonce(String kind, BigInteger serial, String reason, X509CertificateHolder issuer, byte[] nonce) {
        try {
            Extension extension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce));
            return new Probe(kind, serial, reason, new OCSPReqBuilder().addRequest(certificateId(issuer, serial))
                    .setRequestExtensions(new Extensions(extension)).build().getEncoded());
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException("cannot build an OCSP request", e);
        }
    }

    /** The nonce's octets of the request, or null when it has none. */
    byte[] nonce() throws IOException {
        try {
            Extension nonce = new OCSPReq(der).getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            return nonce == null ? null : nonce.getExtnValue().getOctets();
        } catch (RuntimeException e) {
            throw new IOException("not an OCSP request", e);
        }
    }

    static CertificateID certificateId(X509CertificateHolder issuer, BigInteger serial) throws OCSPException {
        try {
            DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
            return new CertificateID(sha1, issuer, serial);
        } catch (OperatorCreationException e) {
            throw new OCSPException("no SHA-1", e);
        }
    }

    /** The serial as openssl's index.txt and BN_bn2hex write it: upper-case hex, whole octets. */
    static String opensslHex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    static void write(Path file, List<Probe> probes) throws IOException {
        StringBuilder out = new StringBuilder(probes.size() * 256);
        HexFormat hex = HexFormat.of();
        for (Probe p : probes) {
            out.append(p.kind).append('\t').append(p.serial.toString(16)).append('\t').append(p.reason).append('\t')
                    .append(hex.formatHex(p.der)).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.US_ASCII);
    }

    static List<Probe> read(Path file) throws IOException {
        List<Probe> probes = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] f = line.split("\t");
            probes.add(new Probe(f[0], new BigInteger(f[1], 16), f[2], hex.parseHex(f[3])));
        }
        return probes;
    }
}
