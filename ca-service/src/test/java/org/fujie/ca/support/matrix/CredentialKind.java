package org.fujie.ca.support.matrix;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.service.security.Role;

/**
 * A way a caller proves who it is and so which role it holds: a client certificate today, a bearer token from
 * trust-service next. A role-matrix test runs its table once per kind it lists.
 */
public interface CredentialKind {

    /** For messages: "client certificate", "bearer token". */
    String name();

    /** A client of the service at the URL presenting exactly this one role. */
    FujieTestClient as(Role role, String baseUrl);
}
