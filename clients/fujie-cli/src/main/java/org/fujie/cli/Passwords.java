package org.fujie.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;

/** The password of a PKCS#12 the command line writes: given, from a file, or asked twice on the terminal. */
public final class Passwords {

    private Passwords() {
    }

    public static char[] forNewPkcs12(String given, Path file, String what) {
        char[] password;
        if (given != null) {
            password = given.toCharArray();
        } else if (file != null) {
            password = ConnectionSettings.firstLine(file, "password");
        } else {
            password = ask(what);
        }
        // ca-service's own rule (CONTRACT.md), checked first so a typo costs no key.
        if (password.length < 8 || password.length > 128) {
            throw new CliException(ExitCode.USAGE, "the PKCS#12 password must be 8 to 128 characters: choose another");
        }
        return password;
    }

    private static char[] ask(String what) {
        Console console = System.console();
        if (console == null) {
            throw new CliException(ExitCode.USAGE, "no terminal to ask for the password of " + what
                    + ": give --p12-password-file F (or --p12-password P)");
        }
        char[] first = console.readPassword("Password for %s: ", what);
        char[] second = console.readPassword("Again: ");
        if (first == null || !Arrays.equals(first, second)) {
            throw new CliException(ExitCode.USAGE, "the passwords differ: run the command again");
        }
        return first;
    }
}
