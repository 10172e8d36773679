package org.fujie.bench.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.fujie.bench.CsrPool;
import org.fujie.bench.Latencies;
import org.fujie.bench.TlsMaterial;
import org.fujie.bench.Transport;
import org.fujie.pki.crypto.CryptoProviders;

/**
 * The step {@code scale}: grows the revoked set to {@code --revoked} certificates (those of
 * {@code prepare} count), then measures what an operator waits for at that scale: one revocation
 * ({@code --timed} sequential ones on one warm connection, median and p99), the time until OCSP says
 * revoked for the last of them, and the full CRL (POST /api/v1/cas/issuing/crl: the service's
 * generationMillis and the wall time), fetched from /pki/crl/issuing.crl and checked: signature under
 * the issuing CA, and every certificate revoked here or in {@code prepare} listed with its reason.
 */
final class RevocationScale {

    private static final String[] REASONS = {"keyCompromise", "superseded", "cessationOfOperation", "affiliationChanged", "certificateHold"};

    private RevocationScale() {
    }

    static int run(OcspBench.Args args) throws Exception {
        Path dir = args.path("dir", null);
        URI publicUrl = args.uri("public", null);
        int target = args.integer("revoked", 100_000);
        int timed = args.integer("timed", 200);
        int clients = args.integer("clients", 16);
        TlsMaterial tls = TlsMaterial.load(args.path("data", "data"));
        X509CertificateHolder issuer = new X509CertificateHolder(tls.issuingCa().getEncoded());
        Properties fixture = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(Fixture.PROPERTIES))) {
            fixture.load(in);
        }
        Map<BigInteger, String> expected = new HashMap<>();
        for (Probe probe : Probe.read(dir.resolve(Probe.FILE))) {
            if (probe.kind().equals("revoked")) {
                expected.put(probe.serial(), probe.reason());
            }
        }
        int bulk = Math.max(0, target - Integer.parseInt(fixture.getProperty("revoked")) - timed);
        JsonLine json = new JsonLine();
        double visible = 0;

        try (Api api = new Api(tls, args.uri("url", null))) {
            CsrPool pool = CsrPool.generate(2_000, "tls-client");
            Api.Bulk<String> issued = api.parallel("issue", bulk + timed, clients, (c, i) -> Api.issue(c, pool.next()));
            List<String> serials = issued.results();
            long crlBefore = crlNumber(new X509CRLHolder(fetchCrl(publicUrl)));
            Api.Bulk<Map<String, String>> revoked = api.parallel("revoke", bulk, clients,
                    (c, i) -> Api.revoke(c, serials.get(i), REASONS[i % REASONS.length]));
            for (int i = 0; i < bulk; i++) {
                expected.put(new BigInteger(serials.get(i), 16), REASONS[i % REASONS.length]);
            }
            json.put("issued", bulk + timed).put("issue_per_second", issued.perSecond())
                    .put("bulk_revoked", bulk).put("bulk_revoke_per_second", revoked.perSecond())
                    .put("bulk_clients", clients).put("crl_number_before_bulk", crlBefore)
                    .put("crl_number_after_bulk", crlNumber(new X509CRLHolder(fetchCrl(publicUrl))));

            Latencies latencies = new Latencies();
            try (Transport.Connection connection = api.open()) {
                for (int i = bulk; i < bulk + timed; i++) {
                    long start = System.nanoTime();
                    Api.revoke(connection, serials.get(i), "keyCompromise");
                    latencies.add(System.nanoTime() - start);
                    expected.put(new BigInteger(serials.get(i), 16), "keyCompromise");
                }
                latencies = Latencies.merge(List.of(latencies));
                OcspBench.log("one revocation, %d sequential with %d revoked: p50 %.2f ms, p99 %.2f ms, max %.2f ms", timed,
                        expected.size(), latencies.quantileMillis(0.5), latencies.quantileMillis(0.99), latencies.maxMillis());
                json.put("timed_revocations", timed).put("revoke_p50_ms", latencies.quantileMillis(0.5))
                        .put("revoke_p99_ms", latencies.quantileMillis(0.99)).put("revoke_max_ms", latencies.maxMillis())
                        .put("revoke_mean_ms", latencies.meanMillis());
                if (timed > 0) {
                    visible = ocspVisible(publicUrl, issuer, new BigInteger(serials.get(bulk + timed - 1), 16),
                            args.integer("ocsp-wait", 60));
                    json.put("ocsp_visible_ms", visible);
                }

                long start = System.nanoTime();
                Map<String, String> crl = Api.generateCrl(connection, "issuing");
                double wall = (System.nanoTime() - start) / 1e6;
                OcspBench.log("full CRL: %s entries, number %s, generationMillis %s, wall %.0f ms", crl.get("entries"),
                        crl.get("crlNumber"), crl.get("generationMillis"), wall);
                json.put("crl_entries_reported", Long.parseLong(FlatJson.require(crl, "entries", "")))
                        .put("crl_number", Long.parseLong(FlatJson.require(crl, "crlNumber", "")))
                        .put("crl_generation_ms", Double.parseDouble(FlatJson.require(crl, "generationMillis", "")))
                        .put("crl_wall_ms", wall);
            }
        }

        long start = System.nanoTime();
        byte[] crl = fetchCrl(publicUrl);
        double fetchMillis = (System.nanoTime() - start) / 1e6;
        Files.write(dir.resolve("issuing.crl"), crl);
        int missing = checkCrl(new X509CRLHolder(crl), issuer, expected, json);
        json.put("crl_der_bytes", crl.length).put("crl_fetch_ms", fetchMillis)
                .put("revoked_expected", expected.size()).put("crl_missing_or_wrong", missing);
        Files.writeString(dir.resolve("scale.json"), json + "\n");
        OcspBench.log("CRL fetched: %d bytes in %.0f ms; %d of %d revoked certificates missing or with a wrong reason",
                crl.length, fetchMillis, missing, expected.size());
        return missing == 0 && visible >= 0 ? 0 : 1;
    }

    /** The newest complete CRL, DER, from the public port. */
    private static byte[] fetchCrl(URI publicUrl) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(publicUrl + "/pki/crl/issuing.crl")).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("/pki/crl/issuing.crl: HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static long crlNumber(X509CRLHolder crl) {
        return ASN1Integer.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).longValueExact();
    }

    /** Entries missing from the CRL or listed with another reason; the signature must verify. */
    private static int checkCrl(X509CRLHolder crl, X509CertificateHolder issuer, Map<BigInteger, String> expected,
            JsonLine json) throws Exception {
        if (!crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.BC).build(issuer))) {
            throw new IllegalStateException("the CRL's signature does not verify under the issuing CA");
        }
        Map<BigInteger, Integer> listed = new HashMap<>();
        for (Object o : crl.getRevokedCertificates()) {
            X509CRLEntryHolder entry = (X509CRLEntryHolder) o;
            Extension reason = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.reasonCode);
            listed.put(entry.getSerialNumber(), reason == null ? CRLReason.unspecified
                    : CRLReason.getInstance(reason.getParsedValue()).getValue().intValue());
        }
        json.put("crl_entries", listed.size());
        List<String> problems = new ArrayList<>();
        expected.forEach((serial, reason) -> {
            Integer got = listed.get(serial);
            if (got == null || got != Verdicts.REASONS.get(reason)) {
                problems.add(serial.toString(16) + " " + reason + " -> " + got);
            }
        });
        problems.stream().limit(10).forEach(p -> OcspBench.log("  CRL WRONG %s", p));
        return problems.size();
    }

    /**
     * Milliseconds until the responder answers revoked for a certificate just revoked (polled every
     * 10 ms), or -1 when it does not within {@code seconds}.
     */
    private static double ocspVisible(URI publicUrl, X509CertificateHolder issuer, BigInteger serial, int seconds)
            throws InterruptedException {
        Probe probe = Probe.of("revoked", serial, "keyCompromise", issuer);
        Verdicts verdicts = new Verdicts(issuer);
        long start = System.nanoTime();
        String last = "";
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            try {
                verdicts.judge(probe, Check.post(URI.create(publicUrl + "/pki/ocsp"), probe.der()));
                double millis = (System.nanoTime() - start) / 1e6;
                OcspBench.log("OCSP said revoked %.0f ms after the last revocation", millis);
                return millis;
            } catch (Exception notYet) {
                last = notYet.getMessage();
                Thread.sleep(10);
            }
        }
        OcspBench.log("OCSP WRONG: still no revoked answer for %s after %d s: %s", serial.toString(16), seconds, last);
        return -1;
    }
}
