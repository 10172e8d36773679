package org.fujie.cli.command;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.cli.CliContext;
import org.fujie.cli.CliException;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.cli.Output;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** timestamp: an RFC 3161 time-stamp of a file's SHA-256 from the TSA, checked against the request, written as .tsr. */
@Command(name = "timestamp", mixinStandardHelpOptions = true,
        description = "Time-stamp a file (RFC 3161, SHA-256, with a nonce) at trust-service's TSA; writes the reply (.tsr).",
        footer = {"%nExamples:", "  ./fujie timestamp minutes.txt                 (writes minutes.txt.tsr)",
                "  ./fujie timestamp minutes.txt --out r.tsr && openssl ts -reply -in r.tsr -text", ExitCode.HELP})
public final class TimestampCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "FILE")
    private Path file;

    @Option(names = "--out", paramLabel = "F.tsr", description = "Where the TimeStampResp (DER) goes (default FILE.tsr)")
    private Path out;

    TimestampCommand(CliContext context) {
        this.context = context;
    }

    /** What the result says, for --output json. */
    record Stamped(String file, String genTime, String serialNumber, String tsa, String policy, String reply) {
    }

    @Override
    public Integer call() throws IOException {
        byte[] digest = sha256(LocalFiles.read(file, "document"));
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, digest, new BigInteger(64, new SecureRandom()));
        byte[] reply = context.services().tsa().timeStamp(request.getEncoded());
        TimeStampToken token;
        try {
            TimeStampResponse response = new TimeStampResponse(reply);
            token = response.getTimeStampToken();
            if (token == null) {
                throw new CliException(ExitCode.UNAVAILABLE, "the TSA granted no time-stamp (" + response.getStatusString()
                        + "): it gets its certificate from ca-service after start; try again shortly");
            }
            response.validate(request);
        } catch (TSPException e) {
            throw new CliException(ExitCode.INTERNAL, "the TSA's reply does not match the request: " + e.getMessage() + ": check --tsa-url", e);
        }
        Path target = out != null ? out : file.resolveSibling(file.getFileName() + ".tsr");
        LocalFiles.write(target, reply);
        Stamped result = new Stamped(file.toString(), token.getTimeStampInfo().getGenTime().toInstant().toString(),
                token.getTimeStampInfo().getSerialNumber().toString(16), String.valueOf(token.getSID().getIssuer()),
                token.getTimeStampInfo().getPolicy().getId(), target.toString());
        context.output().result(result, w -> Output.fields(w, "time", result.genTime(), "serial", result.serialNumber(),
                "TSA issuer", result.tsa(), "policy", result.policy(), "reply", result.reply()));
        return ExitCode.OK;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
