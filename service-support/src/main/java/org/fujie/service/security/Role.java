package org.fujie.service.security;

/** The roles of DESIGN.md. A certificate holds any number of them. */
public enum Role {
    ADMIN, RA_OFFICER, SEAL_ADMIN, SEAL_KEEPER, AUDITOR, APP
}
