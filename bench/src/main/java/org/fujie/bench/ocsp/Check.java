package org.fujie.bench.ocsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The step {@code check}: sends every request of the set to one responder (POST, one keep-alive
 * connection) and judges each answer with {@link Verdicts}; with {@code --get N}, the first N also as
 * GET, base64url and standard base64 (URL-encoded), RFC 5019 section 5. With {@code --wait S} it first
 * polls one revoked certificate for up to S seconds until the responder says revoked (a responder that
 * pre-signs may lag behind the revocations just made). Any wrong answer fails the step and is listed.
 * HTTP goes through HttpURLConnection, which keeps a connection alive only when the server says so:
 * java.net.http reuses OpenSSL's HTTP/1.0 connections after the server closed them now and then.
 */
final class Check {

    private Check() {
    }

    static int run(OcspBench.Args args) throws Exception {
        Path dir = args.path("dir", null);
        String name = args.text("name", null);
        URI url = args.uri("ocsp", null);
        int gets = args.integer("get", 0);
        List<Probe> probes = Probe.read(dir.resolve(args.text("requests", Probe.FILE)));
        X509CertificateHolder issuer;
        try (PemReader pem = new PemReader(Files.newBufferedReader(dir.resolve("issuing.pem")))) {
            issuer = new X509CertificateHolder(pem.readPemObject().getContent());
        }
        Verdicts verdicts = new Verdicts(issuer);

        int wait = args.integer("wait", 0);
        if (wait > 0) {
            Probe revoked = probes.stream().filter(p -> p.kind().equals("revoked")).findFirst().orElseThrow();
            long start = System.nanoTime();
            String last = "";
            while (true) {
                try {
                    verdicts.judge(revoked, post(url, revoked.der()));
                    break;
                } catch (Exception e) {
                    last = e.getMessage();
                }
                if (System.nanoTime() - start > wait * 1_000_000_000L) {
                    OcspBench.log("%s: a revoked certificate still not answered revoked after %d s: %s", name, wait, last);
                    return 1;
                }
                Thread.sleep(200);
            }
            OcspBench.log("%s: revocations visible after %.1f s", name, (System.nanoTime() - start) / 1e9);
        }

        Map<String, Integer> right = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            List<URI> getUrls = i < gets ? List.of(
                    URI.create(url + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(probe.der())),
                    URI.create(url + "/" + URLEncoder.encode(Base64.getEncoder().encodeToString(probe.der()), StandardCharsets.US_ASCII)))
                    : List.of();
            try {
                byte[] answer = post(url, probe.der());
                bytes += answer.length;
                right.merge(verdicts.judge(probe, answer), 1, Integer::sum);
                for (URI get : getUrls) {
                    verdicts.judge(probe, exchange(get, null));
                    right.merge("GET", 1, Integer::sum);
                }
            } catch (Exception e) {
                wrong.add(probe.kind() + " " + probe.serial().toString(16) + ": " + e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        OcspBench.log("%s: %d answers checked in %.1f s, right: %s, wrong: %d; signed by %s; %.0f bytes per answer",
                name, probes.size(), seconds, right, wrong.size(), verdicts.signer(), (double) bytes / probes.size());
        wrong.stream().limit(20).forEach(w -> OcspBench.log("  WRONG %s", w));
        Files.writeString(dir.resolve("check-" + name + ".json"), new JsonLine().put("responder", name).put("checked", probes.size())
                .put("wrong", wrong.size()).put("get_checked", right.getOrDefault("GET", 0))
                .put("answer_bytes", Math.round((double) bytes / probes.size())).put("signer", verdicts.signer()) + "\n");
        return wrong.isEmpty() ? 0 : 1;
    }

    static byte[] post(URI url, byte[] der) throws IOException {
        return exchange(url, der);
    }

    /** POST (with a body) or GET; the answer must be 200 with an OCSP response. */
    private static byte[] exchange(URI url, byte[] der) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        if (der != null) {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(der.length);
            connection.setRequestProperty("Content-Type", "application/ocsp-request");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(der);
            }
        }
        int status = connection.getResponseCode();
        String type = String.valueOf(connection.getContentType());
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            if (status != 200 || !type.startsWith("application/ocsp-response")) {
                throw new IOException("HTTP " + status + ", Content-Type " + type);
            }
            return body;
        }
    }
}
