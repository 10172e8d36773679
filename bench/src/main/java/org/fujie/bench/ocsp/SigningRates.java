package org.fujie.bench.ocsp;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fujie.bench.BenchCa;
import org.fujie.bench.SigningCeiling;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.SigningKey;

/**
 * The step {@code rate}: the raw signing rate of each CA key the run used (DATA/keys, as the service holds them),
 * in process, {@code --threads} threads, with the service idle between the load rows and the scale phase; the figure
 * each Fujie row is divided by in the summary. One rate-ALGORITHM.json per algorithm.
 */
final class SigningRates {

    private SigningRates() {
    }

    static int run(OcspBench.Args args) throws Exception {
        Path dir = args.path("dir", null);
        Path data = args.path("data", "data");
        int threads = args.integer("threads", Runtime.getRuntime().availableProcessors());
        int seconds = args.integer("seconds", 5);
        long serverPid = Long.parseLong(args.text("server-pid", "0"));
        for (String id : args.text("algorithms", "EC-P256").split(",")) {
            KeyAlgorithm algorithm = KeyAlgorithm.fromId(id.strip()).orElseThrow(() -> new IllegalArgumentException("unknown " + id));
            SigningKey key = BenchCa.key(data, BenchCa.idFor(algorithm));
            SigningCeiling.Result r = SigningCeiling.signatures(key, threads, 2, seconds, serverPid);
            OcspBench.log("raw signing rate, %s (%s, key %s): %.0f signatures/s on %d threads (this process %.2f cores, machine %.2f)",
                    algorithm.id(), algorithm.signatureAlgorithm(), key.alias(), r.perSecond(), threads, r.cpu().generator(),
                    r.cpu().machine());
            Files.writeString(dir.resolve("rate-" + algorithm.id() + ".json"), new JsonLine().put("algorithm", algorithm.id())
                    .put("key", key.alias()).put("threads", threads).put("seconds", r.seconds())
                    .put("signatures_per_second", r.perSecond()).put("cpu_own_cores", r.cpu().generator())
                    .put("cpu_machine_cores", r.cpu().machine()) + "\n");
        }
        return 0;
    }
}
