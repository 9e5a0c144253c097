package org.gongzu.identity;

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

    private Roles() {
    }
}
