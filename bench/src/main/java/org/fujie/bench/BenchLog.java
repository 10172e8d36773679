package org.fujie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What an in-process benchmark says: each line to stdout as it happens, and all of them to a result file at the end. */
public final class BenchLog {

    private final StringBuilder text = new StringBuilder();

    /** Formats with {@link Locale#ROOT}, prints and keeps the line. */
    public void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        text.append(line).append('\n');
    }

    /** Writes every line so far to the file (its directory created); nothing when {@code out} is null. */
    public void writeTo(Path out) throws IOException {
        if (out == null) {
            return;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.println("written to " + out);
    }

    /** The jar (and its time) a class was loaded from: which build of a library is measured. */
    public static String origin(Class<?> type) {
        try {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar + " (" + Files.getLastModifiedTime(jar) + ")";
        } catch (Exception e) {
            return "?";
        }
    }
}
