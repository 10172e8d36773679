package org.fujie.service.console;

/**
 * Where each service's console lives, for the navigation between them: each service serves its own pages (its own
 * policy and audit log), and the browser moves between them with the same client certificate.
 */
public record ConsoleLinks(String ca, String seal, String trust) {
}
