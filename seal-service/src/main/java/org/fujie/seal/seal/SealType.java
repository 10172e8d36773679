package org.fujie.seal.seal;

/** The kinds of official seal a ministry's bodies hold, each with the name it carries in Chinese. */
public enum SealType {
    OFFICIAL("公章", 1, 42, 42),
    CONTRACT("合同专用章", 4, 42, 42),
    FINANCE("财务专用章", 2, 38, 38),
    LEGAL_REPRESENTATIVE("法定代表人章", 5, 20, 20),
    INVOICE("发票专用章", 3, 40, 30),
    OTHER("专用章", 99, 40, 40);

    private final String chineseName;
    private final int esType;
    private final int widthMm;
    private final int heightMm;

    SealType(String chineseName, int esType, int widthMm, int heightMm) {
        this.chineseName = chineseName;
        this.esType = esType;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    /**
     * The type number in a GB/T 38540 SESeal, which leaves the numbering to the application: Fujie's is 1 公章, 2 财务,
     * 3 发票, 4 合同, 5 法定代表人, 99 other (README, "The national algorithms").
     */
    public int esType() {
        return esType;
    }

    /** The printed size of the seal in millimetres (SES_PictureInfo width and height). */
    public int widthMm() {
        return widthMm;
    }

    public int heightMm() {
        return heightMm;
    }

    public String chineseName() {
        return chineseName;
    }
}
