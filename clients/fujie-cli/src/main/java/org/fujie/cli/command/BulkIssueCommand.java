package org.fujie.cli.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.fujie.cli.CliContext;
import org.fujie.cli.CliException;
import org.fujie.cli.ErrorMapper;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.cli.Output;
import org.fujie.cli.Passwords;
import org.fujie.client.sdk.ca.Certificate;
import org.fujie.client.sdk.ca.GeneratedKey;
import org.fujie.client.sdk.ca.IssueRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * cert bulk-issue: one certificate per CSV row, each row on its own, so a bad row is reported and the rest still
 * issued; progress on stderr, the summary on stdout, and a non-zero exit (the first failure's code) if any row failed.
 */
@Command(name = "bulk-issue", mixinStandardHelpOptions = true,
        description = {"Issue one certificate per row of a CSV file:",
                "  profile,subject,algorithm   a key made by ca-service, written as <out-dir>/<row>-<serial>.p12",
                "  profile,csr-file            a certificate for the CSR's key, written as <out-dir>/<row>-<serial>.pem",
                "Fields with commas (subjects) go in double quotes; blank lines, # comments and a 'profile,...' header are skipped."},
        footer = {"%nExample (rows.csv):", "  profile,subject,algorithm", "  user-auth,\"CN=Li Na,O=Example Bureau\",EC-P256",
                "  tls-client,robot.csr", "%n  ./fujie cert bulk-issue --csv rows.csv --out-dir issued --p12-password-file pass.txt",
                ExitCode.HELP})
public final class BulkIssueCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--csv", required = true, paramLabel = "F", description = "The rows")
    private Path csv;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = ".", description = "Where the certificates and PKCS#12 files go (default: here)")
    private Path outDir;

    @Option(names = "--p12-password", paramLabel = "P", description = "Password of every PKCS#12 made (keygen rows)")
    private String password;

    @Option(names = "--p12-password-file", paramLabel = "F", description = "A file holding that password")
    private Path passwordFile;

    BulkIssueCommand(CliContext context) {
        this.context = context;
    }

    /** One row's outcome, for the summary and --output json. */
    record RowResult(int row, String subject, String serialNumber, String file, String error) {
    }

    @Override
    public Integer call() {
        Path base = csv.toAbsolutePath().getParent();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] lines = LocalFiles.readText(csv, "CSV").split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || (rows.isEmpty() && line.toLowerCase().startsWith("profile,"))) {
                continue;
            }
            rows.add(fields(line));
            lineNumbers.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new CliException(ExitCode.NO_INPUT, csv + " has no rows: see 'fujie cert bulk-issue --help' for the format");
        }
        char[] secret = rows.stream().anyMatch(r -> r.size() == 3) ? Passwords.forNewPkcs12(password, passwordFile, "the PKCS#12 files") : null;
        ErrorMapper errors = new ErrorMapper(context, false);
        List<RowResult> results = new ArrayList<>();
        int firstFailure = ExitCode.OK;
        for (int i = 0; i < rows.size(); i++) {
            int line = lineNumbers.get(i);
            String progress = "[" + (i + 1) + "/" + rows.size() + "] line " + line + ": ";
            try {
                RowResult done = issue(line, rows.get(i), base, secret);
                results.add(done);
                context.output().note(progress + "issued " + done.serialNumber() + " " + done.subject() + " -> " + done.file());
            } catch (RuntimeException e) {
                var mapped = errors.explain(e);
                results.add(new RowResult(line, null, null, null, mapped.message()));
                context.output().note(progress + "FAILED: " + mapped.message());
                firstFailure = firstFailure == ExitCode.OK ? mapped.exitCode() : firstFailure;
            }
        }
        long failed = results.stream().filter(r -> r.error() != null).count();
        context.output().result(results, w -> {
            w.println("issued " + (results.size() - failed) + " of " + results.size() + (failed == 0 ? "" : ", failed " + failed + ":"));
            results.stream().filter(r -> r.error() != null).forEach(r -> w.println("  line " + r.row() + ": " + r.error()));
        });
        return firstFailure;
    }

    private RowResult issue(int line, List<String> row, Path base, char[] secret) {
        if (row.size() == 2) {
            Path csr = base.resolve(row.get(1));
            Certificate c = context.services().ca().issue(IssueRequest.fromCsr(row.get(0), LocalFiles.readText(csr, "CSR")));
            Path file = outDir.resolve(line + "-" + c.serialNumber() + ".pem");
            LocalFiles.write(file, (c.certificatePem() + (c.chainPem() == null ? "" : c.chainPem())).getBytes(StandardCharsets.UTF_8));
            return new RowResult(line, c.subject(), c.serialNumber(), file.toString(), null);
        }
        if (row.size() == 3) {
            GeneratedKey key = context.services().ca().generate(IssueRequest.withGeneratedKey(row.get(0), row.get(1), row.get(2),
                    new String(secret)));
            Certificate c = key.certificate();
            Path file = outDir.resolve(line + "-" + c.serialNumber() + ".p12");
            LocalFiles.write(file, key.pkcs12(), true);
            return new RowResult(line, c.subject(), c.serialNumber(), file.toString(), null);
        }
        throw new CliException(ExitCode.USAGE, "a row has 3 fields (profile,subject,algorithm) or 2 (profile,csr-file), not " + row.size()
                + ": quote subjects that hold commas");
    }

    /** One CSV line (RFC 4180 quoting within the line). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
