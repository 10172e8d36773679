package org.fujie.bench.tsa;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.fujie.pki.x509.Fingerprints;

/**
 * The query set: {@code --count} RFC 3161 TimeStampReqs made with Bouncy Castle's TimeStampRequestGenerator,
 * each a SHA-256 imprint of a different document, a random 64-bit nonce and certReq true (so every reply
 * carries the TSA certificate, as a client that verifies offline asks). No reqPolicy: the TSA's own policy.
 * Written as queries.hex (one hex DER per line, read by wrk's Lua and by the other steps) and the first
 * {@code --samples} as q-N.tsq for {@code openssl ts -verify -queryfile}.
 */
final class Queries {

    static final String FILE = "queries.hex";

    private Queries() {
    }

    static int run(TsaBench.Args options) throws Exception {
        Path dir = Path.of(options.text("dir", null));
        int count = options.number("count", 1000);
        int samples = Math.min(count, options.number("samples", 20));
        SecureRandom random = new SecureRandom();
        String run = Long.toHexString(random.nextLong());
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        List<String> lines = new ArrayList<>(count);
        int bytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] imprint = Fingerprints.digest("SHA-256",
                    ("Fujie TSA benchmark document " + i + " of run " + run).getBytes(StandardCharsets.UTF_8));
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, new BigInteger(64, random));
            byte[] der = request.getEncoded();
            bytes += der.length;
            lines.add(HexFormat.of().formatHex(der));
            if (i < samples) {
                Files.write(dir.resolve("q-" + i + ".tsq"), der);
            }
        }
        Files.write(dir.resolve(FILE), lines);
        TsaBench.log("%d queries (SHA-256 imprint, nonce, certReq), %d bytes on average, in %s; %d as q-N.tsq",
                count, bytes / count, dir.resolve(FILE), samples);
        return 0;
    }

    static List<byte[]> read(Path dir) throws java.io.IOException {
        List<byte[]> queries = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(FILE))) {
            if (!line.isBlank()) {
                queries.add(HexFormat.of().parseHex(line.strip()));
            }
        }
        return queries;
    }
}
