package org.fujie.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fujie.ca.support.FreePorts;
import org.fujie.ca.support.RunningCaService;
import org.fujie.seal.SealServiceApplication;
import org.fujie.trust.TrustServiceApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ca-service, trust-service and seal-service in this JVM on one data folder, as ./fujie start runs them, started once
 * for every test class of the module (they take most of a run's time) and stopped when the JVM ends. trust-service
 * reuses a revocation answer 2 s here, not 60 s, so a verification learns of a revocation within a test.
 */
final class CliTestServices {

    private static CliTestServices running;

    private final RunningCaService ca;
    private final ConfigurableApplicationContext trust;
    private final ConfigurableApplicationContext seal;
    private final String tsaUrl;

    private CliTestServices() {
        int caPublicPort = FreePorts.any();
        int tsaPort = FreePorts.any();
        tsaUrl = "http://127.0.0.1:" + tsaPort + "/tsa";
        ca = RunningCaService.start(Map.of("fujie.public-http.port", Integer.toString(caPublicPort),
                "fujie.public-base-url", "http://127.0.0.1:" + caPublicPort));
        trust = TrustServiceApplication.application().run("--fujie.data-dir=" + ca.dataDir(), "--server.port=0",
                "--fujie.public-http.port=" + tsaPort, "--fujie.tsa.ca-url=" + ca.baseUrl(), "--fujie.tsa.check-interval=1s",
                "--fujie.validation.revocation-max-age=2s");
        seal = SealServiceApplication.application().run("--fujie.data-dir=" + ca.dataDir(), "--server.port=0",
                "--fujie.seal.ca-url=" + ca.baseUrl(), "--fujie.seal.expiry-check-initial-delay=1d", "--fujie.seal.tsa-url=" + tsaUrl);
    }

    static synchronized CliTestServices get() {
        if (running == null) {
            running = new CliTestServices();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        }
        return running;
    }

    Path dataDir() {
        return ca.dataDir();
    }

    /** The environment a user of ./fujie start would have, pointed at these services' random ports. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("FUJIE_DATA", ca.dataDir().toString());
        env.put("FUJIE_CA_URL", ca.baseUrl());
        env.put("FUJIE_SEAL_URL", url(seal));
        env.put("FUJIE_TRUST_URL", url(trust));
        env.put("FUJIE_TSA_URL", tsaUrl);
        return env;
    }

    /** The command line run in this JVM, as ./fujie would run it, with stdout and stderr captured. */
    Run fujie(String... args) {
        return fujie(env(), args);
    }

    static Run fujie(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FujieCli.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** One run's exit code and output. */
    record Run(int exitCode, String out, String err) {

        /** stderr's lines, blank ones left out. */
        long errLines() {
            return err.lines().filter(l -> !l.isBlank()).count();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static String url(ConfigurableApplicationContext context) {
        return "https://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }


    private void close() {
        try {
            seal.close();
            trust.close();
        } finally {
            ca.close();
        }
    }
}
