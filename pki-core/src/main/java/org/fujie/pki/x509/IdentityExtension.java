package org.fujie.pki.x509;

import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The Chinese identity extensions of GM/T 0015 (arc 1.2.156.10260.4.1), non-critical, each a PrintableString. A
 * profile names which a certificate may or must carry. The unified social credit code (统一社会信用代码, GB 32100-2015)
 * replaced the organization code in 2015; GM/T 0015-2012 has no slot of its own for it, and Chinese CAs' public SDK
 * documentation puts it in the organization-code extension (1.2.156.10260.4.1.4), so Fujie does too (one source reports
 * a separate OID in GM/T 0015-2023, which Fujie does not write: the standard's text was not available to check).
 */
public enum IdentityExtension {

    INSURANCE_NUMBER("insurance-number", "1.2.156.10260.4.1.2", "个人社会保险号"),
    IC_REGISTRATION_NUMBER("ic-registration-number", "1.2.156.10260.4.1.3", "企业工商注册号"),
    UNIFIED_SOCIAL_CREDIT_CODE("unified-social-credit-code", "1.2.156.10260.4.1.4", "统一社会信用代码"),
    TAXATION_NUMBER("taxation-number", "1.2.156.10260.4.1.5", "企业税号");

    /** GB 32100-2015 4: the 31 characters of the code (no I, O, Z, S, V), in the order of their values 0..30. */
    private static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int MAX_LENGTH = 32;

    private final String id;
    private final ASN1ObjectIdentifier oid;
    private final String chineseName;

    IdentityExtension(String id, String oid, String chineseName) {
        this.id = id;
        this.oid = new ASN1ObjectIdentifier(oid);
        this.chineseName = chineseName;
    }

    /** The name in profiles and requests, e.g. {@code unified-social-credit-code}. */
    public String id() {
        return id;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<IdentityExtension> fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    /** The extension with the value, after {@link #check}. */
    public Extension extension(String value) {
        check(value);
        return Extensions.nonCritical(oid, new DERPrintableString(value, true));
    }

    /** @throws IllegalArgumentException saying why the value cannot be this field's */
    public void check(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(IdentityExtension::plain)) {
            throw new IllegalArgumentException(id + " must be 1 to " + MAX_LENGTH + " digits or capital letters");
        }
        if (this == UNIFIED_SOCIAL_CREDIT_CODE) {
            checkCreditCode(value);
        }
    }

    /** GB 32100-2015: 18 characters, the last a check character over the first 17 (weights 3^i mod 31). */
    private static void checkCreditCode(String code) {
        if (code.length() != 18 || !code.chars().allMatch(c -> USCC_CHARACTERS.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a unified social credit code is 18 of the characters " + USCC_CHARACTERS);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARACTERS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (code.charAt(17) != USCC_CHARACTERS.charAt(check)) {
            throw new IllegalArgumentException("the unified social credit code's check character is wrong (GB 32100-2015)");
        }
    }

    private static boolean plain(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }
}
