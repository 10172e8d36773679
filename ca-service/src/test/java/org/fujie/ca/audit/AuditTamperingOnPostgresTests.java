package org.fujie.ca.audit;

import java.util.Map;

import org.fujie.ca.support.RunningCaService;

/** {@link AuditTamperingTests} on the real PostgreSQL. */
class AuditTamperingOnPostgresTests extends AuditTamperingTests {

    @Override
    RunningCaService start(Map<String, Object> settings) {
        return RunningCaService.onPostgres(settings);
    }
}
