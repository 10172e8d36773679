package org.fujie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fujie.ca.support.RunningCaService;
import org.fujie.seal.SealServiceApplication;
import org.fujie.trust.TrustServiceApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ca-service, trust-service and seal-service in this JVM on one data folder, as ./fujie start runs them, started once
 * for every test class of the module (they take most of a run's time) and stopped when the JVM ends. OCSP answers are
 * valid 10 s here, not 1 h, so trust-service's cache learns of a revocation within a test.
 */
final class CliTestServices {

    private static CliTestServices running;

    private final RunningCaService ca;
    private final ConfigurableApplicationContext trust;
    private final ConfigurableApplicationContext seal;
    private final String tsaUrl;

    private CliTestServices() {
        int caPublicPort = freePort();
        int tsaPort = freePort();
        tsaUrl = "http://127.0.0.1:" + tsaPort + "/tsa";
        ca = RunningCaService.start(Map.of("fujie.public-http.port", Integer.toString(caPublicPort),
                "fujie.public-base-url", "http://127.0.0.1:" + caPublicPort, "fujie.ocsp.validity", "10s",
                "fujie.ocsp.refresh-after", "5s", "fujie.ocsp.pre-sign-interval", "2s"));
        trust = TrustServiceApplication.application().run("--fujie.data-dir=" + ca.dataDir(), "--server.port=0",
                "--fujie.public-http.port=" + tsaPort, "--fujie.tsa.ca-url=" + ca.baseUrl(), "--fujie.tsa.check-interval=1s");
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
