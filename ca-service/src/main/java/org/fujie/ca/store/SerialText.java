package org.fujie.ca.store;

import java.util.Locale;

import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;

/** A serial number as a caller typed it, in the stored form (lower-case hex); anything else names no certificate. */
public final class SerialText {

    private SerialText() {
    }

    public static String normalised(String serial) {
        String lower = serial == null ? "" : serial.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.length() > 64 || !lower.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new FujieException(CommonProblem.NOT_FOUND, "no certificate with serial " + serial);
        }
        return lower;
    }
}
