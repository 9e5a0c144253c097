package org.gongzu.identity;

import java.util.Map;

/** Groups that are not tied to a place. */
public final class Roles {

    /** Every department user; gives Tasklist access and the shared task filters. */
    public static final String STAFF = "staff";
    /** Municipal supervisors: read every district's cases, change nothing. */
    public static final String SUPERVISOR = "supervisor";
    /** Process managers: deploy BPMN, DMN and forms. */
    public static final String PROCESS_MANAGER = "process-manager";
    /** Camunda's built-in administrators group. */
    public static final String ADMIN = "camunda-admin";

    /** A district's supervisors ({@code supervisor-110108}): follow their own district's monitoring only. */
    public static final String DISTRICT_SUPERVISOR_PREFIX = "supervisor-";

    public static String districtSupervisor(String districtCode) {
        return DISTRICT_SUPERVISOR_PREFIX + districtCode;
    }

    /** What {@link #leadersOf} appends to a department group's id. */
    public static final String LEADERS_SUFFIX = "-leaders";

    /**
     * The leaders of a department group ({@code rc-110108015-leaders}): they receive the escalation
     * mails when a step of their department is overdue.
     */
    public static String leadersOf(String groupId) {
        return groupId + LEADERS_SUFFIX;
    }

    /** The Chinese names of the role groups, as Admin and Cockpit show them. */
    public static final Map<String, String> NAMES = Map.of(STAFF, "部门工作人员",
            SUPERVISOR, "市级监督", PROCESS_MANAGER, "流程管理员", ADMIN, "系统管理员");

    private Roles() {
    }
}
