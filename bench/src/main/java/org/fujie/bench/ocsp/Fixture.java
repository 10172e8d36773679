package org.fujie.bench.ocsp;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.bench.BenchCa;
import org.fujie.bench.CsrPool;
import org.fujie.bench.TlsMaterial;
import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * The step {@code prepare}: the certificates both responders answer for, made through ca-service's API.
 * N tls-client certificates are issued from CSRs (N clients in parallel); a share of them, picked at
 * random, is revoked (keyCompromise, every third one certificateHold). The request set mixes all the
 * revoked ones, good ones, and serials never issued, shuffled; by default 80 % good, 10 % revoked and
 * 10 % unknown over 10,000 requests. For OpenSSL's responder it writes index.txt with the same serials
 * and states, and issues an ocsp-signing certificate with a key made by the service (responder.p12,
 * password in responder.pass), so both sign with a delegated EC P-256 responder key. With
 * {@code --algorithm SM2} the certificates come from an SM2 issuing CA created first ({@link BenchCa}),
 * from SM2 CSRs, and neither index.txt nor the OpenSSL responder's key is written (OpenSSL 3.0 cannot
 * sign SM2 with a user ID). Both also write requests-nonce.tsv: good certificates, each request with a
 * nonce, which the responder must sign one by one.
 */
final class Fixture {

    static final String PROPERTIES = "fixture.properties";

    private Fixture() {
    }

    static int run(OcspBench.Args args) throws Exception {
        Path dir = args.path("dir", null);
        Files.createDirectories(dir);
        URI publicUrl = args.uri("public", null);
        KeyAlgorithm algorithm = KeyAlgorithm.fromId(args.text("algorithm", "EC-P256"))
                .orElseThrow(() -> new IllegalArgumentException("unknown --algorithm"));
        int certificates = args.integer("certificates", 10_000);
        int clients = args.integer("clients", 16);
        int revokedCount = (int) Math.round(certificates * args.decimal("revoked-share", 0.1));
        int unknownCount = (int) Math.round(certificates * args.decimal("unknown-share", 0.1));
        int nonceCount = args.integer("nonce-requests", 1_000);
        TlsMaterial tls = TlsMaterial.load(args.path("data", "data"));

        List<BigInteger> serials = new ArrayList<>();
        List<String> revokedReasons = new ArrayList<>();
        X509CertificateHolder issuer;
        try (Api api = new Api(tls, args.uri("url", null))) {
            BenchCa ca = api.ca(algorithm);
            issuer = ca.certificate();
            // The public port must be on and serve the same issuing CA the API issues from.
            HttpResponse<byte[]> published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(publicUrl + "/pki/ca/" + ca.id() + ".crt")).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (published.statusCode() != 200 || !Arrays.equals(published.body(), issuer.getEncoded())) {
                throw new IllegalStateException(publicUrl + "/pki/ca/" + ca.id() + ".crt: HTTP " + published.statusCode()
                        + ", not the issuing CA " + issuer.getSubject());
            }
            Files.write(dir.resolve("issuing.pem"), pem("CERTIFICATE", issuer.getEncoded()).getBytes(StandardCharsets.US_ASCII));
            OcspBench.log("%s issuing CA %s (id %s)", algorithm.id(), issuer.getSubject(), ca.id());

            CsrPool pool = CsrPool.generate(Math.min(2_000, certificates), "tls-client", algorithm, ca.caIdForRequests());
            for (String serial : api.parallel("issue", certificates, clients, (c, i) -> Api.issue(c, pool.next())).results()) {
                serials.add(new BigInteger(serial, 16));
            }
            Collections.shuffle(serials, new Random(42));
            for (int i = 0; i < revokedCount; i++) {
                revokedReasons.add(i % 3 == 2 ? "certificateHold" : "keyCompromise");
            }
            api.parallel("revoke", revokedCount, clients,
                    (c, i) -> Api.revoke(c, serials.get(i).toString(16), revokedReasons.get(i)));

            // OpenSSL's responder is the EC peer only: OpenSSL 3.0 cannot sign SM2 with a user ID (shared/FACTS.md).
            if (algorithm == KeyAlgorithm.EC_P256) {
                byte[] secret = new byte[18];
                new SecureRandom().nextBytes(secret);
                String password = Base64.getUrlEncoder().encodeToString(secret);
                Map<String, String> responder = api.issueWithKey("ocsp-signing", "CN=bench openssl responder", "EC-P256", password);
                Files.write(dir.resolve("responder.p12"), Base64.getDecoder().decode(FlatJson.require(responder, "pkcs12", "")));
                Files.writeString(dir.resolve("responder.pass"), password);
            }
        }

        // index.txt: V or R, expiry, revocation time[,reason], serial, file name, subject (OpenSSL's ca database).
        String revokedAt = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        StringBuilder index = new StringBuilder();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < serials.size(); i++) {
            boolean revoked = i < revokedCount;
            index.append(revoked ? "R" : "V").append("\t301231000000Z\t")
                    .append(revoked ? revokedAt + "," + revokedReasons.get(i) : "").append('\t')
                    .append(Probe.opensslHex(serials.get(i))).append("\tunknown\t/CN=bench ").append(i).append('\n');
            if (revoked) {
                probes.add(Probe.of("revoked", serials.get(i), revokedReasons.get(i), issuer));
            } else if (probes.size() < certificates - unknownCount) {
                probes.add(Probe.of("good", serials.get(i), "-", issuer));
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < unknownCount; i++) {
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            bytes[0] = (byte) ((bytes[0] & 0x3f) | 0x40); // shaped like Fujie's serials, never issued
            probes.add(Probe.of("unknown", new BigInteger(1, bytes), "-", issuer));
        }
        Collections.shuffle(probes, random);
        if (algorithm == KeyAlgorithm.EC_P256) {
            Files.writeString(dir.resolve("index.txt"), index, StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("index.txt.attr"), "unique_subject = no\n");
        }
        Probe.write(dir.resolve(Probe.FILE), probes);
        // The signed path: good certificates, each request with its own nonce (wrk repeats the set; each answer is signed).
        List<Probe> withNonce = new ArrayList<>();
        for (int i = revokedCount; i < serials.size() && withNonce.size() < nonceCount; i++) {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            withNonce.add(Probe.withNonce("good", serials.get(i), "-", issuer, nonce));
        }
        Probe.write(dir.resolve(Probe.NONCE_FILE), withNonce);
        long good = probes.stream().filter(p -> p.kind().equals("good")).count();
        Files.writeString(dir.resolve(PROPERTIES), String.format(Locale.ROOT,
                "algorithm=%s%ncertificates=%d%nrevoked=%d%nrequests=%d%ngood=%d%nunknown=%d%nnonce_requests=%d%n",
                algorithm.id(), certificates, revokedCount, probes.size(), good, unknownCount, withNonce.size()));
        OcspBench.log("%d requests written: %d good, %d revoked, %d unknown; %d more with a nonce; %d certificates%s",
                probes.size(), good, revokedCount, unknownCount, withNonce.size(), serials.size(),
                algorithm == KeyAlgorithm.EC_P256 ? ", all in index.txt" : "");
        return 0;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
