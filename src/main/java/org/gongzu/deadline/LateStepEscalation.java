package org.gongzu.deadline;

import java.util.Set;

/**
 * The names a process uses for the escalation of a late step (docs/adr/0025): a non-interrupting
 * timer at the step's due date, {@code ${lateStepEscalation.recorded(execution, 'Task_X')}}, and a
 * user task with forms/late-step-escalation.form completed with
 * {@code ${lateStepEscalation.decided(task)}}. A process module lists {@link #VARIABLES} among its
 * process variables and {@link #FORM_FIELDS} as its escalation task's form fields.
 */
public final class LateStepEscalation {

    /** Local to the escalation: which step is late and since when, in words (no personal data). */
    public static final String DESCRIPTION = "lateStepDescription";
    public static final String DECISION = "escalationDecision";
    public static final String NOTE = "escalationNote";
    public static final Set<String> VARIABLES = Set.of(DESCRIPTION);
    public static final Set<String> FORM_FIELDS = Set.of(DECISION, NOTE);
    /** Journal step codes. */
    public static final String ESCALATED = "STEP_ESCALATED";
    public static final String DECIDED = "STEP_ESCALATION_DECIDED";

    /** The values of {@link #DECISION}: urge the department, hand the step to someone else, explain the delay. */
    public enum Decision {
        URGE("督促办理"), REASSIGN("改派"), EXPLAIN("说明原因");

        private final String words;

        Decision(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private LateStepEscalation() {
    }
}
