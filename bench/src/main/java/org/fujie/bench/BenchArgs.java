package org.fujie.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the in-process benchmarks: {@code --name value} pairs, all optional. Each getter takes its option
 * with a default; {@link #done()} then refuses any option no getter asked for, so a typo is an error, not a default.
 */
public final class BenchArgs {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final String usage;

    private BenchArgs(String usage) {
        this.usage = usage;
    }

    /** Prints the usage and exits on {@code -h} or {@code --help}. */
    public static BenchArgs parse(String[] args, String usage) {
        BenchArgs parsed = new BenchArgs(usage);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i] + "\n" + usage);
            }
            parsed.values.put(args[i].substring(2), args[++i]);
        }
        return parsed;
    }

    public String text(String name, String fallback) {
        String value = values.remove(name);
        return value == null ? fallback : value;
    }

    public double number(String name, double fallback) {
        String value = values.remove(name);
        return value == null ? fallback : Double.parseDouble(value);
    }

    public int integer(String name, int fallback) {
        String value = values.remove(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** A comma-separated list, blanks dropped. */
    public List<String> list(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public int[] integers(String name, String fallback) {
        return list(name, fallback).stream().mapToInt(Integer::parseInt).toArray();
    }

    /** @return the path, or null when the option is absent */
    public Path path(String name) {
        String value = values.remove(name);
        return value == null ? null : Path.of(value);
    }

    /** @throws IllegalArgumentException when an option was given that no getter took */
    public void done() {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + values.keySet() + "\n" + usage);
        }
    }
}
