package org.fujie.cli.command;

import java.io.PrintWriter;

import org.fujie.cli.CliContext;
import org.fujie.cli.ExitCode;
import org.fujie.cli.Output;
import org.fujie.client.sdk.ca.CaKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * keys generate|show: the CA key ceremony (ADMIN). keys rotate-passphrase stays in ./fujie: it works on the local data
 * folder with the services stopped, no service to ask.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "The CA key ceremony: make and show CA keys (ca-service, ADMIN).",
        footer = {"%nExamples:", "  ./fujie keys generate --alias ca-gov-root --algorithm EC-P384 --backend hsm", "  ./fujie keys show ca-gov-root",
                "  ./fujie keys rotate-passphrase   (handled by ./fujie itself, services stopped)", ExitCode.HELP})
public final class KeysCommand {

    private final CliContext context;

    KeysCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Make a CA key in a key backend; prints its backend and public key fingerprint for the ceremony record.",
            footer = {"%nExample:", "  ./fujie keys generate --alias ca-gov-root --algorithm EC-P384", ExitCode.HELP})
    int generate(@Option(names = "--alias", required = true, description = "ca-NAME") String alias,
            @Option(names = "--algorithm", required = true, description = "EC-P256, EC-P384, RSA-3072, SM2, ...") String algorithm,
            @Option(names = "--backend", description = "A key backend (default: where fujie.keys.routes send it)") String backend) {
        CaKey key = context.services().ca().generateKey(alias, algorithm, backend);
        context.output().result(key, w -> print(w, key));
        return ExitCode.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A key's backend, algorithm, fingerprint and the CA using it.",
            footer = {"%nExample:", "  ./fujie keys show ca-gov-root", ExitCode.HELP})
    int show(@Parameters(paramLabel = "ALIAS") String alias) {
        CaKey key = context.services().ca().key(alias);
        context.output().result(key, w -> print(w, key));
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, CaKey key) {
        Output.fields(out, "alias", key.alias(), "backend", key.backend(), "algorithm", key.algorithm(),
                "fingerprint", "SHA-256 " + key.publicKeySha256(), "used by CA", key.usedByCa() == null ? "none" : key.usedByCa());
        out.print(key.publicKeyPem());
    }
}
