package org.fujie.cli.command;

import java.util.List;

import org.fujie.cli.CliContext;
import org.fujie.cli.ExitCode;
import org.fujie.cli.Output;
import org.fujie.cli.Services;
import org.fujie.client.sdk.admin.Principal;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** principals list|add|remove: who holds which roles, per service (each service keeps its own grants). */
@Command(name = "principals", mixinStandardHelpOptions = true,
        description = "Roles granted to certificates, per service (ADMIN, RA_OFFICER, SEAL_ADMIN, SEAL_KEEPER, AUDITOR, APP).",
        footer = {"%nExamples:", "  ./fujie principals add --service seal-service --subject 'CN=zhao,OU=Seal Office,O=Example Bureau' --role SEAL_ADMIN",
                "  ./fujie principals list --service seal-service", "  ./fujie principals remove --service seal-service 7f3c...", ExitCode.HELP})
public final class PrincipalsCommand {

    private final CliContext context;

    PrincipalsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The grants of one service.",
            footer = {"%nExample:", "  ./fujie principals list --service trust-service", ExitCode.HELP})
    int list(@Option(names = "--service", defaultValue = Services.CA, description = "ca-service (default), seal-service or trust-service") String service) {
        List<Principal> all = context.services().principals(checked(service)).list();
        context.output().result(all, w -> Output.table(w, List.of("ID", "ROLES", "SUBJECT OR FINGERPRINT"), all.stream()
                .map(p -> List.of(p.id(), String.join(",", p.roles()), p.subject() != null ? p.subject() : "SHA-256 " + p.fingerprint())).toList()));
        return ExitCode.OK;
    }

    /** Exactly one of --subject and --fingerprint. */
    static final class Who {
        @Option(names = "--subject", required = true, description = "Every certificate with this subject (RFC 4514)")
        String subject;

        @Option(names = "--fingerprint", required = true, description = "One certificate, by its SHA-256 fingerprint (hex)")
        String fingerprint;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Grant roles (replacing that principal's roles in the service).",
            footer = {"%nExample:", "  ./fujie principals add --service seal-service --subject 'CN=Li Na,O=Example Bureau' --role SEAL_KEEPER", ExitCode.HELP})
    int add(@Option(names = "--service", defaultValue = Services.CA, description = "ca-service (default), seal-service or trust-service") String service,
            @ArgGroup(exclusive = true, multiplicity = "1") Who who,
            @Option(names = "--role", required = true, description = "A role; repeatable") List<String> roles) {
        Principal p = context.services().principals(checked(service)).grant(who.subject, who.fingerprint, roles);
        context.output().result(p, w -> w.println(p.id() + "  " + String.join(",", p.roles()) + "  "
                + (p.subject() != null ? p.subject() : p.fingerprint()) + "  (" + service + ")"));
        return ExitCode.OK;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a grant by its id (from principals list).",
            footer = {"%nExample:", "  ./fujie principals remove --service seal-service 7f3c...", ExitCode.HELP})
    int remove(@Option(names = "--service", defaultValue = Services.CA, description = "ca-service (default), seal-service or trust-service") String service,
            @Parameters(paramLabel = "ID") String id) {
        context.services().principals(checked(service)).remove(id);
        context.output().note("removed " + id + " from " + service);
        return ExitCode.OK;
    }

    private String checked(String service) {
        context.services().url(service);
        return service;
    }
}
