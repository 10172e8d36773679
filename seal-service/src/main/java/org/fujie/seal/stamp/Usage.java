package org.fujie.seal.stamp;

import java.time.Instant;

/** One stamp as recorded. */
public record Usage(String id, String sealId, String keeper, Instant stampedAt, String inputSha256, String outputSha256,
        String placement, String level) {
}
