package org.fujie.client.sdk.seal;

import java.time.Instant;

/** One stamp as seal-service recorded it: who, when, the SHA-256 of the document in and out, where and at which level. */
public record SealUsage(String id, String sealId, String keeper, Instant stampedAt, String inputSha256, String outputSha256,
        String placement, String level) {
}
