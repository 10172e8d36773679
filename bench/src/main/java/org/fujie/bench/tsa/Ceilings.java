package org.fujie.bench.tsa;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.bench.SigningCeiling;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.fujie.pki.tsp.TimeStampAuthority;
import org.fujie.pki.tsp.TimeStampSettings;
import org.fujie.pki.x509.Pem;

/**
 * The peers measured in the same run, in a JVM like the service's (same java, same Bouncy Castle), with the
 * TSA's own EC-P256 key read from trust-service's key directory:
 * <ul>
 * <li>{@code sign}: raw signatures, each from a fresh ContentSigner of the key (as the TSA makes one per token)
 * over the DER signed attributes of a real token from this TSA; one thread, then {@code --threads};</li>
 * <li>{@code tsa-core}: pki-core's {@code TimeStampAuthority.answer} over the same queries, same key,
 * certificate and policy: everything the service does per stamp but HTTP and Tomcat.</li>
 * </ul>
 * Threads and timing come from {@link SigningCeiling#measure}. Writes ceiling.json, one line per run.
 */
final class Ceilings {

    private Ceilings() {
    }

    static int run(TsaBench.Args options) throws Exception {
        Path dir = Path.of(options.text("dir", null));
        Path data = Path.of(options.text("data", null));
        int threads = options.number("threads", Runtime.getRuntime().availableProcessors());
        int seconds = options.number("seconds", 10);
        int warmup = options.number("warmup", 3);
        long serverPid = Long.parseLong(options.text("server-pid", "0"));

        X509CertificateHolder certificate = new X509CertificateHolder(Pem.decode(Files.readString(dir.resolve("tsa.pem")), "CERTIFICATE"));
        SigningKey key = tsaKey(data, certificate);
        TimeStampToken sample = new TimeStampResponse(Files.readAllBytes(dir.resolve("r-0.tsr"))).getTimeStampToken();
        SignerInformation signer = sample.toCMSSignedData().getSignerInfos().iterator().next();
        byte[] signedAttributes = signer.getEncodedSignedAttributes();
        TimeStampSettings settings = TimeStampSettings.defaults(sample.getTimeStampInfo().getPolicy()).withAccuracy(Duration.ofSeconds(1));
        TimeStampAuthority authority = new TimeStampAuthority(key, List.of(certificate), settings, Clock.systemUTC());
        List<byte[]> queries = Queries.read(dir);
        TimeStampResponse check = new TimeStampResponse(authority.respond(queries.get(0)));
        check.validate(new TimeStampRequest(queries.get(0)));
        check.getTimeStampToken().validate(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(org.fujie.pki.crypto.CryptoProviders.BC).build(certificate));
        TsaBench.log("key %s (%s) matches the TSA certificate; signed attributes of a token: %d bytes; in-process TSA checked",
                key.alias(), key.algorithm().id(), signedAttributes.length);

        List<String> lines = new ArrayList<>();
        lines.add(line("sign", SigningCeiling.measure(1, warmup, seconds, serverPid, i -> sign(key, signedAttributes))));
        lines.add(line("sign", SigningCeiling.measure(threads, warmup, seconds, serverPid, i -> sign(key, signedAttributes))));
        lines.add(line("tsa-core", SigningCeiling.measure(threads, warmup, seconds, serverPid, i -> {
            byte[] reply = authority.respond(queries.get(i % queries.size()));
            // granted: SEQUENCE { PKIStatusInfo SEQUENCE { INTEGER 0 } ... } right after the outer length
            int offset = (reply[1] & 0x80) == 0 ? 2 : 2 + (reply[1] & 0x7f);
            if (reply[offset] != 0x30 || reply[offset + 1] != 3 || reply[offset + 4] != 0) {
                throw new IllegalStateException("the in-process TSA did not grant");
            }
        })));
        Files.write(dir.resolve("ceiling.json"), lines, StandardCharsets.UTF_8);
        return 0;
    }

    private static String line(String name, SigningCeiling.Result result) {
        String json = String.format(Locale.ROOT,
                "{\"name\":\"%s\",\"threads\":%d,\"seconds\":%.3f,\"operations\":%d,\"per_second\":%.1f,\"cpu_self_cores\":%.3f,"
                        + "\"cpu_server_cores\":%.3f,\"cpu_machine_cores\":%.3f}",
                name, result.threads(), result.seconds(), result.operations(), result.perSecond(), result.cpu().generator(),
                result.cpu().server(), result.cpu().machine());
        TsaBench.log("%s, %d thread(s): %,.0f/s, %.2f cores (machine %.2f)", name, result.threads(), result.perSecond(),
                result.cpu().generator(), result.cpu().machine());
        return json;
    }

    private static byte[] sign(SigningKey key, byte[] data) {
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return signer.getSignature();
    }

    /** The key in DATA/trust-service/keys whose public key is the certificate's (passphrase: DATA/secrets/key-passphrase). */
    private static SigningKey tsaKey(Path data, X509CertificateHolder certificate) throws IOException {
        char[] passphrase = Files.readString(data.resolve("secrets/key-passphrase"), StandardCharsets.UTF_8).strip().toCharArray();
        Path keys = data.resolve("trust-service/keys");
        SoftwareKeyBackend backend = new SoftwareKeyBackend(keys, passphrase);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keys, "*.key.pem")) {
            for (Path file : files) {
                String alias = file.getFileName().toString().replace(".key.pem", "");
                SigningKey key = backend.get(alias);
                if (key.publicKeyInfo().equals(certificate.getSubjectPublicKeyInfo())) {
                    return key;
                }
            }
        }
        throw new IllegalStateException("no key in " + keys + " matches the TSA certificate " + certificate.getSubject());
    }
}
