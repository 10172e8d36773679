package org.fujie.seal.seal;

/** The kinds of official seal a ministry's bodies hold, each with the name it carries in Chinese. */
public enum SealType {
    OFFICIAL("公章"),
    CONTRACT("合同专用章"),
    FINANCE("财务专用章"),
    LEGAL_REPRESENTATIVE("法定代表人章"),
    INVOICE("发票专用章"),
    OTHER("专用章");

    private final String chineseName;

    SealType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
