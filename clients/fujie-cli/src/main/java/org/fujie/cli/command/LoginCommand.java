package org.fujie.cli.command;

import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.fujie.cli.CliContext;
import org.fujie.cli.CliException;
import org.fujie.cli.Credential;
import org.fujie.cli.ExitCode;
import org.fujie.client.sdk.trust.Token;

import picocli.CommandLine.Command;

/**
 * login: a bearer token from trust-service for the PKCS#12 of --cert (challenge, the key signs its nonce, token). The
 * token alone goes to stdout, so TOKEN=$(./fujie login ...) works; use it with --token or FUJIE_TOKEN.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to trust-service with a certificate (--cert F.p12): prints a short-lived bearer token.",
                "Every Fujie service accepts it (--token T or FUJIE_TOKEN) with the roles trust-service grants the certificate."},
        footer = {"%nExamples:", "  export FUJIE_TOKEN=$(./fujie login --cert lina.p12 --password-file lina.pass)",
                "  ./fujie --token \"$FUJIE_TOKEN\" trust-anchors list", ExitCode.HELP})
public final class LoginCommand implements Callable<Integer> {

    private final CliContext context;

    LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Credential credential = context.services().credential();
        Token token = context.services().trustAnonymous().login(pem(credential), nonce -> sign(credential.key(), nonce));
        context.output().result(token, w -> w.println(token.accessToken()));
        context.output().note("logged in as " + token.subject() + "; the token expires in " + token.expiresIn() + " s");
        return ExitCode.OK;
    }

    /** What trust-service accepts per key type (CONTRACT.md "User authentication"). */
    static byte[] sign(PrivateKey key, byte[] nonce) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new CliException(ExitCode.USAGE, "login with a " + key.getAlgorithm() + " key is not supported here: "
                    + "use an EC, RSA or Ed25519 certificate");
        };
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(nonce);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new CliException(ExitCode.INTERNAL, "cannot sign the log-in challenge with the key: " + e.getMessage(), e);
        }
    }

    private static String pem(Credential credential) {
        try {
            StringWriter out = new StringWriter();
            out.write("-----BEGIN CERTIFICATE-----\n");
            out.write(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(credential.certificate().getEncoded()));
            out.write("\n-----END CERTIFICATE-----\n");
            return out.toString();
        } catch (GeneralSecurityException e) {
            throw new CliException(ExitCode.NO_INPUT, "the certificate in " + credential.file() + " cannot be encoded: " + e.getMessage(), e);
        }
    }
}
