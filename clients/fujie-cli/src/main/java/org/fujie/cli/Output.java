package org.fujie.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything a command prints as its result, in the --output format: table (lines for people), json (the SDK's record
 * or the service's JSON, for scripts), pem (when the result is a certificate). Progress and notes go to stderr.
 */
public final class Output {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL)).build();

    private final OutputFormat format;
    private final PrintWriter out;
    private final PrintWriter err;

    public Output(OutputFormat format, PrintWriter out, PrintWriter err) {
        this.format = format;
        this.out = out;
        this.err = err;
    }

    /** A result that is no certificate: --output pem is refused. */
    public void result(Object value, Consumer<PrintWriter> table) {
        if (format == OutputFormat.PEM) {
            throw new CliException(ExitCode.USAGE, "--output pem is for results that are certificates: use table or json");
        }
        show(value, table);
    }

    /** A result that is a certificate: pem prints it (with its chain when known). */
    public void certificate(Object value, String pem, Consumer<PrintWriter> table) {
        if (format == OutputFormat.PEM) {
            if (pem == null) {
                throw new CliException(ExitCode.USAGE, "this result has no certificate yet: use --output table or json");
            }
            out.print(pem.endsWith("\n") ? pem : pem + "\n");
            out.flush();
            return;
        }
        show(value, table);
    }

    private void show(Object value, Consumer<PrintWriter> table) {
        if (format == OutputFormat.JSON) {
            out.println(value instanceof JsonNode node ? JSON.writeValueAsString(node) : JSON.writeValueAsString(value));
        } else {
            table.accept(out);
        }
        out.flush();
    }

    /** A line for people on stderr (progress, where a file went), so stdout stays the result. */
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    public static JsonMapper json() {
        return JSON;
    }

    /** Aligned columns: a header and rows; values may be null (shown as -). */
    public static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], text(row.get(i)).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = text(row.get(i));
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** "name: value" lines with the values aligned; null values are left out. */
    public static void fields(PrintWriter out, String... namesAndValues) {
        int width = 0;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            width = Math.max(width, namesAndValues[i].length());
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.println(namesAndValues[i] + ":" + " ".repeat(width - namesAndValues[i].length() + 1) + namesAndValues[i + 1]);
            }
        }
    }

    public static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
