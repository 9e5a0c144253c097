package org.gongzu.targetbreach;

import java.util.Set;

import org.gongzu.casefile.CaseVariables;

/** The process backing class of processes/TargetBreach.bpmn: a monitoring target breached in a district. */
public final class TargetBreachProcess {

    public static final String KEY = "TargetBreach";

    public static final class Elements {
        public static final String START = "StartEvent_TargetBreached";
        public static final String REVIEW = "Task_ReviewBreach";
        public static final String END = "EndEvent_BreachReviewed";

        private Elements() {
        }
    }

    public static final class Vars {
        /** The breach's case id, {@code MB-<breach id>}: its journal holds what was done. */
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUBJECT = CaseVariables.SUBJECT;
        public static final String OUTCOME = CaseVariables.OUTCOME;
        public static final String BREACH_ID = "breachId";
        public static final String TITLE = "breachTitle";
        public static final String DESCRIPTION = "breachDescription";
        public static final Set<String> STARTED_WITH = Set.of(CASE_ID, DISTRICT, SUBJECT, BREACH_ID, TITLE, DESCRIPTION);
        public static final Set<String> ALL = Set.of(CASE_ID, DISTRICT, SUBJECT, OUTCOME, BREACH_ID, TITLE, DESCRIPTION);

        private Vars() {
        }
    }

    /** forms/target-breach-review.form */
    public static final class ReviewForm {
        public static final String MEASURES = "measures";
        public static final Set<String> ALL = Set.of(MEASURES);

        private ReviewForm() {
        }
    }

    private TargetBreachProcess() {
    }
}
