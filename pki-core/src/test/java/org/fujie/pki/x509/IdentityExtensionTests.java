package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GM/T 0015 identity extensions; the credit codes are GB 32100-2015's own example and a published company's. */
class IdentityExtensionTests {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "914403001922038216"})
    void creditCodeWhenCheckCharacterRightThenAPrintableStringExtension(String code) {
        Extension extension = IdentityExtension.UNIFIED_SOCIAL_CREDIT_CODE.extension(code);

        assertThat(extension.getExtnId().getId()).isEqualTo("1.2.156.10260.4.1.4");
        assertThat(extension.isCritical()).isFalse();
        assertThat(DERPrintableString.getInstance(extension.getParsedValue()).getString()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100I000100Y43", "9135010OM000100Y43", ""})
    void creditCodeWhenCheckCharacterLengthOrAlphabetWrongThenRefused(String code) {
        assertThatThrownBy(() -> IdentityExtension.UNIFIED_SOCIAL_CREDIT_CODE.check(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherNumbersWhenNotPlainDigitsOrCapitalsThenRefused() {
        IdentityExtension.TAXATION_NUMBER.check("91350100M000100Y43");
        assertThatThrownBy(() -> IdentityExtension.TAXATION_NUMBER.check("9135 0100")).hasMessageContaining("taxation-number");
        assertThatThrownBy(() -> IdentityExtension.INSURANCE_NUMBER.check("x".repeat(33))).isInstanceOf(IllegalArgumentException.class);
        assertThat(IdentityExtension.fromId("ic-registration-number")).hasValue(IdentityExtension.IC_REGISTRATION_NUMBER);
        assertThat(IdentityExtension.fromId("shoe-size")).isEmpty();
    }
}
