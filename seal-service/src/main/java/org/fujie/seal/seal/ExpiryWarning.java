package org.fujie.seal.seal;

import java.time.Instant;

/** A warning that a seal's certificate expires soon, given once per certificate. */
public record ExpiryWarning(String sealId, String name, String serialNumber, Instant notAfter) {
}
