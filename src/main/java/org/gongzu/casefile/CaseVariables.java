package org.gongzu.casefile;

/**
 * The process variables every case's processes keep, whatever the process: the case's id (also the
 * business key) and the place that routing and the department filters read.
 */
public final class CaseVariables {

    /** The case's id, e.g. {@code HH-2026-000001}; Tasklist's filters show it as 案卷号. */
    public static final String CASE_ID = "caseId";
    /** The GB/T 2260 code of the case's district (区), six digits. */
    public static final String DISTRICT = "districtCode";
    /** The code of the case's sub-district (街道/乡镇), nine digits. */
    public static final String SUB_DISTRICT = "subDistrictCode";

    /**
     * A department code a process chose for its case at run time (e.g. {@code edu}, the receiving
     * department of a facility), which the routing table may name as a route.
     */
    public static final String ASSIGNED_DEPARTMENT = "assignedDepartment";

    /**
     * What one process of a case is about, in words without personal data, e.g.
     * 「子女（2019年5月生）2026学年 小学」: a case may run a process per member, and its view tells them apart.
     */
    public static final String SUBJECT = "caseSubject";

    /** How a process of a case ended, in a sentence staff read (e.g. why a child is not covered and where to go). */
    public static final String OUTCOME = "caseOutcome";

    private CaseVariables() {
    }
}
