package org.fujie.service.console;

import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;

/**
 * The check box a final action (a revocation) is confirmed with. The form marks it required, but a form posted
 * without it (a hostile page's, a browser without the check) is no consent, so the controller checks it again.
 */
public final class ConsoleConfirmation {

    /** The box's value when ticked. */
    public static final String CONFIRMED = "yes";

    private ConsoleConfirmation() {
    }

    /** 400 malformed-request with the detail unless the box was ticked. */
    public static void require(String confirm, String detail) {
        if (!CONFIRMED.equals(confirm)) {
            throw new FujieException(CommonProblem.MALFORMED_REQUEST, detail);
        }
    }
}
