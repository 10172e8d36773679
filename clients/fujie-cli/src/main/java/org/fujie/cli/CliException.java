package org.fujie.cli;

/**
 * A failure the command line explains itself: its message is the line the user sees after {@code fujie: } (what went
 * wrong, then what to do), its code the exit code.
 */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
