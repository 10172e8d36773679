package org.fujie.cli.command;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.fujie.cli.CliContext;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.cli.Output;
import org.fujie.client.sdk.trust.RevocationFinding;
import org.fujie.client.sdk.trust.Validation;
import org.fujie.client.sdk.trust.ValidationRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** validate: trust-service's validation of one certificate (path to an anchor, OCSP then CRL); exit codes as verify. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate a certificate (PEM) with trust-service: its path to a trust anchor and its revocation status.",
                "Exit 0 TOTAL_PASSED, 1 TOTAL_FAILED (e.g. REVOKED), 2 INDETERMINATE."},
        footer = {"%nExamples:", "  ./fujie validate web.crt --purpose TLS_SERVER", "  ./fujie validate signer.crt --at 2026-01-01T00:00:00Z",
                ExitCode.HELP})
public final class ValidateCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "CERT.pem", description = "The certificate (PEM)")
    private Path certificate;

    @Option(names = "--chain", paramLabel = "F", description = "Intermediate CA certificates (PEM)")
    private Path chain;

    @Option(names = "--purpose", description = "DOCUMENT_SIGNING, TLS_SERVER, TLS_CLIENT or TIME_STAMPING")
    private String purpose;

    @Option(names = "--at", paramLabel = "TIME", description = "Validate as of this time (RFC 3339; default now)")
    private Instant at;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ValidationRequest request = new ValidationRequest(LocalFiles.readText(certificate, "certificate"),
                chain == null ? null : LocalFiles.readText(chain, "chain"), at, purpose);
        Validation v = context.services().trust().validate(request);
        context.output().result(v, w -> {
            w.println(v.indication() + (v.subIndication() == null ? "" : " / " + v.subIndication()) + (v.detail() == null ? "" : ": " + v.detail()));
            if (v.path() != null) {
                v.path().forEach(subject -> w.println("  path: " + subject));
            }
            if (v.revocation() != null) {
                for (RevocationFinding f : v.revocation()) {
                    w.println("  revocation: " + Output.text(f.subject()) + ": " + Output.text(f.status()) + " by " + Output.text(f.source())
                            + (f.reason() == null ? "" : " (" + f.reason() + ")"));
                }
            }
        });
        return VerifyCommand.exitCode(v.indication() == null ? "" : v.indication());
    }
}
