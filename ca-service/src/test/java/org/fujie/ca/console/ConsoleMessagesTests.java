package org.fujie.ca.console;

import java.io.IOException;

import org.fujie.ca.problem.CaProblem;
import org.fujie.ca.support.ConsoleTexts;
import org.junit.jupiter.api.Test;

/** Every console text exists in English and Chinese, and every text a template names exists. */
class ConsoleMessagesTests {

    @Test
    void everyBundleWhenComparedAcrossLanguagesThenSameKeys() {
        ConsoleTexts.assertSameKeysInBothLanguages("console/ca-messages");
    }

    @Test
    void everyTemplateWhenReadThenItsTextsExist() throws IOException {
        ConsoleTexts.assertEveryTemplateTextExists("console/ca-messages", 100);
    }

    @Test
    void everyProblemWhenShownInChineseThenHasAChineseTitle() throws IllegalAccessException {
        ConsoleTexts.assertEveryProblemHasAChineseTitle(CaProblem.class, org.fujie.service.problem.CommonProblem.class, org.fujie.service.audit.AuditQuery.class);
    }
}
