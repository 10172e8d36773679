package org.fujie.seal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Test classes whose tests share one set of services (ca-, trust- and seal-service), started once per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SealServicesTest {

    protected SealTestServices services;

    @BeforeAll
    void startServices() throws Exception {
        services = SealTestServices.start();
    }

    @AfterAll
    void stopServices() {
        if (services != null) {
            services.close();
        }
    }
}
