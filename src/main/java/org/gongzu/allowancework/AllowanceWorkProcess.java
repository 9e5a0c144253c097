package org.gongzu.allowancework;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.project.Project;

/** The process backing class of processes/AllowanceWork.bpmn: its key, messages, element ids, variables and form fields. */
public final class AllowanceWorkProcess {

    public static final String KEY = "AllowanceWork";
    /** Starts the process for a household that has a member on the allowance. */
    public static final String START_MESSAGE = "AllowanceWork_AllowanceHousehold";
    /** Ends the open process: no member of the household is on the allowance any more. */
    public static final String ENDED_MESSAGE = "AllowanceWork_AllowanceEnded";

    public static final String SUBJECT = "低保家庭公益性劳动";
    public static final String OUTCOME_ALLOWANCE_ENDED = "已不再享受低保，公益劳动安排结束";

    public static final class Elements {
        public static final String START = "StartEvent_AllowanceHousehold";
        public static final String ARRANGE = "Task_ArrangeWork";
        public static final String RECORD_HOURS = "Task_RecordHours";
        public static final String END_ARRANGEMENT = "Gateway_EndArrangement";
        public static final String CONFIRM_HOURS = "Task_ConfirmHours";
        public static final String ARRANGEMENT_ENDED = "EndEvent_ArrangementEnded";
        public static final String ALLOWANCE_ENDED_SUBPROCESS = "SubProcess_AllowanceEnded";
        public static final String ALLOWANCE_ENDED = "StartEvent_AllowanceEnded";
        public static final String ARRANGEMENT_STOPPED = "EndEvent_AllowanceEnded";

        private Elements() {
        }
    }

    /** Process variables: the case's ids and place, the arrangement's row, its labels and the gateway's flag. */
    public static final class Vars {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String PROJECT_ID = Project.PROJECT_ID;
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        /** The id of the arrangement's row in allowance_work. */
        public static final String WORK_ID = "allowanceWorkId";
        public static final String SUBJECT = CaseVariables.SUBJECT;
        public static final String OUTCOME = CaseVariables.OUTCOME;
        /** Set when the sub-district office ends the arrangement at 「记录公益劳动工时」. */
        public static final String END_ARRANGEMENT = "endArrangement";
        public static final Set<String> STARTED_WITH = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, WORK_ID,
                SUBJECT);
        public static final Set<String> ALL = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, WORK_ID, SUBJECT,
                OUTCOME, END_ARRANGEMENT);

        private Vars() {
        }
    }

    /** forms/allowance-work-arrangement.form */
    public static final class ArrangeForm {
        /** The member numbers (1-based, as the case view shows them), a checklist. */
        public static final String MEMBER_NOS = "memberNos";
        public static final String WORK_KIND = "workKind";
        public static final String SCHEDULE_NOTE = "scheduleNote";
        public static final String START_ON = "startOn";
        /** Shown only: the checklist's options, the household's adult members on the allowance. */
        public static final String MEMBER_OPTIONS = "allowanceMemberOptions";
        public static final Set<String> SUBMITTED = Set.of(MEMBER_NOS, WORK_KIND, SCHEDULE_NOTE, START_ON);
        public static final Set<String> ALL = Set.of(MEMBER_NOS, WORK_KIND, SCHEDULE_NOTE, START_ON, MEMBER_OPTIONS);

        private ArrangeForm() {
        }
    }

    /** forms/allowance-work-hours.form */
    public static final class HoursForm {
        public static final String ACTION = "hoursAction";
        public static final String MEMBER_NO = "memberNo";
        public static final String WORK_KIND = "workKind";
        public static final String STARTED_AT = "startedAt";
        public static final String ENDED_AT = "endedAt";
        public static final String NOTE = "note";
        public static final String END_REASON = "endReason";
        /** Shown only: the arranged members to choose from. */
        public static final String MEMBER_OPTIONS = "arrangedMemberOptions";
        /** Shown only: the entry the residents' committee returned last, with its reason. */
        public static final String LAST_RETURNED = "lastReturnedHours";
        public static final Set<String> SUBMITTED = Set.of(ACTION, MEMBER_NO, WORK_KIND, STARTED_AT, ENDED_AT, NOTE,
                END_REASON);
        public static final Set<String> ALL = Stream.concat(SUBMITTED.stream(), Stream.of(MEMBER_OPTIONS, LAST_RETURNED))
                .collect(Collectors.toUnmodifiableSet());

        /** The values of {@link #ACTION}. */
        public enum Action { RECORD, END }

        private HoursForm() {
        }
    }

    /** forms/allowance-work-confirmation.form */
    public static final class ConfirmForm {
        public static final String DECISION = "hoursDecision";
        public static final String RETURN_REASON = "returnReason";
        /** Shown only: the entry to confirm, with the member's name. */
        public static final String ENTRY = "hoursToConfirm";
        public static final Set<String> SUBMITTED = Set.of(DECISION, RETURN_REASON);
        public static final Set<String> ALL = Set.of(DECISION, RETURN_REASON, ENTRY);

        /** The values of {@link #DECISION}. */
        public enum Decision { CONFIRM, RETURN }

        private ConfirmForm() {
        }
    }

    /** What the forms show of members (names): task-local, never in the history. */
    public static final Set<String> PERSONAL_DATA_FIELDS = Set.of(ArrangeForm.MEMBER_OPTIONS, HoursForm.MEMBER_OPTIONS,
            HoursForm.LAST_RETURNED, ConfirmForm.ENTRY);

    private AllowanceWorkProcess() {
    }
}
