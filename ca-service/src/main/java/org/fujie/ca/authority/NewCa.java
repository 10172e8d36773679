package org.fujie.ca.authority;

/**
 * A request to make a CA: a self-signed root when parentId is null, otherwise a subordinate CA. Its key is made as
 * {@code ca-<id>} in the backend the routes choose, unless keyAlias names a key made beforehand (a key ceremony):
 * then that key is used, and algorithm may be left out.
 */
public record NewCa(String id, String subject, String algorithm, String parentId, Integer validityDays, Integer pathLength,
        String keyAlias) {

    public NewCa(String id, String subject, String algorithm, String parentId, Integer validityDays, Integer pathLength) {
        this(id, subject, algorithm, parentId, validityDays, pathLength, null);
    }
}
