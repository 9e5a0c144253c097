package org.gongzu.employment;

/** The public employment services the social security office gives a registered member (clause 7). */
public enum ServiceKind {
    POLICY_ADVICE("政策咨询"),
    CAREER_GUIDANCE("职业指导"),
    JOB_REFERRAL("职业介绍"),
    TRAINING("培训信息");

    private final String chineseName;

    ServiceKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
