package org.gongzu.allowancework;

/** The community public-service work clause 8 names. */
public enum WorkKind {
    SECURITY_WATCH("治安值班"),
    CLEANING("打扫公共卫生"),
    CARE("照顾孤老残幼");

    private final String chineseName;

    WorkKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
