package org.fujie.cli;

import java.util.concurrent.Callable;

import org.fujie.cli.command.AuditCommand;
import org.fujie.cli.command.CaCommand;
import org.fujie.cli.command.CertCommand;
import org.fujie.cli.command.CompletionCommand;
import org.fujie.cli.command.KeysCommand;
import org.fujie.cli.command.LoginCommand;
import org.fujie.cli.command.PrincipalsCommand;
import org.fujie.cli.command.SealCommand;
import org.fujie.cli.command.TimestampCommand;
import org.fujie.cli.command.TrustAnchorsCommand;
import org.fujie.cli.command.ValidateCommand;
import org.fujie.cli.command.VerifyCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of the command tree: the global options, the verb groups, the exit codes in the help. */
@Command(name = "fujie", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Fujie's command line: certificates, seals, verification and trust, over the services' HTTPS API.",
                "Connection settings come from data/bootstrap/ (./fujie start makes it), or the flags and environment below.",
                "./fujie start|stop|status|help run the local stack and need no build; every other verb runs this program."},
        subcommands = {CaCommand.class, CertCommand.class, KeysCommand.class, SealCommand.class, VerifyCommand.class,
                ValidateCommand.class, TimestampCommand.class, LoginCommand.class, AuditCommand.class, PrincipalsCommand.class,
                TrustAnchorsCommand.class, CompletionCommand.class},
        footer = {"%nExamples:",
                "  ./fujie ca list",
                "  ./fujie cert keygen --profile user-auth --subject 'CN=Li Na,O=Example Bureau' --algorithm EC-P256 --out lina.p12",
                "  ./fujie seal stamp --seal $SEAL --in letter.pdf --out stamped.pdf --page 1 --x 400 --y 80",
                "  ./fujie verify stamped.pdf",
                "  source <(./fujie completion)",
                "%nEnvironment: FUJIE_CERT, FUJIE_CERT_PASSWORD, FUJIE_TOKEN, FUJIE_CA_URL, FUJIE_SEAL_URL, FUJIE_TRUST_URL,",
                "FUJIE_TSA_URL, FUJIE_DATA (or FUJIE_DATA_DIR), CA_SERVICE_PORT, SEAL_SERVICE_PORT, TRUST_SERVICE_PORT.",
                ExitCode.HELP})
public final class FujieCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private final GlobalOptions options;

    public FujieCommand(CliContext context) {
        this.options = context.options();
    }

    /** No verb: the help, and a usage error, since nothing was done. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
