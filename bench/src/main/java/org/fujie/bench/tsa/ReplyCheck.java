package org.fujie.bench.tsa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.x509.Pem;

/**
 * Waits until the TSA grants a stamp (it answers systemFailure until trust-service has its certificate from
 * ca-service), then sends every query once and judges every reply with Bouncy Castle, independently of the
 * service's code: status granted, {@code TimeStampResponse.validate} (imprint, nonce, certReq answered with
 * the certificate), the token's signature and ESSCertIDv2 under the certificate it carries (critical EKU
 * timeStamping, valid at genTime), that certificate issued by a CA of the trust chain, genTime within a
 * minute of this clock, and serial numbers all different. Writes the first replies as r-N.tsr for
 * {@code openssl ts -verify}, the TSA certificate as tsa.pem, and check.json.
 */
final class ReplyCheck {

    private ReplyCheck() {
    }

    static int run(TsaBench.Args options) throws Exception {
        Path dir = Path.of(options.text("dir", null));
        URI url = URI.create(options.text("url", null));
        List<X509CertificateHolder> anchors = Pem.decodeAll(Files.readString(Path.of(options.text("chain", null))), "CERTIFICATE")
                .stream().map(ReplyCheck::holder).toList();
        List<byte[]> queries = Queries.read(dir);
        int samples = 0;
        while (Files.exists(dir.resolve("q-" + samples + ".tsq"))) {
            samples++;
        }

        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(options.number("wait", 120)).toNanos();
        String last = "";
        while (true) {
            String now;
            try {
                TimeStampResponse first = new TimeStampResponse(post(url, queries.get(0)));
                if (first.getStatus() == 0) {
                    break;
                }
                now = String.format(Locale.ROOT, "status %d, failInfo %s, \"%s\"", first.getStatus(),
                        first.getFailInfo() == null ? "-" : Integer.toString(first.getFailInfo().intValue()), first.getStatusString());
            } catch (IOException e) {
                now = e.toString();
            }
            if (!now.equals(last)) {
                last = now;
                TsaBench.log("not granted yet: %s", now);
            }
            if (System.nanoTime() > deadline) {
                TsaBench.log("FAIL: the TSA granted nothing in %s s", options.text("wait", "120"));
                return 1;
            }
            Thread.sleep(250);
        }
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        TsaBench.log("the TSA grants after %d ms", waitedMillis);

        Set<BigInteger> serials = new HashSet<>();
        X509CertificateHolder tsaCertificate = null;
        long replyBytes = 0;
        long checkStart = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            byte[] der = post(url, queries.get(i));
            replyBytes += der.length;
            X509CertificateHolder certificate;
            try {
                certificate = judge(new TimeStampRequest(queries.get(i)), der, anchors, serials);
            } catch (Exception e) {
                Files.write(dir.resolve("bad-reply-" + i + ".tsr"), der);
                TsaBench.log("FAIL: reply %d: %s (saved as bad-reply-%d.tsr)", i, e.getMessage(), i);
                return 1;
            }
            if (tsaCertificate == null) {
                tsaCertificate = certificate;
            } else if (!tsaCertificate.equals(certificate)) {
                TsaBench.log("note: reply %d is signed under another TSA certificate (%s), a renewal?", i, certificate.getSerialNumber());
                tsaCertificate = certificate;
            }
            if (i < samples) {
                Files.write(dir.resolve("r-" + i + ".tsr"), der);
            }
        }
        double seconds = (System.nanoTime() - checkStart) / 1e9;
        Files.writeString(dir.resolve("tsa.pem"), Pem.encode("CERTIFICATE", tsaCertificate.getEncoded()));
        TimeStampToken sample = new TimeStampResponse(Files.readAllBytes(dir.resolve("r-0.tsr"))).getTimeStampToken();
        String json = String.format(Locale.ROOT,
                "{\"checked\":%d,\"granted\":%d,\"reply_bytes_mean\":%d,\"waited_ms\":%d,\"sequential_per_second\":%.1f,"
                        + "\"policy\":\"%s\",\"tsa_subject\":\"%s\",\"tsa_serial\":\"%s\",\"signature_algorithm\":\"%s\"}%n",
                queries.size(), serials.size(), replyBytes / queries.size(), waitedMillis, queries.size() / seconds,
                sample.getTimeStampInfo().getPolicy(), tsaCertificate.getSubject(), tsaCertificate.getSerialNumber().toString(16),
                sample.toCMSSignedData().getSignerInfos().iterator().next().getEncryptionAlgOID());
        Files.writeString(dir.resolve("check.json"), json, StandardCharsets.UTF_8);
        TsaBench.log("all %d replies granted and right (one client, one at a time: %.0f/s); %d bytes per reply on average; "
                + "TSA certificate %s, serial %s", queries.size(), queries.size() / seconds, replyBytes / queries.size(),
                tsaCertificate.getSubject(), tsaCertificate.getSerialNumber().toString(16));
        return 0;
    }

    /** Throws with the reason when the reply is not a right answer to the request; returns the TSA certificate. */
    private static X509CertificateHolder judge(TimeStampRequest request, byte[] der, List<X509CertificateHolder> anchors,
            Set<BigInteger> serials) throws Exception {
        TimeStampResponse response = new TimeStampResponse(der);
        if (response.getStatus() != 0) {
            throw new IllegalStateException("status " + response.getStatus() + ": " + response.getStatusString());
        }
        response.validate(request);
        TimeStampToken token = response.getTimeStampToken();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.size() != 1) {
            throw new IllegalStateException(matches.size() + " certificates match the signer");
        }
        X509CertificateHolder certificate = matches.iterator().next();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProviders.BC).build(certificate));
        X509CertificateHolder issuer = anchors.stream().filter(a -> a.getSubject().equals(certificate.getIssuer())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no CA of the trust chain issued " + certificate.getSubject()));
        if (!certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.BC).build(issuer))) {
            throw new IllegalStateException("the TSA certificate's signature does not verify under " + issuer.getSubject());
        }
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        if (Duration.between(genTime, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalStateException("genTime " + genTime + " is more than a minute off");
        }
        if (!serials.add(token.getTimeStampInfo().getSerialNumber())) {
            throw new IllegalStateException("serial number " + token.getTimeStampInfo().getSerialNumber() + " repeated");
        }
        return certificate;
    }

    /** One POST of application/timestamp-query; the body of a 200, or an exception. */
    static byte[] post(URI url, byte[] query) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/timestamp-query");
        connection.setFixedLengthStreamingMode(query.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(query);
        }
        int status = connection.getResponseCode();
        if (status != 200) {
            throw new IOException("HTTP " + status + " from " + url);
        }
        String type = connection.getContentType();
        if (type == null || !type.startsWith("application/timestamp-reply")) {
            throw new IOException("content type " + type + " from " + url);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        try (InputStream in = connection.getInputStream()) {
            in.transferTo(body);
        }
        return body.toByteArray();
    }

    private static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
