package org.fujie.cli.command;

import java.io.PrintWriter;
import java.util.List;

import org.fujie.cli.CliContext;
import org.fujie.cli.ExitCode;
import org.fujie.cli.Output;
import org.fujie.client.sdk.ca.CertificateAuthority;
import org.fujie.client.sdk.ca.NewAuthority;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ca list|show|create: ca-service's CAs. */
@Command(name = "ca", mixinStandardHelpOptions = true, description = "ca-service's certificate authorities.",
        footer = {"%nExamples:", "  ./fujie ca list", "  ./fujie ca show issuing --output pem > issuing.pem",
                "  ./fujie ca create --id gov-root --subject 'CN=Gov Root,O=Ministry' --key-alias ca-gov-root", ExitCode.HELP})
public final class CaCommand {

    private final CliContext context;

    CaCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The CAs: id, algorithm, parent, key status, expiry, subject.",
            footer = {"%nExample:", "  ./fujie ca list --output json | jq -r '.[].id'", ExitCode.HELP})
    int list() {
        List<CertificateAuthority> cas = context.services().ca().authorities();
        context.output().result(cas, out -> Output.table(out, List.of("ID", "ALGORITHM", "PARENT", "KEY", "NOT AFTER", "SUBJECT"),
                cas.stream().map(ca -> List.of(ca.id(), ca.algorithm(), Output.text(ca.parentId()), ca.keyBackend() + "/" + ca.keyStatus(),
                        Output.text(ca.notAfter()), ca.subject())).toList()));
        return ExitCode.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One CA; --output pem prints its certificate.",
            footer = {"%nExample:", "  ./fujie ca show root --output pem > root.pem", ExitCode.HELP})
    int show(@Parameters(paramLabel = "ID", description = "The CA's id, e.g. root or issuing") String id) {
        CertificateAuthority ca = context.services().ca().authority(id);
        context.output().certificate(ca, ca.certificatePem(), out -> print(out, ca));
        return ExitCode.OK;
    }

    /** Exactly one of --algorithm and --key-alias. */
    static final class KeySource {
        @Option(names = "--algorithm", required = true, description = "A new key: EC-P256, EC-P384, RSA-3072, SM2, ...")
        String algorithm;

        @Option(names = "--key-alias", required = true, description = "A key from the key ceremony (fujie keys generate), ca-NAME")
        String keyAlias;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a CA (as ADMIN), from a ceremony key with --key-alias.",
            footer = {"%nExamples:", "  ./fujie ca create --id dept-root --subject 'CN=Dept Root,O=Ministry' --algorithm EC-P384",
                    "  ./fujie ca create --id dept-issuing --subject 'CN=Dept Issuing,O=Ministry' --algorithm EC-P256 --parent dept-root",
                    ExitCode.HELP})
    int create(@Option(names = "--id", required = true, description = "The new CA's id") String id,
            @Option(names = "--subject", required = true, description = "Its subject (RFC 4514)") String subject,
            @ArgGroup(exclusive = true, multiplicity = "1") KeySource key,
            @Option(names = "--parent", description = "The CA that signs it; none: a root") String parent,
            @Option(names = "--validity-days", description = "How long its certificate is valid") Integer validityDays,
            @Option(names = "--path-length", description = "How many CAs may follow below it") Integer pathLength) {
        CertificateAuthority ca = context.services().ca().createAuthority(new NewAuthority(id, subject, key.algorithm, key.keyAlias,
                parent, validityDays, pathLength));
        context.output().certificate(ca, ca.certificatePem(), out -> print(out, ca));
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, CertificateAuthority ca) {
        Output.fields(out, "CA", ca.id(), "subject", ca.subject(), "algorithm", ca.algorithm(), "parent", ca.parentId(),
                "key", ca.keyAlias() + " in backend " + ca.keyBackend() + " (" + ca.keyStatus() + ")",
                "unavailable", ca.keyUnavailableReason(), "valid", ca.notBefore() + " to " + ca.notAfter());
    }
}
