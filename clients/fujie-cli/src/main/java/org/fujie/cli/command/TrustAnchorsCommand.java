package org.fujie.cli.command;

import java.nio.file.Path;
import java.util.List;

import org.fujie.cli.CliContext;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.cli.Output;
import org.fujie.client.sdk.trust.TrustAnchor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** trust-anchors list|add|remove: the CAs trust-service trusts, e.g. other departments' roots. */
@Command(name = "trust-anchors", mixinStandardHelpOptions = true, description = "The certificates trust-service trusts, and for what.",
        footer = {"%nExamples:", "  ./fujie trust-anchors list", "  ./fujie trust-anchors add other-dept-root.pem --purpose DOCUMENT_SIGNING",
                "  ./fujie trust-anchors remove 5d1e...", ExitCode.HELP})
public final class TrustAnchorsCommand {

    private final CliContext context;

    TrustAnchorsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every trust anchor: id, purposes, subject.",
            footer = {"%nExample:", "  ./fujie trust-anchors list --output json", ExitCode.HELP})
    int list() {
        List<TrustAnchor> anchors = context.services().trust().trustAnchors();
        context.output().result(anchors, w -> Output.table(w, List.of("ID", "PURPOSES", "SUBJECT"), anchors.stream()
                .map(a -> List.of(a.id(), a.purposes() == null ? "-" : String.join(",", a.purposes()), a.subject())).toList()));
        return ExitCode.OK;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Trust a CA certificate (PEM), as ADMIN.",
            footer = {"%nExample:", "  ./fujie trust-anchors add other-root.pem --purpose DOCUMENT_SIGNING --purpose TIME_STAMPING", ExitCode.HELP})
    int add(@Parameters(paramLabel = "CERT.pem") Path certificate,
            @Option(names = "--purpose", description = "DOCUMENT_SIGNING, TLS_SERVER, TLS_CLIENT, TIME_STAMPING; repeatable (default all)") List<String> purposes) {
        TrustAnchor a = context.services().trust().addTrustAnchor(LocalFiles.readText(certificate, "certificate"), purposes);
        context.output().certificate(a, a.certificatePem(), w -> w.println(a.id() + "  " + Output.text(a.purposes()) + "  " + a.subject()));
        return ExitCode.OK;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop trusting an anchor, by its id.",
            footer = {"%nExample:", "  ./fujie trust-anchors remove 5d1e...", ExitCode.HELP})
    int remove(@Parameters(paramLabel = "ID") String id) {
        context.services().trust().removeTrustAnchor(id);
        context.output().note("removed trust anchor " + id);
        return ExitCode.OK;
    }
}
