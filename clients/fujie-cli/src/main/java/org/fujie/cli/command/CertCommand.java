package org.fujie.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.fujie.cli.CliContext;
import org.fujie.cli.CliException;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.cli.Output;
import org.fujie.cli.Passwords;
import org.fujie.client.sdk.ca.Certificate;
import org.fujie.client.sdk.ca.CertificatePage;
import org.fujie.client.sdk.ca.CertificateQuery;
import org.fujie.client.sdk.ca.GeneratedKey;
import org.fujie.client.sdk.ca.IssueRequest;
import org.fujie.client.sdk.ca.Revocation;
import org.fujie.client.sdk.ca.RevocationReason;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** cert issue|keygen|revoke|release|show|search|bulk-issue: certificates of ca-service. */
@Command(name = "cert", mixinStandardHelpOptions = true, description = "Issue, find and revoke certificates (ca-service).",
        subcommands = BulkIssueCommand.class,
        footer = {"%nExamples:", "  ./fujie cert issue --profile tls-server --csr web.csr --out web.crt",
                "  ./fujie cert keygen --profile user-auth --subject 'CN=Li Na,O=Example Bureau' --algorithm EC-P256 --out lina.p12",
                "  ./fujie cert search --profile tls-server --status VALID", "  ./fujie cert revoke 1a2b3c --reason keyCompromise",
                ExitCode.HELP})
public final class CertCommand {

    private final CliContext context;

    CertCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "A certificate for the key of a CSR (PEM PKCS#10).",
            footer = {"%nExamples:", "  ./fujie cert issue --profile tls-server --csr web.csr --out web.crt",
                    "  ./fujie cert issue --profile tls-server --csr web.csr --san dns:web.intranet --output pem > web.crt", ExitCode.HELP})
    int issue(@Option(names = "--profile", required = true, description = "tls-server, tls-client, user-auth, document-signing, ...") String profile,
            @Option(names = "--csr", required = true, paramLabel = "F", description = "The CSR file (PEM)") Path csr,
            @Option(names = "--out", paramLabel = "F", description = "Write the certificate and its chain (PEM) here") Path out,
            @Option(names = "--subject", description = "Instead of the CSR's subject (RFC 4514)") String subject,
            @Option(names = "--san", paramLabel = "TYPE:VALUE", description = "A subject alternative name, e.g. dns:a.intranet; repeatable") List<String> sans,
            @Option(names = "--validity-days", description = "Shorter than the profile's validity") Integer validityDays,
            @Option(names = "--ca", paramLabel = "ID", description = "The issuing CA (default issuing)") String caId) {
        IssueRequest request = IssueRequest.fromCsr(profile, LocalFiles.readText(csr, "CSR"));
        request = narrow(request, subject, sans, validityDays, caId);
        Certificate issued = context.services().ca().issue(request);
        String pem = issued.certificatePem() + (issued.chainPem() == null ? "" : issued.chainPem());
        if (out != null) {
            LocalFiles.write(out, pem.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            context.output().note("certificate and chain: " + out);
        }
        context.output().certificate(issued, pem, w -> summary(w, issued));
        return ExitCode.OK;
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"A key made by ca-service and its certificate, written as a PKCS#12 (mode 0600).",
                    "The password is asked on the terminal unless --p12-password or --p12-password-file gives it."},
            footer = {"%nExamples:", "  ./fujie cert keygen --profile user-auth --subject 'CN=Li Na,O=Example Bureau' --algorithm EC-P256 --out lina.p12",
                    "  ./fujie cert keygen --profile tls-client --subject CN=robot --algorithm SM2 --out robot.p12 --p12-password-file pass.txt",
                    ExitCode.HELP})
    int keygen(@Option(names = "--profile", required = true, description = "The profile, e.g. user-auth or tls-client") String profile,
            @Option(names = "--subject", required = true, description = "The subject (RFC 4514)") String subject,
            @Option(names = "--algorithm", required = true, description = "RSA-2048, RSA-3072, EC-P256, EC-P384, Ed25519, SM2") String algorithm,
            @Option(names = "--out", required = true, paramLabel = "F.p12", description = "Where the PKCS#12 goes") Path out,
            @Option(names = "--p12-password", paramLabel = "P", description = "Its password (8 to 128 characters)") String password,
            @Option(names = "--p12-password-file", paramLabel = "F", description = "A file holding its password") Path passwordFile,
            @Option(names = "--san", paramLabel = "TYPE:VALUE", description = "A subject alternative name; repeatable") List<String> sans,
            @Option(names = "--validity-days", description = "Shorter than the profile's validity") Integer validityDays,
            @Option(names = "--ca", paramLabel = "ID", description = "The issuing CA (default issuing)") String caId) {
        char[] secret = Passwords.forNewPkcs12(password, passwordFile, out.getFileName().toString());
        GeneratedKey key = generate(profile, subject, algorithm, new String(secret), sans, validityDays, caId);
        LocalFiles.write(out, key.pkcs12(), true);
        context.output().note("key and certificate: " + out + " (PKCS#12, mode 0600)");
        Certificate c = key.certificate();
        context.output().certificate(c, c.certificatePem(), w -> summary(w, c));
        return ExitCode.OK;
    }

    GeneratedKey generate(String profile, String subject, String algorithm, String password, List<String> sans, Integer days, String caId) {
        return context.services().ca().generate(narrow(IssueRequest.withGeneratedKey(profile, subject, algorithm, password),
                null, sans, days, caId));
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a certificate, or put it on hold (certificateHold).",
            footer = {"%nReasons: keyCompromise, cACompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, "
                    + "privilegeWithdrawn.", "%nExample:", "  ./fujie cert revoke 1a2b3c --reason keyCompromise", ExitCode.HELP})
    int revoke(@Parameters(paramLabel = "SERIAL", description = "Serial number (hex)") String serial,
            @Option(names = "--reason", required = true, description = "An RFC 5280 reason, e.g. keyCompromise") String reason,
            @Option(names = "--invalidity-date", paramLabel = "TIME", description = "When the key is known to be compromised (RFC 3339)") Instant invalidity) {
        Revocation r = context.services().ca().revoke(serial, reason(reason), invalidity);
        context.output().certificate(r, r.certificate().certificatePem(), w -> revocation(w, r));
        return ExitCode.OK;
    }

    @Command(name = "release", mixinStandardHelpOptions = true, description = "Lift a certificateHold.",
            footer = {"%nExample:", "  ./fujie cert release 1a2b3c", ExitCode.HELP})
    int release(@Parameters(paramLabel = "SERIAL", description = "Serial number (hex)") String serial) {
        Revocation r = context.services().ca().release(serial);
        context.output().certificate(r, r.certificate().certificatePem(), w -> revocation(w, r));
        return ExitCode.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One certificate; --output pem prints it.",
            footer = {"%nExample:", "  ./fujie cert show 1a2b3c --output pem | openssl x509 -noout -text", ExitCode.HELP})
    int show(@Parameters(paramLabel = "SERIAL", description = "Serial number (hex)") String serial) {
        Certificate c = context.services().ca().certificate(serial);
        context.output().certificate(c, c.certificatePem(), w -> summary(w, c));
        return ExitCode.OK;
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Certificates by subject, profile, status, CA, expiry; paged.",
            footer = {"%nExamples:", "  ./fujie cert search --profile tls-server --status VALID --size 10",
                    "  ./fujie cert search --expires-before 2027-01-01T00:00:00Z --page 1", ExitCode.HELP})
    int search(@Option(names = "--subject", description = "Subject contains") String subject,
            @Option(names = "--profile", description = "Profile") String profile,
            @Option(names = "--status", description = "VALID, REVOKED or ON_HOLD") String status,
            @Option(names = "--ca", paramLabel = "ID", description = "Issuing CA") String caId,
            @Option(names = "--expires-before", paramLabel = "TIME", description = "notAfter before (RFC 3339)") Instant expiresBefore,
            @Option(names = "--page", defaultValue = "0", description = "Page from 0 (default ${DEFAULT-VALUE})") int page,
            @Option(names = "--size", defaultValue = "50", description = "Page size 1 to 500 (default ${DEFAULT-VALUE})") int size) {
        CertificatePage found = context.services().ca().search(CertificateQuery.all().withSubject(subject).withProfile(profile)
                .withStatus(status).withCaId(caId).expiringBefore(expiresBefore).page(page, size));
        context.output().result(found, w -> {
            Output.table(w, List.of("SERIAL", "STATUS", "PROFILE", "NOT AFTER", "SUBJECT"), found.items().stream()
                    .map(c -> List.of(c.serialNumber(), c.status(), c.profile(), Output.text(c.notAfter()), c.subject())).toList());
            w.println(found.items().size() + " of " + found.total() + " (page " + found.page() + ", size " + found.size() + ")");
        });
        return ExitCode.OK;
    }

    static IssueRequest narrow(IssueRequest request, String subject, List<String> sans, Integer days, String caId) {
        IssueRequest r = request;
        if (subject != null) {
            r = r.withSubject(subject);
        }
        if (sans != null && !sans.isEmpty()) {
            r = r.withSans(sans);
        }
        if (days != null) {
            r = r.withValidityDays(days);
        }
        if (caId != null) {
            r = r.withCaId(caId);
        }
        return r;
    }

    static RevocationReason reason(String name) {
        for (RevocationReason r : RevocationReason.values()) {
            if (r.rfcName().equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new CliException(ExitCode.USAGE, "no revocation reason " + name + ": use keyCompromise, cACompromise, affiliationChanged, "
                + "superseded, cessationOfOperation, certificateHold or privilegeWithdrawn");
    }

    static void summary(PrintWriter out, Certificate c) {
        Output.fields(out, "serial", c.serialNumber(), "subject", c.subject(), "issuer", c.issuer(), "profile", c.profile(),
                "status", c.status(), "valid", c.notBefore() + " to " + c.notAfter(), "fingerprint", c.fingerprint(),
                "revoked", c.revokedAt() == null ? null : c.revokedAt() + " (" + c.revocationReason() + ")");
    }

    private static void revocation(PrintWriter out, Revocation r) {
        out.println(r.certificate().serialNumber() + "  " + r.certificate().status() + (r.changed() ? "" : "  (unchanged)")
                + (r.detail() == null ? "" : "  " + r.detail()));
    }
}
