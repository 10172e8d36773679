package org.fujie.client.boot.principal;

/** How the user proved who they are to this application. */
public enum LoginMethod {
    /** A client certificate in this application's own TLS connection, checked online with trust-service. */
    MUTUAL_TLS,
    /** A JWT that trust-service issued after a certificate log-in, checked against its JWKS. */
    BEARER_TOKEN
}
