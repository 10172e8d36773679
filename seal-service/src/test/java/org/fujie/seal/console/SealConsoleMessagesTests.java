package org.fujie.seal.console;

import java.io.IOException;

import org.fujie.ca.support.ConsoleTexts;
import org.fujie.seal.problem.SealProblem;
import org.junit.jupiter.api.Test;

/** Every seal-service console text exists in English and Chinese, and every text its templates name exists. */
class SealConsoleMessagesTests {

    @Test
    void everyBundleWhenComparedAcrossLanguagesThenSameKeys() {
        ConsoleTexts.assertSameKeysInBothLanguages("console/seal-messages");
    }

    @Test
    void everyTemplateWhenReadThenItsTextsExist() throws IOException {
        ConsoleTexts.assertEveryTemplateTextExists("console/seal-messages", 60);
    }

    @Test
    void everyProblemWhenShownInChineseThenHasAChineseTitle() throws IllegalAccessException {
        ConsoleTexts.assertEveryProblemHasAChineseTitle(SealProblem.class);
    }
}
