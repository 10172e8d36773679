package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExactBytesTests {

    @Test
    void equalOnlyForTheSameBytesAndNotChangedByTheArrayItCameFrom() {
        byte[] bytes = {1, 2, 3};
        ExactBytes key = ExactBytes.of(bytes);
        assertThat(key).isEqualTo(ExactBytes.of(new byte[] {1, 2, 3})).hasSameHashCodeAs(ExactBytes.of(new byte[] {1, 2, 3}));
        assertThat(key).isNotEqualTo(ExactBytes.of(new byte[] {1, 2, 4})).isNotEqualTo(ExactBytes.of(new byte[] {1, 2}));
        bytes[0] = 9;
        assertThat(key).isEqualTo(ExactBytes.of(new byte[] {1, 2, 3}));
        assertThat(key.equals("not bytes")).isFalse();
    }
}
