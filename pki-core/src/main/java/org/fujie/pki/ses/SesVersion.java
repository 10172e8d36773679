package org.fujie.pki.ses;

/** The two layouts of seal and signature: they differ in structure, not only in the header's number. */
public enum SesVersion {
    /** GM/T 0031-2014: the maker's signature in SES_SignInfo, the signer's certificate inside TBS_Sign, UTCTime dates. */
    V1(1),
    /** GB/T 38540-2020: the maker's certificate beside SES_SealInfo, a typed certificate list, GeneralizedTime, a time-stamp. */
    V4(4);

    private final int number;

    SesVersion(int number) {
        this.number = number;
    }

    /** The number this version writes into SES_Header and TBS_Sign. */
    public int number() {
        return number;
    }
}
