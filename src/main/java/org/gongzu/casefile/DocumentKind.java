package org.gongzu.casefile;

/** What a scan attached to a case is. */
public enum DocumentKind {
    LEASE_CONTRACT("租赁合同"),
    HOUSEHOLD_REGISTER("户口簿"),
    HANDOVER_RECORD("移交记录"),
    OTHER("其他材料");

    private final String chineseName;

    DocumentKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
