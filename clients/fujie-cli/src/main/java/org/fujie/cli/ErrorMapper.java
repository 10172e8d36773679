package org.fujie.cli;

import java.io.PrintWriter;
import java.net.URI;

import org.fujie.client.sdk.ForbiddenException;
import org.fujie.client.sdk.FujieProblemException;
import org.fujie.client.sdk.FujieTransportException;
import org.fujie.client.sdk.UnauthorizedException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place an error becomes what the user sees: exactly one line on stderr, {@code fujie: <what went wrong>: <what
 * to do>}, and the exit code scripts branch on (ExitCode); the stack trace only with --debug.
 */
public final class ErrorMapper implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final CliContext context;
    private final boolean debugAsked;

    /** debugAsked: --debug was among the arguments, known even when parsing them failed. */
    public ErrorMapper(CliContext context, boolean debugAsked) {
        this.context = context;
        this.debugAsked = debugAsked;
    }

    /** A message and its exit code. */
    public record Mapped(int exitCode, String message) {
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        return report(e, new Mapped(ExitCode.USAGE, masked(sentence(e.getMessage()), args) + ": see '" + command + " --help'"));
    }

    /**
     * picocli quotes the arguments it could not place; after a mistyped option ({@code --pasword S3cret}) that is a
     * secret. The value after any option that looks like one naming a password, PIN or token is shown as *** instead.
     */
    static String masked(String message, String[] args) {
        String shown = message;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].toLowerCase(java.util.Locale.ROOT);
            // Loosely: the option may be the mistyped one (--pasword, --tokn).
            if (!arg.startsWith("-") || !(arg.contains("pas") || arg.contains("pw") || arg.contains("tok") || arg.contains("pin"))) {
                continue;
            }
            int equals = args[i].indexOf('=');
            String secret = equals >= 0 ? args[i].substring(equals + 1) : i + 1 < args.length ? args[i + 1] : "";
            if (!secret.isEmpty()) {
                shown = shown.replace(secret, "***");
            }
        }
        return shown;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof ParameterException parameter) {
            return handleParseException(parameter, new String[0]);
        }
        return report(e, map(e));
    }

    /** The line and exit code an error would give, for commands that report one item's failure and go on. */
    public Mapped explain(Throwable e) {
        if (e instanceof ParameterException p) {
            return new Mapped(ExitCode.USAGE, sentence(p.getMessage()));
        }
        return map(e);
    }

    Mapped map(Throwable e) {
        if (e instanceof CliException cli) {
            return new Mapped(cli.exitCode(), cli.getMessage());
        }
        if (e instanceof UnauthorizedException || e instanceof ForbiddenException) {
            FujieProblemException p = (FujieProblemException) e;
            return new Mapped(ExitCode.NO_PERMISSION, service(p.uri()) + " refused the credential: " + problem(p)
                    + ": check --cert/--password or --token, and the roles granted (fujie principals list)");
        }
        if (e instanceof FujieProblemException p) {
            int status = p.status();
            if (status == 502 || status == 503 || status == 504) {
                return new Mapped(ExitCode.UNAVAILABLE, service(p.uri()) + " is unavailable: " + problem(p) + ": try again later, or ./fujie status");
            }
            if (status >= 500) {
                return new Mapped(ExitCode.INTERNAL, service(p.uri()) + " failed: " + problem(p) + ": see its log in data/logs/");
            }
            return new Mapped(ExitCode.REFUSED, service(p.uri()) + " refused: " + problem(p) + ": check the input");
        }
        if (e instanceof FujieTransportException t) {
            String name = service(t.uri());
            String where = t.uri().getScheme() + "://" + t.uri().getAuthority();
            if (String.valueOf(t.getMessage()).startsWith("TLS handshake failed")) {
                return new Mapped(ExitCode.NO_PERMISSION, "TLS handshake with " + name + " at " + where + " failed: check --trust-chain "
                        + "(the services' CA chain) and that --cert is a certificate " + name + " accepts");
            }
            if (String.valueOf(t.getMessage()).contains("not the JSON")) {
                return new Mapped(ExitCode.INTERNAL, name + " at " + where + " gave an answer the command line cannot read: check the URL is Fujie's");
            }
            return new Mapped(ExitCode.UNAVAILABLE, "cannot reach " + name + " at " + where + ": is it running? try ./fujie status");
        }
        return new Mapped(ExitCode.INTERNAL, "internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + oneLine(e.getMessage())) + "): rerun with --debug and report it");
    }

    private int report(Throwable e, Mapped mapped) {
        PrintWriter err = context.err();
        if (debugAsked || context.options().debug()) {
            e.printStackTrace(err);
        }
        err.println("fujie: " + oneLine(mapped.message()));
        err.flush();
        return mapped.exitCode();
    }

    private String service(URI uri) {
        try {
            return uri == null ? "the service" : context.services().nameOf(uri);
        } catch (RuntimeException e) {
            return "the service at " + uri.getAuthority();   // the settings themselves are broken; that error comes next
        }
    }

    /** Problem JSON as its title and detail. */
    private static String problem(FujieProblemException p) {
        String title = p.title() == null ? "HTTP " + p.status() : p.title();
        return p.detail() == null || p.detail().isBlank() ? title : title + " (" + p.detail() + ")";
    }

    private static String sentence(String message) {
        String line = oneLine(message);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip();
    }
}
