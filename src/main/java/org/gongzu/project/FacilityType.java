package org.gongzu.project;

/**
 * The supporting facilities a public rental project plans (clause 4), each handed over to the
 * department that will run it. Which department receives a type, and whether it must be in use when
 * residents move in, is a rule in processes/FacilityReceivingDepartment.dmn, not here.
 */
public enum FacilityType {
    KINDERGARTEN("幼儿园"),
    PRIMARY_SCHOOL("小学"),
    HEALTH_STATION("社区卫生服务站"),
    ELDERLY_CARE("社区养老服务设施"),
    DISABILITY_SUPPORT("社区助残服务设施"),
    COMMITTEE_OFFICE("社区居委会办公用房"),
    POLICE_ROOM("警务室"),
    SERVICE_STATION("社区服务站用房"),
    CULTURAL_VENUE("文化活动场地"),
    COMMERCIAL("商业用房");

    private final String chineseName;

    FacilityType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
