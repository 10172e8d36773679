package org.fujie.cli;

/**
 * The exit codes scripts branch on (README.md, {@code fujie --help}); 64 and up follow BSD sysexits.h, so they read the
 * same as other Unix tools.
 */
public final class ExitCode {

    public static final int OK = 0;
    /** A signature, a certificate or an audit chain was checked and failed. */
    public static final int FAILED = 1;
    /** Checked but not decided (INDETERMINATE), or not verified at all. */
    public static final int INDETERMINATE = 2;
    /** An unknown flag, a missing option, a bad value. */
    public static final int USAGE = 64;
    /** The service refused the input (a 4xx problem other than 401/403). */
    public static final int REFUSED = 65;
    /** An input file is missing or unreadable. */
    public static final int NO_INPUT = 66;
    /** The service is unreachable or unavailable (503). */
    public static final int UNAVAILABLE = 69;
    /** A bug, in the command line or in a service (500). */
    public static final int INTERNAL = 70;
    /** An output file cannot be written. */
    public static final int CANNOT_WRITE = 73;
    /** Authentication or authorisation failed: a wrong PKCS#12 password, 401, 403. */
    public static final int NO_PERMISSION = 77;

    /** As listed in every command's help. */
    public static final String HELP = "%nEvery command also takes the global options of ./fujie --help: --output json|table|pem, --debug, "
            + "--cert F.p12 --password P|--password-file F, --token T, --trust-chain F, --ca-url, --seal-url, --trust-url, --tsa-url, --data.%n"
            + "%nExit codes:%n"
            + "  0   ok (verify: TOTAL_PASSED; audit verify: every chain intact)%n"
            + "  1   verification failed (TOTAL_FAILED, a revoked certificate, a broken audit chain)%n"
            + "  2   indeterminate, or not verified%n"
            + "  64  bad usage: an unknown flag, a missing option, a bad value%n"
            + "  65  the service refused the input (its problem title and detail are shown)%n"
            + "  66  an input file is missing or unreadable%n"
            + "  69  a service is unreachable or unavailable (try ./fujie status)%n"
            + "  70  internal error (rerun with --debug for the stack trace)%n"
            + "  73  an output file cannot be written%n"
            + "  77  authentication or authorisation failed (wrong PKCS#12 password, 401, 403)%n";

    private ExitCode() {
    }
}
