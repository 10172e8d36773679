package org.fujie.cli;

import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine;

/**
 * What every command of one run shares: the global options as parsed, the environment, stdout/stderr as picocli holds
 * them (tests capture them), and the services made from those settings on first use.
 */
public final class CliContext {

    private final GlobalOptions options = new GlobalOptions();
    private final Map<String, String> env;
    private CommandLine root;
    private Services services;

    public CliContext(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    void attach(CommandLine commandLine) {
        this.root = commandLine;
    }

    public GlobalOptions options() {
        return options;
    }

    public Map<String, String> env() {
        return env;
    }

    public ConnectionSettings settings() {
        return new ConnectionSettings(options, env);
    }

    public Services services() {
        if (services == null) {
            services = new Services(settings());
        }
        return services;
    }

    public Output output() {
        return new Output(options.output(), out(), err());
    }

    public PrintWriter out() {
        return root.getOut();
    }

    public PrintWriter err() {
        return root.getErr();
    }
}
