package org.fujie.cli.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.fujie.cli.CliContext;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.cli.Output;
import org.fujie.cli.OutputFormat;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** verify: trust-service's report on a signed document; the exit code is its overall indication. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the signatures and seals of a document (PDF, XML, CMS .p7s, GB/T 38540) with trust-service.",
                "The report says who sealed or signed, when, with which seal, the time-stamp, and whether the signature",
                "covers the whole document or what changed after it. --output json prints trust-service's JSON as sent.",
                "Exit 0 TOTAL_PASSED, 1 TOTAL_FAILED, 2 INDETERMINATE."},
        footer = {"%nExamples:", "  ./fujie verify stamped.pdf", "  ./fujie verify doc.p7s --detached doc.txt",
                "  ./fujie verify approval-sealed.xml --output json | jq .signatures[0].signer", ExitCode.HELP})
public final class VerifyCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "FILE", description = "The signed document or signature")
    private Path file;

    @Option(names = "--detached", paramLabel = "F", description = "The document a detached signature signs")
    private Path detached;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        byte[] document = LocalFiles.read(file, "document");
        byte[] data = detached == null ? null : LocalFiles.read(detached, "detached document");
        byte[] answer = context.services().trust().verifyJson(document, file.getFileName().toString(), data,
                detached == null ? null : detached.getFileName().toString());
        JsonNode report = Output.json().readTree(answer);
        if (context.options().output() == OutputFormat.JSON) {
            context.out().println(new String(answer, StandardCharsets.UTF_8).strip());
            context.out().flush();
        } else {
            context.output().result(report, w -> new VerificationReportPrinter(w).print(report));
        }
        return exitCode(report.path("indication").asString(""));
    }

    static int exitCode(String indication) {
        return switch (indication) {
            case "TOTAL_PASSED" -> ExitCode.OK;
            case "TOTAL_FAILED" -> ExitCode.FAILED;
            default -> ExitCode.INDETERMINATE;
        };
    }
}
