package org.fujie.client.sdk.ca;

import java.util.Objects;

/**
 * {@code POST /api/v1/cas}: a new CA, its key made with algorithm or taken from a ceremony key (keyAlias); parentId
 * null for a root. Null fields are left out.
 */
public record NewAuthority(String id, String subject, String algorithm, String keyAlias, String parentId, Integer validityDays,
        Integer pathLength) {

    public NewAuthority {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        if ((algorithm == null) == (keyAlias == null)) {
            throw new IllegalArgumentException("give either an algorithm or a ceremony key alias");
        }
    }
}
