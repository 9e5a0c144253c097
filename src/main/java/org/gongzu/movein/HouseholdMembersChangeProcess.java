package org.gongzu.movein;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.movein.TenantMoveInProcess.MembersForm;

/**
 * The process backing class of processes/HouseholdMembersChange.bpmn: the residents' committee
 * corrects a registered household's members (a birth, a job found, a member gone); the services
 * after move-in follow the change.
 */
public final class HouseholdMembersChangeProcess {

    public static final String KEY = "HouseholdMembersChange";

    public static final class Elements {
        public static final String START = "StartEvent_ChangeRequested";
        public static final String UPDATE_MEMBERS = "Task_UpdateMembers";
        public static final String END = "EndEvent_MembersUpdated";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String PROJECT_ID = "projectId";
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        public static final String SUBJECT = CaseVariables.SUBJECT;
        public static final String OUTCOME = CaseVariables.OUTCOME;
        public static final Set<String> ALL = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, SUBJECT, OUTCOME);

        private Vars() {
        }
    }

    /** forms/members-change-request.form: which household, and why. */
    public static final class RequestForm {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String REASON = "changeReason";
        public static final Set<String> ALL = Set.of(CASE_ID, REASON);

        private RequestForm() {
        }
    }

    /** The members step submits forms/household-registration.form, as at move-in. */
    public static final Set<String> MEMBER_FIELDS = MembersForm.ALL;
    public static final Set<String> PERSONAL_DATA_FIELDS = Stream.concat(Stream.of(MembersForm.MEMBERS),
            MembersForm.MEMBER_GROUPS.stream()).collect(Collectors.toUnmodifiableSet());

    private HouseholdMembersChangeProcess() {
    }
}
