package org.fujie.trust.console;

import java.io.IOException;

import org.fujie.ca.support.ConsoleTexts;
import org.fujie.trust.problem.TrustProblem;
import org.junit.jupiter.api.Test;

/** Every trust-service console text exists in English and Chinese, and every text its templates name exists. */
class TrustConsoleMessagesTests {

    @Test
    void everyBundleWhenComparedAcrossLanguagesThenSameKeys() {
        ConsoleTexts.assertSameKeysInBothLanguages("console/trust-messages");
    }

    @Test
    void everyTemplateWhenReadThenItsTextsExist() throws IOException {
        ConsoleTexts.assertEveryTemplateTextExists("console/trust-messages", 60);
    }

    @Test
    void everyProblemWhenShownInChineseThenHasAChineseTitle() throws IllegalAccessException {
        ConsoleTexts.assertEveryProblemHasAChineseTitle(TrustProblem.class);
    }
}
