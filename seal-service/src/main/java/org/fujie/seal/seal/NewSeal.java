package org.fujie.seal.seal;

import java.util.List;

/**
 * A request to make a seal, as checked by {@link SealService#make}.
 *
 * @param imagePng the seal image, a PNG with transparency; null to have the standard seal drawn
 */
public record NewSeal(String name, String organization, String type, String algorithm, byte[] imagePng, List<String> keepers) {
}
