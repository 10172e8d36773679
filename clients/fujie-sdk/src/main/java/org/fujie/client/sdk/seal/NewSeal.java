package org.fujie.client.sdk.seal;

import java.util.List;
import java.util.Objects;

/**
 * {@code POST /api/v1/seals}: type and algorithm as seal-service knows them (e.g. an SM2 or EC-P256 seal); imagePng is
 * base64, null for the standard round red seal; keepers are the subjects or user ids allowed to stamp with it.
 */
public record NewSeal(String name, String organization, String type, String algorithm, String imagePng, List<String> keepers) {

    public NewSeal {
        Objects.requireNonNull(name, "name");
        keepers = keepers == null ? List.of() : List.copyOf(keepers);
    }
}
