package org.gongzu.schoolenrollment;

import java.util.Set;
import java.util.stream.Stream;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.deadline.LateStepEscalation;
import org.gongzu.project.Project;

/** The process backing class of processes/SchoolEnrollment.bpmn: its key, element ids, variables and form fields. */
public final class SchoolEnrollmentProcess {

    public static final String KEY = "SchoolEnrollment";
    /** processes/SchoolEnrollmentEligibility.dmn */
    public static final String ELIGIBILITY_DECISION = "SchoolEnrollmentEligibility";
    /** The message that opens a child's enrollment for a school year, correlated on the household's case id. */
    public static final String OPENED_MESSAGE = "SchoolEnrollmentOpened";

    public static final class Elements {
        public static final String START = "StartEvent_EnrollmentOpened";
        public static final String DECIDE_ELIGIBILITY = "BusinessRuleTask_DecideEligibility";
        public static final String COVERED = "Gateway_Covered";
        public static final String NOT_COVERED = "EndEvent_NotCovered";
        public static final String CONFIRM_APPLICATION = "Task_ConfirmApplication";
        public static final String FAMILY_APPLIES = "Gateway_FamilyApplies";
        public static final String DECLINED = "EndEvent_FamilyDeclined";
        public static final String ASSIGN_SCHOOL = "Task_AssignSchool";
        public static final String VERIFIED = "Gateway_Verified";
        public static final String REFUSED = "EndEvent_Refused";
        public static final String CONFIRM_PLACE = "Task_ConfirmPlace";
        public static final String PLACE_CONFIRMED = "Gateway_PlaceConfirmed";
        public static final String ENROLLED = "EndEvent_Enrolled";
        public static final String YEAR_OPENS = "StartEvent_SchoolYearOpens";
        public static final String OPEN_SCHOOL_YEAR = "ServiceTask_OpenSchoolYear";
        public static final String YEAR_OPENED = "EndEvent_SchoolYearOpened";
        /** The escalation when the assignment is late (docs/adr/0025). */
        public static final String ASSIGNMENT_LATE = "BoundaryEvent_AssignmentLate";
        public static final String RECORD_LATE_ASSIGNMENT = "Task_RecordLateAssignment";
        public static final String HANDLE_LATE_ASSIGNMENT = "Task_HandleLateAssignment";
        public static final String LATE_ASSIGNMENT_HANDLED = "EndEvent_LateAssignmentHandled";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String PROJECT_ID = Project.PROJECT_ID;
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        public static final String SUBJECT = CaseVariables.SUBJECT;
        public static final String OUTCOME = CaseVariables.OUTCOME;
        /** The enrollment's row in school_enrollment: the child is known there, not in the process. */
        public static final String ENROLLMENT_ID = "enrollmentId";
        /** The school year the enrollment is for: the calendar year it starts in (September). */
        public static final String SCHOOL_YEAR = "schoolYear";
        /** Decision inputs: BEIJING or NON_LOCAL, and whole years of age on the school year's cut-off day. */
        public static final String HUKOU = "hukou";
        public static final String AGE = "age";
        /** The decision's result, read once and removed. */
        public static final String ELIGIBILITY = "eligibility";
        public static final String COVERED = "covered";
        /** KINDERGARTEN, PRIMARY or JUNIOR_SECONDARY. */
        public static final String LEVEL = "level";
        public static final String LEVEL_NAME = "levelName";
        public static final String FAMILY_APPLIES = "familyApplies";
        public static final String VERIFIED = "verified";
        public static final String PLACE_CONFIRMED = "placeConfirmed";
        /** Local to the education commission's step: the project's planned school or kindergarten, if any. */
        public static final String PLANNED_SCHOOL = "plannedSchool";
        public static final Set<String> STARTED_WITH = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, SUBJECT,
                ENROLLMENT_ID, SCHOOL_YEAR, HUKOU, AGE);
        /** Also the school's view of its step (task-local), which the process sets and no form submits. */
        public static final Set<String> ALL = java.util.stream.Stream.concat(Stream.of(CASE_ID, PROJECT_ID, DISTRICT,
                SUB_DISTRICT, SUBJECT, OUTCOME, ENROLLMENT_ID, SCHOOL_YEAR, HUKOU, AGE, ELIGIBILITY, COVERED, LEVEL,
                LEVEL_NAME, FAMILY_APPLIES, VERIFIED, PLACE_CONFIRMED, PLANNED_SCHOOL, LateStepEscalation.DESCRIPTION),
                SchoolView.ALL.stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());

        private Vars() {
        }
    }

    /**
     * Local to the school's step: the child and the guardian, which the school needs to take the
     * child in. Personal data: never in history, gone when the step ends.
     */
    public static final class SchoolView {
        public static final String CHILD_NAME = "childName";
        public static final String CHILD_ID_NUMBER = "childIdNumber";
        public static final String CHILD_BIRTH_DATE = "childBirthDate";
        public static final String GUARDIAN_NAME = "guardianName";
        public static final String GUARDIAN_PHONE = "guardianPhone";
        public static final String SCHOOL_NAME = "assignedSchool";
        public static final Set<String> ALL = Set.of(CHILD_NAME, CHILD_ID_NUMBER, CHILD_BIRTH_DATE, GUARDIAN_NAME,
                GUARDIAN_PHONE, SCHOOL_NAME);

        private SchoolView() {
        }
    }

    /** forms/school-enrollment-application.form (the residents' committee). */
    public static final class ApplicationForm {
        public static final String DECISION = "familyDecision";
        public static final String LEASE_SEEN = "leaseContractSeen";
        public static final String REGISTER_SEEN = "householdRegisterSeen";
        public static final String GUARDIAN_NAME = "guardian";
        public static final String GUARDIAN_PHONE = "guardianMobile";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(DECISION, LEASE_SEEN, REGISTER_SEEN, GUARDIAN_NAME, GUARDIAN_PHONE,
                NOTE);

        /** The values of {@link #DECISION}. */
        public enum Decision { APPLIES, DECLINES }

        private ApplicationForm() {
        }
    }

    /** forms/school-assignment.form (the district education commission). */
    public static final class AssignmentForm {
        public static final String RESULT = "verification";
        public static final String SCHOOL_NAME = "schoolName";
        public static final String REASON = "reason";
        public static final Set<String> ALL = Set.of(RESULT, SCHOOL_NAME, REASON);

        /** The values of {@link #RESULT}. */
        public enum Result { VERIFIED, REFUSED }

        private AssignmentForm() {
        }
    }

    /** forms/school-place-confirmation.form (the school). */
    public static final class PlaceForm {
        public static final String RESULT = "placeResult";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(RESULT, NOTE);

        /** The values of {@link #RESULT}. */
        public enum Result { CONFIRMED, NO_PLACE }

        private PlaceForm() {
        }
    }

    private SchoolEnrollmentProcess() {
    }
}
