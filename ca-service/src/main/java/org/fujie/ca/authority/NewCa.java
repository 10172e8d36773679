package org.fujie.ca.authority;

/** A request to make a CA: a self-signed root when parentId is null, otherwise a subordinate CA. */
public record NewCa(String id, String subject, String algorithm, String parentId, Integer validityDays, Integer pathLength) {
}
