package org.fujie.ca.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Test classes whose tests share one ca-service on the embedded default, started once per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EmbeddedCaServiceTest {

    protected RunningCaService ca;

    @BeforeAll
    void startService() {
        ca = RunningCaService.embedded();
    }

    @AfterAll
    void stopService() {
        ca.close();
    }
}
