package org.fujie.client.sdk.ca;

/** The certificate after a revoke or release; {@code changed} false: it already was in the asked-for state. */
public record Revocation(Certificate certificate, boolean changed, String detail) {
}
