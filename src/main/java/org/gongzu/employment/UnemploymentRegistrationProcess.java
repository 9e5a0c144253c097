package org.gongzu.employment;

import java.util.Set;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.deadline.LateStepEscalation;
import org.gongzu.project.Project;

/**
 * The process backing class of processes/UnemploymentRegistration.bpmn: its key, messages, element
 * ids, variables and form fields. One instance per household member; the business key is the
 * household's case id.
 */
public final class UnemploymentRegistrationProcess {

    public static final String KEY = "UnemploymentRegistration";
    /** processes/UnemploymentEligibility.dmn */
    public static final String ELIGIBILITY_DECISION = "UnemploymentEligibility";

    /** Message names, correlated by {@link UnemploymentRegistrationStarter} and {@link JobReferralSteps}. */
    public static final class Messages {
        public static final String MEMBER_UNEMPLOYED = "UnemploymentRegistration_MemberUnemployed";
        public static final String MEMBER_EMPLOYED = "UnemploymentRegistration_MemberEmployed";
        public static final String JOB_REFERRED = "UnemploymentRegistration_JobReferred";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String START_MEMBER_UNEMPLOYED = "StartEvent_MemberUnemployed";
        public static final String START_REQUESTED = "StartEvent_RegistrationRequested";
        public static final String CHECK_ELIGIBILITY = "BusinessRuleTask_CheckEligibility";
        public static final String ELIGIBLE = "Gateway_Eligible";
        public static final String RECORD_REFUSAL = "Task_RecordRefusal";
        public static final String REFUSED = "EndEvent_RegistrationRefused";
        public static final String REGISTER = "Task_RegisterUnemployment";
        public static final String FOLLOW_UP_DUE = "TimerEvent_FollowUpDue";
        public static final String FOLLOW_UP = "Task_FollowUp";
        public static final String FOLLOW_UP_RESULT = "Gateway_FollowUpResult";
        public static final String EMPLOYED = "EndEvent_Employed";
        public static final String ENDED = "EndEvent_RegistrationEnded";
        public static final String JOB_REFERRAL = "SubProcess_JobReferral";
        public static final String JOB_REFERRED = "StartEvent_JobReferred";
        public static final String RECORD_REFERRAL = "Task_RecordReferral";
        public static final String REFERRAL_RECORDED = "EndEvent_ReferralRecorded";
        public static final String MEMBER_EMPLOYED = "SubProcess_MemberEmployed";
        public static final String MEMBER_EMPLOYED_START = "StartEvent_MemberEmployed";
        public static final String CLOSE_AS_EMPLOYED = "Task_CloseAsEmployed";
        public static final String CLOSED_AS_EMPLOYED = "EndEvent_ClosedAsEmployed";
        /** The escalation when the registration is late (docs/adr/0025). */
        public static final String REGISTRATION_LATE = "BoundaryEvent_RegistrationLate";
        public static final String RECORD_LATE_REGISTRATION = "Task_RecordLateRegistration";
        public static final String HANDLE_LATE_REGISTRATION = "Task_HandleLateRegistration";
        public static final String LATE_REGISTRATION_HANDLED = "EndEvent_LateRegistrationHandled";

        private Elements() {
        }
    }

    /** Process variables: the case's ids and place, the registration's row id, labels and gateway flags. */
    public static final class Vars {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String PROJECT_ID = Project.PROJECT_ID;
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        /** The row of {@code unemployment_registration}: who the member is stays there. */
        public static final String REGISTRATION_ID = "registrationId";
        public static final String SUBJECT = CaseVariables.SUBJECT;
        public static final String OUTCOME = CaseVariables.OUTCOME;
        public static final String ELIGIBLE = "eligible";
        /** The state the last follow-up found, a {@link FollowUpForm.State} name. */
        public static final String FOLLOW_UP_RESULT = "followUpResult";
        /** Local to the referral subprocess: the job opening the member was recommended for. */
        public static final String JOB_OPENING_ID = "jobOpeningId";
        /** The decision's result, read once and removed. */
        public static final String ELIGIBILITY = "eligibility";
        /** What the message start carries. */
        public static final Set<String> STARTED_WITH = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT,
                REGISTRATION_ID, SUBJECT);
        public static final Set<String> ALL = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, REGISTRATION_ID,
                SUBJECT, OUTCOME, ELIGIBLE, FOLLOW_UP_RESULT, JOB_OPENING_ID, LateStepEscalation.DESCRIPTION);

        private Vars() {
        }
    }

    /** Task-local: the member's name and masked ID number, shown on the office's forms (personal data). */
    public static final String MEMBER_SHOWN = "registrationMember";

    /** forms/unemployment-application.form: the office starts a registration for a member who asks. */
    public static final class ApplicationForm {
        public static final String HOUSEHOLD_CASE_ID = "householdCaseId";
        public static final String MEMBER_ID_NUMBER = "memberIdNumber";
        public static final Set<String> ALL = Set.of(HOUSEHOLD_CASE_ID, MEMBER_ID_NUMBER);

        private ApplicationForm() {
        }
    }

    /** forms/unemployment-registration.form */
    public static final class RegistrationForm {
        public static final String REGISTERED_ON = "registeredOn";
        public static final String SERVICES = "services";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(REGISTERED_ON, SERVICES, NOTE);

        private RegistrationForm() {
        }
    }

    /** forms/unemployment-follow-up.form */
    public static final class FollowUpForm {
        public static final String FOLLOWED_UP_ON = "followedUpOn";
        public static final String SERVICES = "services";
        public static final String STATE = "jobSearchState";
        public static final String EMPLOYED_ON = "employedOn";
        public static final String EMPLOYER = "employer";
        public static final String END_REASON = "endReason";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(FOLLOWED_UP_ON, SERVICES, STATE, EMPLOYED_ON, EMPLOYER, END_REASON,
                NOTE);

        /** The values of {@link #STATE}. */
        public enum State { LOOKING, EMPLOYED, ENDED }

        private FollowUpForm() {
        }
    }

    private UnemploymentRegistrationProcess() {
    }
}
