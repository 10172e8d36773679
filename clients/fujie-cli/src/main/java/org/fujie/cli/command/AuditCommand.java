package org.fujie.cli.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fujie.cli.CliContext;
import org.fujie.cli.ErrorMapper;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.cli.Services;
import org.fujie.client.sdk.admin.AuditVerification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** audit verify|export: each service's hash-chained audit log (as ADMIN or AUDITOR). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The services' audit logs (as ADMIN or AUDITOR).",
        footer = {"%nExamples:", "  ./fujie audit verify", "  ./fujie audit export --service seal-service --action seal.approve --out approvals.jsonl",
                ExitCode.HELP})
public final class AuditCommand {

    private static final List<String> SERVICES = List.of(Services.CA, Services.SEAL, Services.TRUST);

    private final CliContext context;

    AuditCommand(CliContext context) {
        this.context = context;
    }

    /** One service's line, for --output json. */
    record ServiceAudit(String service, String state, AuditVerification verification, String error) {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify each service's audit chain and signed checkpoints, one line each.",
                    "Exit 0 all intact, 1 any broken, 2 any not verified (unreachable, or the credential is not ADMIN or AUDITOR)."},
            footer = {"%nExample:", "  ./fujie audit verify --cert auditor.p12 --password-file auditor.pass", ExitCode.HELP})
    int verify() {
        ErrorMapper errors = new ErrorMapper(context, false);
        List<ServiceAudit> results = new ArrayList<>();
        for (String service : SERVICES) {
            try {
                AuditVerification v = context.services().audit(service).verify();
                results.add(new ServiceAudit(service, v.valid() ? "intact" : "broken", v, null));
            } catch (RuntimeException e) {
                results.add(new ServiceAudit(service, "not verified", null, errors.explain(e).message()));
            }
        }
        context.output().result(results, w -> results.forEach(r -> w.println(line(r))));
        long broken = results.stream().filter(r -> r.state().equals("broken")).count();
        long unverified = results.stream().filter(r -> r.error() != null).count();
        if (broken > 0) {
            context.output().note("fujie: " + broken + " audit chain(s) broken: see above, and keep the database and data folder for investigation");
            return ExitCode.FAILED;
        }
        if (unverified > 0) {
            context.output().note("fujie: " + unverified + " of " + results.size() + " audit logs not verified: see above");
            return ExitCode.INDETERMINATE;
        }
        return ExitCode.OK;
    }

    private static String line(ServiceAudit r) {
        AuditVerification v = r.verification();
        if (v == null) {
            return r.service() + ": not verified: " + r.error();
        }
        return v.valid() ? r.service() + ": intact, " + v.entriesChecked() + " entries, " + v.checkpointsVerified() + " checkpoints"
                : r.service() + ": BROKEN at entry " + v.firstBrokenSeq() + ": " + v.reason() + " (" + v.problem() + ")";
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "A service's audit entries as JSON lines, oldest first, with their hashes; TIME is RFC 3339.",
            footer = {"%nExample:", "  ./fujie audit export --service ca-service --outcome DENIED --from 2026-12-01T00:00:00Z", ExitCode.HELP})
    int export(@Option(names = "--service", defaultValue = Services.CA, description = "ca-service (default), seal-service or trust-service") String service,
            @Option(names = "--out", paramLabel = "F", description = "Write here instead of stdout") Path out,
            @Option(names = "--actor") String actor, @Option(names = "--action") String action,
            @Option(names = "--outcome", description = "SUCCESS, FAILURE or DENIED") String outcome,
            @Option(names = "--target") String target, @Option(names = "--from", paramLabel = "TIME") String from,
            @Option(names = "--to", paramLabel = "TIME") String to) {
        context.services().url(service);   // an unknown name is a usage error before any call
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("actor", actor);
        filters.put("action", action);
        filters.put("outcome", outcome);
        filters.put("target", target);
        filters.put("from", from);
        filters.put("to", to);
        byte[] lines = context.services().audit(service).export(filters);
        if (out != null) {
            LocalFiles.write(out, lines);
            long count = new String(lines, StandardCharsets.UTF_8).lines().count();
            context.output().note(count + " entries: " + out);
        } else {
            context.out().print(new String(lines, StandardCharsets.UTF_8));
            context.out().flush();
        }
        return ExitCode.OK;
    }
}
