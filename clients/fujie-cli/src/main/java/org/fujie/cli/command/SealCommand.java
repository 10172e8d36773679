package org.fujie.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.fujie.cli.CliContext;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.cli.Output;
import org.fujie.client.sdk.seal.NewSeal;
import org.fujie.client.sdk.seal.Seal;
import org.fujie.client.sdk.seal.SealClient;
import org.fujie.client.sdk.seal.SealUsage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** seal create|approve|suspend|resume|renew|revoke|list|show|usage|eseal (seal-service); stamp is StampCommand. */
@Command(name = "seal", mixinStandardHelpOptions = true, description = "Electronic seals: make them, run their lifecycle, stamp with them.",
        subcommands = StampCommand.class,
        footer = {"%nExamples:", "  SEAL=$(./fujie seal create --name 合同专用章 --organization 示例局 --keeper 'CN=Li Na,O=Example Bureau' --cert zhao.p12 --password-file zhao.pass)",
                "  ./fujie seal approve $SEAL --cert qian.p12 --password-file qian.pass   (another SEAL_ADMIN: four eyes)",
                "  ./fujie seal stamp --seal $SEAL --in letter.pdf --out stamped.pdf --page 1 --x 400 --y 80", ExitCode.HELP})
public final class SealCommand {

    private final CliContext context;

    SealCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Make a seal (as a SEAL_ADMIN); it is PENDING until another SEAL_ADMIN approves it.", "Prints its id."},
            footer = {"%nExample:", "  ./fujie seal create --name 公章 --organization 示例局 --type OFFICIAL --keeper 'CN=Li Na,O=Example Bureau' --image seal.png",
                    ExitCode.HELP})
    int create(@Option(names = "--name", required = true, description = "The seal's name, e.g. 合同专用章") String name,
            @Option(names = "--organization", required = true, description = "Whose seal it is") String organization,
            @Option(names = "--type", defaultValue = "OFFICIAL", description = "OFFICIAL, CONTRACT, FINANCE, INVOICE, LEGAL_REPRESENTATIVE, ... (default ${DEFAULT-VALUE})") String type,
            @Option(names = "--algorithm", defaultValue = "EC-P256", description = "Its key: EC-P256, SM2, ... (default ${DEFAULT-VALUE})") String algorithm,
            @Option(names = "--keeper", paramLabel = "SUBJECT", description = "Who may stamp with it; repeatable") List<String> keepers,
            @Option(names = "--image", paramLabel = "F.png", description = "Its image (default: the standard seal drawn)") Path image) {
        String png = image == null ? null : Base64.getEncoder().encodeToString(LocalFiles.read(image, "image"));
        Seal seal = seals().create(new NewSeal(name, organization, type, algorithm, png, keepers));
        // Table output is the id alone, so SEAL=$(./fujie seal create ...) works.
        context.output().result(seal, w -> w.println(seal.id()));
        context.output().note("seal " + seal.id() + " " + seal.status() + ": another SEAL_ADMIN approves it with ./fujie seal approve " + seal.id());
        return ExitCode.OK;
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a PENDING seal, as a SEAL_ADMIN other than its maker: its key and certificate are made.",
            footer = {"%nExample:", "  ./fujie seal approve $SEAL --cert qian.p12 --password-file qian.pass", ExitCode.HELP})
    int approve(@Parameters(paramLabel = "ID") String id) {
        return show(seals().approve(id));
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend an ACTIVE seal: no stamping until resumed.",
            footer = {"%nExample:", "  ./fujie seal suspend $SEAL", ExitCode.HELP})
    int suspend(@Parameters(paramLabel = "ID") String id) {
        return show(seals().suspend(id));
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a SUSPENDED seal.",
            footer = {"%nExample:", "  ./fujie seal resume $SEAL", ExitCode.HELP})
    int resume(@Parameters(paramLabel = "ID") String id) {
        return show(seals().resume(id));
    }

    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = "A new key and certificate; the old certificate is not revoked, so documents stamped with it stay valid.",
            footer = {"%nExample:", "  ./fujie seal renew $SEAL", ExitCode.HELP})
    int renew(@Parameters(paramLabel = "ID") String id) {
        return show(seals().renew(id));
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a seal for good; its certificates are revoked at ca-service.",
            footer = {"%nExample:", "  ./fujie seal revoke $SEAL --reason keyCompromise", ExitCode.HELP})
    int revoke(@Parameters(paramLabel = "ID") String id,
            @Option(names = "--reason", description = "An RFC 5280 reason, e.g. keyCompromise, superseded (default cessationOfOperation)") String reason) {
        return show(seals().revoke(id, reason));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The seals you may see: id, status, name, organization, keepers.",
            footer = {"%nExamples:", "  ./fujie seal list --status ACTIVE", "  ./fujie seal list --expiring", ExitCode.HELP})
    int list(@Option(names = "--status", description = "PENDING, ACTIVE, SUSPENDED or REVOKED") String status,
            @Option(names = "--expiring", description = "Only ACTIVE seals whose certificate expires soon") boolean expiring) {
        List<Seal> found = seals().list(status, expiring);
        context.output().result(found, w -> Output.table(w, List.of("ID", "STATUS", "NAME", "ORGANIZATION", "NOT AFTER", "KEEPERS"),
                found.stream().map(s -> List.of(s.id(), s.status(), s.name(), Output.text(s.organization()),
                        Output.text(s.notAfter()) + (s.expiringSoon() ? " (soon)" : ""), String.join("; ", s.keepers()))).toList()));
        return ExitCode.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One seal; --output pem prints its certificate.",
            footer = {"%nExample:", "  ./fujie seal show $SEAL --output pem | openssl x509 -noout -subject", ExitCode.HELP})
    int showOne(@Parameters(paramLabel = "ID") String id) {
        return show(seals().seal(id));
    }

    @Command(name = "usage", mixinStandardHelpOptions = true, description = "Every stamp made with a seal: who, when, the documents' SHA-256.",
            footer = {"%nExample:", "  ./fujie seal usage $SEAL", ExitCode.HELP})
    int usage(@Parameters(paramLabel = "ID") String id) {
        List<SealUsage> stamps = seals().usage(id);
        context.output().result(stamps, w -> Output.table(w, List.of("STAMPED AT", "KEEPER", "LEVEL", "PLACEMENT", "INPUT SHA-256"),
                stamps.stream().map(u -> List.of(Output.text(u.stampedAt()), Output.text(u.keeper()), Output.text(u.level()),
                        Output.text(u.placement()), Output.text(u.inputSha256()))).toList()));
        return ExitCode.OK;
    }

    @Command(name = "eseal", mixinStandardHelpOptions = true, description = "An SM2 seal's GB/T 38540 SESeal (DER).",
            footer = {"%nExample:", "  ./fujie seal eseal $SEAL --out seal.eseal", ExitCode.HELP})
    int eseal(@Parameters(paramLabel = "ID") String id, @Option(names = "--out", required = true, paramLabel = "F") Path out) {
        LocalFiles.write(out, seals().eseal(id));
        context.output().note("SESeal: " + out);
        return ExitCode.OK;
    }

    private SealClient seals() {
        return context.services().seal();
    }

    private int show(Seal seal) {
        context.output().certificate(seal, seal.certificatePem(), w -> print(w, seal));
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, Seal s) {
        Output.fields(out, "seal", s.id(), "status", s.status(), "name", s.name(), "organization", s.organization(), "type", s.type(),
                "algorithm", s.algorithm(), "made by", s.madeBy(), "approved by", s.approvedBy(), "certificate", s.serialNumber(),
                "not after", s.notAfter() == null ? null : s.notAfter() + (s.expiringSoon() ? " (expiring soon)" : ""),
                "keepers", String.join("; ", s.keepers()));
    }
}
