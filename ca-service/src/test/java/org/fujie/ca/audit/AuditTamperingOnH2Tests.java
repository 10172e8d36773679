package org.fujie.ca.audit;

import java.util.Map;

import org.fujie.ca.support.RunningCaService;

/** {@link AuditTamperingTests} on the embedded H2 default. */
class AuditTamperingOnH2Tests extends AuditTamperingTests {

    @Override
    RunningCaService start(Map<String, Object> settings) {
        return RunningCaService.start(settings);
    }
}
